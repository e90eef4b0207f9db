import { oncePerSource, type DataSource } from './source';
import type { Catalog } from './catalog';
import { DataError } from './errors';
import { DATA_BASE_URL } from './loadApp';
import type { WorkerLike } from './accessClient';
import { watchedAccessClient, type WatchedAccessClient } from './watchedAccess';
import AccessWorker from '../workers/access.worker?worker';
import { ACCESS_CATEGORIES, categoryRank, selectFacilities, type AccessCategory } from '../domain/access';
import { FACILITY_GROUPS, INSTITUTION_GROUPS, facilityGroup, institutionGroup } from '../domain/facilities';

/** Populated places, facilities and units as the access worker and the map need them. */
export interface AccessData {
  client: WatchedAccessClient;
  places: { count: number; lon: Float64Array; lat: Float64Array; nombre: string[]; ubigeo: string[] };
  facilities: {
    count: number;
    lon: Float64Array;
    lat: Float64Array;
    nombre: string[];
    categoria: string[];
    /** Indices into INSTITUTION_GROUPS and FACILITY_GROUPS: which universe a facility belongs to. */
    institution: Uint8Array;
    group: Uint8Array;
  };
  /** Facilities with coordinates in each access category (the ones its search uses). */
  categoryCounts: Record<AccessCategory, number>;
  /** Unit ids in the worker's order (index = the worker's unit index). */
  districtIds: string[];
  provinceIds: string[];
  /** Worker set-up time (ordering places, building the five kd-trees), ms. */
  initMs: number;
}

const column = <T>(t: { getChild(n: string): { get(i: number): unknown } | null; numRows: number }, name: string, f: (v: unknown) => T): T[] =>
  Array.from({ length: t.numRows }, (_, i) => f(t.getChild(name)!.get(i)));

/**
 * Loads INEI's populated places into DuckDB on first use, reads what the access computation
 * needs with three queries and starts the worker. The facilities are those of the map's layer
 * (same filter and order), so a nearest-facility index is also an index into `facilities`.
 */
async function loadAccessOnce(source: DataSource, catalog: Catalog): Promise<AccessData> {
  const ds = catalog.datasets.find((d) => d.id === 'centros_poblados');
  if (!ds) throw new DataError('datasetMissing', { dataset: 'centros_poblados' });
  await source.loadParquet('centros_poblados', `${DATA_BASE_URL}${ds.file}`);
  const p = await source.query(
    `SELECT lon::DOUBLE AS lon, lat::DOUBLE AS lat, coalesce(nombre, '') AS nombre, coalesce(ubigeo, '') AS ubigeo
     FROM centros_poblados WHERE lon IS NOT NULL AND lat IS NOT NULL ORDER BY coalesce(codigo, ''), lon, lat`,
    'centros_poblados',
  );
  const f = await source.query(
    `SELECT e.lon, e.lat, e.nombre, coalesce(e.categoria, '') AS categoria, coalesce(e.institucion, '') AS institucion,
            coalesce(m.atenciones, 0) > 0 AS emergencia
     FROM establecimientos e
     LEFT JOIN (SELECT codigo, sum(atenciones) AS atenciones FROM emergencias_2024 GROUP BY 1) m USING (codigo)
     WHERE e.lon IS NOT NULL AND e.lat IS NOT NULL ORDER BY e.codigo`,
    'establecimientos',
  );
  const d = await source.query(`SELECT ubigeo, ubigeo_prov, pob_2017::DOUBLE AS pob FROM distritos ORDER BY ubigeo`, 'distritos');
  const pr = await source.query(`SELECT ubigeo FROM provincias ORDER BY ubigeo`, 'provincias');

  const provinceIds = column(pr, 'ubigeo', String);
  const districtIds = column(d, 'ubigeo', String);
  const provinceIndex = new Map(provinceIds.map((id, i) => [id, i]));
  const districtIndex = new Map(districtIds.map((id, i) => [id, i]));
  const places = {
    count: p.numRows,
    lon: Float64Array.from(column(p, 'lon', Number)),
    lat: Float64Array.from(column(p, 'lat', Number)),
    nombre: column(p, 'nombre', String),
    ubigeo: column(p, 'ubigeo', String),
  };
  const facilities = {
    count: f.numRows,
    lon: Float64Array.from(column(f, 'lon', Number)),
    lat: Float64Array.from(column(f, 'lat', Number)),
    nombre: column(f, 'nombre', (v) => String(v ?? '')),
    categoria: column(f, 'categoria', String),
    institution: Uint8Array.from(column(f, 'institucion', String), (x) => INSTITUTION_GROUPS.indexOf(institutionGroup(x))),
    group: Uint8Array.from(column(f, 'categoria', String), (c) => FACILITY_GROUPS.indexOf(facilityGroup(c || 'Sin categoría'))),
  };
  const rank = Uint8Array.from(facilities.categoria, categoryRank);
  const emergency = Uint8Array.from(column(f, 'emergencia', (v) => (v ? 1 : 0)));
  // facilities with coordinates per category: what the access status names (the worker searches these)
  const categoryCounts = Object.fromEntries(
    ACCESS_CATEGORIES.map((c) => [c, selectFacilities({ lon: facilities.lon, lat: facilities.lat, rank, emergency }, c).length]),
  ) as Record<AccessCategory, number>;
  const client = watchedAccessClient(() => new AccessWorker() as unknown as WorkerLike);
  const started = performance.now();
  await client.init(
    {
      places: { lon: places.lon, lat: places.lat },
      facilities: {
        lon: facilities.lon,
        lat: facilities.lat,
        rank,
        emergency,
      },
      units: {
        placeDistrict: Int32Array.from(places.ubigeo, (u) => districtIndex.get(u) ?? -1),
        districtCount: districtIds.length,
        districtProvince: Int32Array.from(column(d, 'ubigeo_prov', String), (u) => provinceIndex.get(u) ?? -1),
        provinceCount: provinceIds.length,
        districtPopulation: Float64Array.from(column(d, 'pob', (v) => (v == null ? NaN : Number(v)))),
      },
    },
    // the map draws the same coordinates: copy rather than hand them over
    { transfer: false },
  );
  return { client, places, facilities, categoryCounts, districtIds, provinceIds, initMs: performance.now() - started };
}

/** Shared per engine (see oncePerSource). */
export const loadAccess = oncePerSource(loadAccessOnce);
