// Metadata of every built dataset, from /work/shared/data/SOURCES.md (institution, licence
// as stated by the public copy, vintage, the copy it came from). Row counts, sizes, column
// completeness and quirk counts are measured at build time (catalog.ts).
import type { CatalogDataset } from '../src/data/catalog';
import { RAW_FILES, WORLD_ATLAS_FILE } from './rawFiles';
import { SNAPSHOT_FILES } from '../src/data/indicatorSnapshot';

export type DatasetId =
  | 'establecimientos'
  | 'emergencias_2024'
  | 'centros_poblados'
  | 'conflictos'
  | 'distritos'
  | 'provincias'
  | 'limites_departamentos'
  | 'limites_provincias'
  | 'limites_distritos'
  | 'paises';

/** The catalogue entry's descriptive half (the rest is measured at build time). */
export interface DatasetMeta
  extends Pick<CatalogDataset, 'file' | 'title' | 'institution' | 'licence' | 'vintage' | 'source' | 'rawFiles'> {
  id: DatasetId;
  /** TopoJSON object holding the features (boundary datasets only). */
  topojsonObject?: string;
}

const MAPS_PERU = 'mapsPERU R package v2.0.0 (musajajorge/mapsPERU)';
const MAPS_PERU_LICENCE = { es: 'paquete GPL-3; los datos son del INEI', en: 'package GPL-3; the data are INEI\'s' };
const LIMITS_VINTAGE = { es: 'límites del INEI, empaquetados en noviembre de 2025', en: 'INEI limits, packaged Nov 2025' };
const UBIGEO_AUMENTADO = 'jmcastagnetto/ubigeo-peru-aumentado @a783fa6';
const TORRES = 'etorresram/District-Level-Population-Trends-in-Peru @27a78c8';

