// `npm run data`: raw open data (../shared/data/raw) → public/data (Parquet, TopoJSON,
// catalog.json), following docs/data-contract.md. Every step lives in its own module; this
// file only orders them, times them and publishes the result.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT, resolveDataPaths, type DataPaths } from './config';
import { openDb } from './db';
import { DataInputError } from './errors';
import { assertRawColumns, assertRawFilesExist, hashInputs, hashPipeline, rawPath, worldAtlasPath } from './inputs';
import { RAW_FILES, type RawFileSpec } from './rawFiles';
import { buildCountries, readBoundary, simplifyBoundary, topologyProperties } from './boundaries';
import {
  buildDistricts, buildProvinces, districtQuirks, loadBoundaryNames, loadCensus, loadDistrictIndicators,
  loadPopulation2007To2022, loadProvinceIndicators, provinceQuirks, writeTable, type PopulationLoadReport,
} from './population';
import {
  buildFacilityBase, buildTextRepairs, countReplacementCharsInRaw, dropDuplicateCodes, facilityQuirks,
  loadNames, loadRegister, writeFacilities,
} from './facilities';
import { indexPolygons, locateFacilities } from './geolocation';
import { startDateQuirks } from './datePlausibility';
import { buildEmergencies, emergencyQuirks, writeEmergencies } from './emergencies';
import { cleanPlaces, loadRawPlaces, placeQuirks, writePlaces } from './access';
import { buildConflicts, conflictQuirks, writeConflicts } from './conflicts';
import { CATALOG_FILE, DATASETS, datasetMeta, type DatasetId } from './datasets';
import {
  catalogEntry, describeParquet, describeProperties, serializeCatalog, type Catalog, type CatalogDataset,
} from './catalog';
import { assertCleanParquet, assertCleanText } from './validate';
import { buildIndicatorSnapshots } from './snapshot';
import type { Quirk } from './quirks';

export interface BuildOptions extends Partial<DataPaths> {
  /** Progress lines; silent by default (tests). */
  log?: (message: string) => void;
}

export interface BuildResult extends DataPaths {
  catalog: Catalog;
  milliseconds: number;
}

/** Boundary layers: which raw file, TopoJSON object, properties kept and simplification. */
const BOUNDARY_LAYERS = [
  { id: 'limites_departamentos', spec: RAW_FILES.limitesDepartamentos, digits: 2, object: 'departamentos', fields: ['ubigeo', 'departamento'] },
  { id: 'limites_provincias', spec: RAW_FILES.limitesProvincias, digits: 4, object: 'provincias', fields: ['ubigeo', 'departamento', 'provincia'] },
  { id: 'limites_distritos', spec: RAW_FILES.limitesDistritos, digits: 6, object: 'distritos', fields: ['ubigeo', 'departamento', 'provincia', 'distrito'] },
] as const;

