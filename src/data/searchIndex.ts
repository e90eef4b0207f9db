import type { DataSource } from './source';
import { buildIndex, type SearchEntry, type SearchKind } from '../domain/search';

/** Every searchable name, from the loaded tables, in one query. */
export const SEARCH_SQL = `
SELECT 'departamento' AS kind, ubigeo_dep AS key, any_value(departamento) AS name, '' AS context,
       NULL::DOUBLE AS lon, NULL::DOUBLE AS lat, '' AS terms
FROM provincias GROUP BY ubigeo_dep
UNION ALL
SELECT 'provincia', ubigeo, provincia, departamento, NULL, NULL, '' FROM provincias
UNION ALL
SELECT 'distrito', ubigeo, distrito, provincia || ', ' || departamento, NULL, NULL, '' FROM distritos
UNION ALL
SELECT 'establecimiento', codigo::VARCHAR, nombre, distrito || ', ' || provincia || ' · ' || coalesce(categoria, ''), lon, lat,
       coalesce(clasificacion, '') || ' ' || coalesce(tipo, '') || ' ' || distrito
FROM establecimientos WHERE lon IS NOT NULL`;

export async function loadSearchIndex(source: DataSource): Promise<SearchEntry[]> {
  const t = await source.query(SEARCH_SQL, 'búsqueda');
  const get = (name: string, r: number) => t.getChild(name)!.get(r);
  const entries: SearchEntry[] = [];
  for (let r = 0; r < t.numRows; r++) {
    const lon = get('lon', r) as number | null;
    const lat = get('lat', r) as number | null;
    entries.push({
      kind: get('kind', r) as SearchKind,
      key: String(get('key', r)),
      name: String(get('name', r) ?? ''),
      context: String(get('context', r) ?? ''),
      terms: String(get('terms', r) ?? ''),
      ...(lon != null && lat != null ? { lon, lat } : {}),
    });
  }
  return buildIndex(entries);
}