export const DATASETS: readonly DatasetMeta[] = [
  {
    id: 'establecimientos',
    file: 'establecimientos.parquet',
    title: { es: 'Establecimientos de salud en funcionamiento (IPRESS, MINSA)', en: 'Operating health facilities (IPRESS, MINSA)' },
    institution: 'MINSA',
    licence: { es: 'repositorio MIT; términos del portal de datos abiertos (archivo de nombres: no indicada)', en: 'repository MIT; portal open-data terms (names file: none stated)' },
    vintage: { es: '2017-02', en: '2017-02' },
    source:
      'FabrizioSulcaR/Hospitals-Access-Peru @66c1502, _data/operational_hospitals.csv (RENIPRESS, national open-data portal); ' +
      'accented names: Arriola123456/emergency_access_peru @f192f2d, data/processed/ipress.parquet',
    rawFiles: [RAW_FILES.ipress.path, RAW_FILES.ipressNombres.path, RAW_FILES.limitesProvincias.path, RAW_FILES.limitesDistritos.path],
  },
  {
    id: 'emergencias_2024',
    file: 'emergencias_2024.parquet',
    title: { es: 'Atenciones de emergencia por establecimiento, 2024 (SUSALUD)', en: 'Emergency attentions per facility, 2024 (SUSALUD)' },
    institution: 'SUSALUD',
    licence: { es: 'no indicada', en: 'none stated' },
    vintage: { es: '2024', en: '2024' },
    source: 'Arriola123456/emergency_access_peru @f192f2d',
    rawFiles: [RAW_FILES.emergencias.path, RAW_FILES.ipress.path],
  },
  {
    id: 'centros_poblados',
    file: 'centros_poblados.parquet',
    title: { es: 'Centros poblados (INEI)', en: 'Populated places (INEI)' },
    institution: 'INEI / IGN',
    licence: { es: 'no indicada', en: 'none stated' },
    vintage: { es: 'c. 2017', en: 'c. 2017' },
    source: 'Arriola123456/emergency_access_peru @f192f2d',
    rawFiles: [RAW_FILES.centrosPoblados.path, RAW_FILES.limitesDistritos.path],
  },
  {
    id: 'conflictos',
    file: 'conflictos.parquet',
    title: {
      es: 'Conflictos socioambientales por minería, marzo 2024 (Defensoría del Pueblo)',
      en: 'Socio-environmental mining conflicts, March 2024 (Defensoría del Pueblo)',
    },
    institution: 'Defensoría del Pueblo',
    licence: { es: 'no indicada', en: 'none stated' },
    vintage: { es: '2024-03', en: '2024-03' },
    source: 'warthon-190399/conflictos_minas @7b953e0, conflictos.csv',
    rawFiles: [RAW_FILES.conflictos.path, RAW_FILES.limitesProvincias.path, RAW_FILES.limitesDistritos.path],
  },
  {
    id: 'distritos',
    file: 'distritos.parquet',
    title: { es: 'Distritos: población, pobreza y desarrollo humano', en: 'Districts: population, poverty and human development' },
    institution: 'INEI; PNUD; MIDIS',
    licence: { es: 'MIT (ambos repositorios); nombres de los límites: mapsPERU GPL-3, datos del INEI', en: 'MIT (both repositories); boundary names: mapsPERU GPL-3, data INEI\'s' },
    vintage: { es: 'Censo 2017; proyección 2020; censo 2007; proyección 2022; pobreza 2018; IDH 2019', en: 'Census 2017; 2020 projection; census 2007; 2022 projection; poverty 2018; HDI 2019' },
    source: `${TORRES} (district shapefile attributes, data.xlsx); ${UBIGEO_AUMENTADO}; ${MAPS_PERU}, data/map_DIST.rda`,
    rawFiles: [RAW_FILES.censo.path, RAW_FILES.poblacion.path, RAW_FILES.indicadoresDistrito.path, RAW_FILES.limitesDistritos.path],
  },
  {
    id: 'provincias',
    file: 'provincias.parquet',
    title: { es: 'Provincias: población, pobreza y desarrollo humano', en: 'Provinces: population, poverty and human development' },
    institution: 'INEI; PNUD; CEPLAN; MIDIS',
    licence: { es: 'MIT (ambos repositorios); nombres de los límites: mapsPERU GPL-3, datos del INEI', en: 'MIT (both repositories); boundary names: mapsPERU GPL-3, data INEI\'s' },
    vintage: { es: 'Censo 2017; proyección 2020; censo 2007; proyección 2022; pobreza 2018; IDH 2019', en: 'Census 2017; 2020 projection; census 2007; 2022 projection; poverty 2018; HDI 2019' },
    source: `districts (see distritos); ${UBIGEO_AUMENTADO}; ${MAPS_PERU}, data/map_PROV.rda`,
    rawFiles: [
      RAW_FILES.censo.path, RAW_FILES.poblacion.path, RAW_FILES.indicadoresDistrito.path,
      RAW_FILES.indicadoresProvincia.path, RAW_FILES.limitesDistritos.path, RAW_FILES.limitesProvincias.path,
    ],
  },
  {
    id: 'limites_departamentos',
    file: 'limites_departamentos.topojson',
    topojsonObject: 'departamentos',
    title: { es: 'Límites departamentales', en: 'Department boundaries' },
    institution: 'INEI',
    licence: MAPS_PERU_LICENCE,
    vintage: LIMITS_VINTAGE,
    source: `${MAPS_PERU}, data/map_DEP.rda`,
    rawFiles: [RAW_FILES.limitesDepartamentos.path],
  },
  {
    id: 'limites_provincias',
    file: 'limites_provincias.topojson',
    topojsonObject: 'provincias',
    title: { es: 'Límites provinciales', en: 'Province boundaries' },
    institution: 'INEI',
    licence: MAPS_PERU_LICENCE,
    vintage: LIMITS_VINTAGE,
    source: `${MAPS_PERU}, data/map_PROV.rda`,
    rawFiles: [RAW_FILES.limitesProvincias.path],
  },
  {
    id: 'limites_distritos',
    file: 'limites_distritos.topojson',
    topojsonObject: 'distritos',
    title: { es: 'Límites distritales', en: 'District boundaries' },
    institution: 'INEI',
    licence: MAPS_PERU_LICENCE,
    vintage: LIMITS_VINTAGE,
    source: `${MAPS_PERU}, data/map_DIST.rda`,
    rawFiles: [RAW_FILES.limitesDistritos.path],
  },
  {
    id: 'paises',
    file: 'paises.topojson',
    topojsonObject: 'paises',
    title: { es: 'Países de Sudamérica (mapa base)', en: 'South American countries (basemap)' },
    institution: 'Natural Earth',
    licence: { es: 'dominio público (Natural Earth); paquete npm world-atlas ISC', en: 'public domain (Natural Earth); npm package world-atlas ISC' },
    vintage: { es: 'Natural Earth 1:50m (world-atlas 2.0.2)', en: 'Natural Earth 1:50m (world-atlas 2.0.2)' },
    source: 'npm world-atlas 2.0.2, countries-50m.json',
    rawFiles: [`npm:${WORLD_ATLAS_FILE}`],
  },
];

export const CATALOG_FILE = 'catalog.json';

/** Every file `npm run data` writes (what data:ensure looks for). */
/** Every file the pipeline writes: the datasets, the app's indicator snapshot (issue 16) and the catalogue. */
export const OUTPUT_FILES: readonly string[] = [...DATASETS.map((d) => d.file), ...SNAPSHOT_FILES, CATALOG_FILE];

export function datasetMeta(id: DatasetId): DatasetMeta {
  const meta = DATASETS.find((d) => d.id === id);
  if (!meta) throw new Error(`Error interno: conjunto de datos desconocido «${id}»`);
  return meta;
}