export async function buildAll(options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const { rawDir, outDir } = resolveDataPaths(options);
  let last = started;
  const step = (what: string) => {
    const now = performance.now();
    log(`  ${what} (${Math.round(now - last)} ms)`);
    last = now;
  };

  assertRawFilesExist(rawDir);
  const raw = (spec: RawFileSpec) => rawPath(rawDir, spec);
  // Everything is written to a staging folder and moved at the end, so a failed build never
  // leaves a half-updated public/data behind.
  const staging = path.join(outDir, `.construyendo-${process.pid}`);
  const out = (file: string) => path.join(staging, file);
  const db = await openDb();
  try {
    await assertRawColumns(db, rawDir);
    const inputsSha256 = hashInputs(rawDir);
    const pipelineSha256 = hashPipeline(path.join(PROJECT_ROOT, 'data'));
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    step('archivos de entrada verificados');

    const layers = BOUNDARY_LAYERS.map((l) => ({ ...l, ...readBoundary(raw(l.spec), l.spec, rawDir, l.digits) }));
    const [, provinces, districts] = layers;
    step('límites leídos');

    // Districts and provinces.
    await loadBoundaryNames(db, districts.boundary, provinces.boundary);
    const report: PopulationLoadReport = {
      censusPadded: (await loadCensus(db, raw(RAW_FILES.censo))).padded,
      population0722: await loadPopulation2007To2022(db, raw(RAW_FILES.poblacion)),
      districtIndicators: await loadDistrictIndicators(db, raw(RAW_FILES.indicadoresDistrito)),
      provinceIndicatorsPadded: (await loadProvinceIndicators(db, raw(RAW_FILES.indicadoresProvincia))).padded,
      boundaryPadded: districts.padded,
    };
    await buildDistricts(db);
    await buildProvinces(db);
    await writeTable(db, 'distritos', out(datasetMeta('distritos').file));
    await writeTable(db, 'provincias', out(datasetMeta('provincias').file));
    step('distritos y provincias');

    // Facilities.
    const { directorColumn } = await loadRegister(db, raw(RAW_FILES.ipress), rawDir, RAW_FILES.ipress.path);
    const rawRows = await db.value<number>(`SELECT count(*) FROM ipress_raw`);
    const replacementChars = await countReplacementCharsInRaw(db);
    const duplicatesDropped = await dropDuplicateCodes(db);
    const names = await loadNames(db, raw(RAW_FILES.ipressNombres));
    const boundaryNames = districts.boundary.features.flatMap((f) =>
      [f.properties.departamento, f.properties.provincia, f.properties.distrito].map((v) => String(v ?? '')),
    );
    await buildTextRepairs(db, [...names, ...boundaryNames]);
    await buildFacilityBase(db, directorColumn);
    step('establecimientos limpiados');
    const points = await db.rows<{ codigo: number; lon: number | null; lat: number | null; ubigeo_prov: string | null }>(
      `SELECT codigo, lon, lat, ubigeo_prov FROM establecimientos_base ORDER BY codigo`,
    );
    const locations = locateFacilities(indexPolygons(provinces.boundary), points);
    step('puntos ubicados en provincias');
    await writeFacilities(db, locations, out(datasetMeta('establecimientos').file));

    await buildEmergencies(db, raw(RAW_FILES.emergencias));
    await writeEmergencies(db, out(datasetMeta('emergencias_2024').file));
    step('establecimientos y emergencias escritos');

    // Populated places (issue 5): district from the code, or from the raw district polygons.
    const rawPlaces = await loadRawPlaces(db, raw(RAW_FILES.centrosPoblados), rawDir, RAW_FILES.centrosPoblados.path);
    const places = cleanPlaces(rawPlaces, indexPolygons(districts.boundary));
    await writePlaces(db, places.places, out(datasetMeta('centros_poblados').file));
    step('centros poblados');

    const conflicts = await buildConflicts(db, raw(RAW_FILES.conflictos), RAW_FILES.conflictos.path, rawDir, {
      districts: districts.boundary, provinces: provinces.boundary,
    });
    await writeConflicts(db, out(datasetMeta('conflictos').file));
    step('conflictos');

    // Boundaries for the map.
    const topologies = new Map<DatasetId, string>();
    for (const l of layers) {
      const topo = await simplifyBoundary(l.boundary, l.object, l.fields);
      writeFileSync(out(datasetMeta(l.id).file), topo);
      topologies.set(l.id, topo);
      step(`${l.id} simplificado`);
    }
    const countries = await buildCountries(worldAtlasPath());
    writeFileSync(out(datasetMeta('paises').file), countries);
    topologies.set('paises', countries);
    step('países');

    // Checks and catalog.
    const quirks: Record<DatasetId, Quirk[]> = {
      establecimientos: [...(await facilityQuirks(db, { rawRows, duplicatesDropped, replacementChars })), ...(await startDateQuirks(db))],
      emergencias_2024: await emergencyQuirks(db),
      centros_poblados: placeQuirks(places.report, places.places.length),
      conflictos: conflictQuirks(conflicts),
      distritos: await districtQuirks(db, report),
      provincias: await provinceQuirks(db, report),
      limites_departamentos: [],
      limites_provincias: [],
      limites_distritos: [],
      paises: [],
    };
    const datasets: CatalogDataset[] = [];
    for (const meta of DATASETS) {
      const file = out(meta.file);
      let described;
      if (meta.topojsonObject) {
        assertCleanText(file);
        const props = topologyProperties(topologies.get(meta.id)!, meta.topojsonObject);
        described = await describeProperties(db, `propiedades_${meta.id}`, props);
      } else {
        await assertCleanParquet(db, file);
        described = await describeParquet(db, file);
      }
      datasets.push(catalogEntry(meta, file, described, quirks[meta.id]));
    }
    const catalog: Catalog = { schemaVersion: 1, inputsSha256, pipelineSha256, datasets };
    const snapshots = await buildIndicatorSnapshots(staging, inputsSha256);
    for (const [file, text] of snapshots) writeFileSync(out(file), text);
    step('indicadores precalculados');
    writeFileSync(out(CATALOG_FILE), serializeCatalog(catalog));
    step('catálogo');

    // Publish: catalog.json last, so its presence means a complete build.
    for (const meta of DATASETS) renameSync(out(meta.file), path.join(outDir, meta.file));
    for (const file of snapshots.keys()) renameSync(out(file), path.join(outDir, file));
    renameSync(out(CATALOG_FILE), path.join(outDir, CATALOG_FILE));
    return { rawDir, outDir, catalog, milliseconds: Math.round(performance.now() - started) };
  } finally {
    db.close();
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Prints the error message only: a stack trace would bury the Spanish explanation. */
export function reportFailure(error: unknown): void {
  if (error instanceof DataInputError) {
    console.error(`\nError en los datos de entrada: ${error.message}\n`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`\nError al construir los datos: ${message}\n`);
  }
}

async function main(): Promise<void> {
  const { rawDir, outDir } = resolveDataPaths();
  console.log(`Construyendo datos\n  desde ${rawDir}\n  hacia ${outDir}`);
  try {
    const result = await buildAll({ log: (m) => console.log(m) });
    for (const d of result.catalog.datasets) {
      console.log(`  ${d.file.padEnd(32)} ${String(d.rows).padStart(6)} filas ${(d.bytes / 1024).toFixed(0).padStart(6)} KB`);
    }
    console.log(`Listo en ${(result.milliseconds / 1000).toFixed(1)} s.`);
  } catch (error) {
    reportFailure(error);
    process.exitCode = 1;
  }
}

const invokedPath = process.argv[1] ? path.resolve(process.argv[1]) : '';
if (invokedPath === fileURLToPath(import.meta.url)) void main();
