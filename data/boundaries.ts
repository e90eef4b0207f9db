// INEI boundaries (GeoJSON from the mapsPERU package) → checked feature collections for the
// pipeline, and simplified TopoJSON for the app.
import { readFileSync } from 'node:fs';
import mapshaper from 'mapshaper';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { malformedFileError, missingColumnError } from './errors';
import type { RawFileSpec } from './rawFiles';
import { padUbigeo, type UbigeoDigits } from './ubigeo';

export type BoundaryProperties = Record<string, string | number | null> & { ubigeo: string };
export type Boundary = FeatureCollection<Polygon | MultiPolygon, BoundaryProperties>;

/** Parses a boundary file, checks its properties and zero-pads `ubigeo` (counted). */
export function readBoundary(
  file: string,
  spec: RawFileSpec,
  rawDir: string,
  digits: UbigeoDigits,
): { boundary: Boundary; padded: number } {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw malformedFileError(spec.path, rawDir, `no es JSON válido (${(e as Error).message})`);
  }
  const fc = data as Boundary;
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw malformedFileError(spec.path, rawDir, 'no es una FeatureCollection de GeoJSON');
  }
  const missing = new Set<string>();
  let padded = 0;
  for (const f of fc.features) {
    for (const c of spec.columns) if (!f.properties || !(c in f.properties)) missing.add(c);
    if (missing.size > 0) continue;
    const raw = f.properties.ubigeo;
    const code = padUbigeo(raw, digits);
    if (code === null) throw malformedFileError(spec.path, rawDir, `UBIGEO inválido «${String(raw)}»`);
    if (code !== String(raw)) padded++;
    f.properties.ubigeo = code;
  }
  if (missing.size > 0) throw missingColumnError(spec.path, rawDir, [...missing]);
  return { boundary: fc, padded };
}

/**
 * Simplified TopoJSON for the map. Snapping (0.0005°) and -clean first make neighbouring
 * polygons share arcs: the source outlines are not topologically consistent, and without it
 * the province layer stays ~700 KB because shared borders are stored twice.
 */
export async function simplifyBoundary(
  boundary: Boundary,
  layer: string,
  fields: readonly string[],
  percentage = '5%',
): Promise<string> {
  const input = { 'entrada.json': JSON.stringify(boundary) };
  const out = await mapshaper.applyCommands(
    `-i entrada.json snap snap-interval=0.0005 -clean -simplify ${percentage} keep-shapes ` +
      `-filter-fields ${fields.join(',')} -rename-layers ${layer} ` +
      `-o salida.topojson format=topojson quantization=1e5`,
    input,
  );
  return String(out['salida.topojson']);
}

/** Natural Earth names (world-atlas 1:50m) of the countries drawn around Peru. */
export const SOUTH_AMERICA = [
  'Argentina', 'Bolivia', 'Brazil', 'Chile', 'Colombia', 'Ecuador', 'Falkland Is.', 'France',
  'Guyana', 'Panama', 'Paraguay', 'Peru', 'Suriname', 'Uruguay', 'Venezuela',
] as const;

/**
 * South America (and Panama) from world-atlas' countries-50m. France is kept only for
 * French Guiana: the clip to the continent's box removes metropolitan France, and the
 * remaining piece is renamed.
 */
export async function buildCountries(worldAtlasFile: string): Promise<string> {
  const input = { 'paises.json': readFileSync(worldAtlasFile, 'utf8') };
  const out = await mapshaper.applyCommands(
    `-i paises.json -target countries ` +
      `-filter '${JSON.stringify(SOUTH_AMERICA)}.indexOf(name) > -1' ` +
      `-clip bbox=-95,-60,-30,15 ` +
      `-each 'name = name === "France" ? "French Guiana" : name' ` +
      `-sort name -filter-fields name -rename-layers paises ` +
      `-o paises.topojson format=topojson quantization=1e5`,
    input,
  );
  return String(out['paises.topojson']);
}

interface Topology {
  objects: Record<string, { geometries: Array<{ properties?: Record<string, unknown> }> }>;
}

/** Properties of every geometry of one TopoJSON object (for the catalog and checks). */
export function topologyProperties(topojson: string, object: string): Array<Record<string, unknown>> {
  const topo = JSON.parse(topojson) as Topology;
  const obj = topo.objects[object];
  if (!obj) throw new Error(`Error interno: la TopoJSON no tiene el objeto «${object}»`);
  return obj.geometries.map((g) => g.properties ?? {});
}
