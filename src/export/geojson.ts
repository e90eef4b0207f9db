import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { rewind } from '@turf/turf';
import type { Boundaries } from '../data/boundaries';
import { provenance, type ExportContext, type Provenance } from './provenance';

export type ScoredCollection = FeatureCollection<Geometry, Record<string, string | number | null>> & { metadata: Provenance };

const num = (x: number) => (Number.isFinite(x) ? Math.round(x * 1e4) / 1e4 : null);

/** The scored units of the scope as GeoJSON, with the provenance as a `metadata` member. */
export function scoredGeoJson(ctx: ExportContext, boundaries: Boundaries): ScoredCollection {
  const { units, ranking } = ctx;
  const index = new Map(units.ids.map((id, i) => [id, i]));
  const features: Feature<Geometry, Record<string, string | number | null>>[] = [];
  for (const f of boundaries.features) {
    const i = index.get(f.properties.ubigeo);
    if (i === undefined || ranking.inScope[i] !== 1) continue;
    const props: Record<string, string | number | null> = {
      ubigeo: units.ids[i],
      nombre: units.names[i],
      ...(units.level === 'distrito' ? { provincia: units.provincias[i] } : {}),
      departamento: units.departamentos[i],
      puesto: ranking.rank[i] || null,
      puntaje: num(ranking.score[i]),
      cobertura_peso_pct: num(ranking.coverage[i] * 100),
    };
    for (const id of ranking.indicatorIds) props[`valor:${id}`] = num(units.values[id][i]);
    // RFC 7946: exterior rings counter-clockwise, holes clockwise (TopoJSON's output winds the other way)
    features.push({ type: 'Feature', geometry: rewind(f.geometry) as Geometry, properties: props });
  }
  features.sort((a, b) => ((a.properties.puesto as number) || 1e9) - ((b.properties.puesto as number) || 1e9));
  return { type: 'FeatureCollection', metadata: provenance(ctx), features };
}
