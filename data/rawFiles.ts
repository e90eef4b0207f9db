// The raw files the pipeline reads (paths relative to the raw folder) and the columns each
// must have. Checking them up front turns a wrong or truncated file into one clear Spanish
// message instead of a SQL binder error halfway through the build.
export interface RawFileSpec {
  path: string;
  kind: 'csv' | 'parquet' | 'geojson';
  /** Columns (CSV/Parquet) or feature properties (GeoJSON) the pipeline relies on. */
  columns: readonly string[];
}

export const RAW_FILES = {
  ipress: {
    path: 'facilities/ipress_minsa_2017.csv',
    kind: 'csv',
    columns: [
      'Codigo Unico', 'Nombre del establecimiento', 'Institucion', 'Clasificación', 'Tipo',
      'DEPARTAMENTO', 'Provincia', 'Distrito', 'UBIGEO', 'DISA', 'Red', 'Microrred',
      'Unidad Ejecutora', 'Categoría', 'Inicio de Actividad', 'NORTE', 'ESTE', 'COTA', 'CAMAS',
    ],
  },
  ipressNombres: {
    path: 'facilities/ipress_nombres_2017.parquet',
    kind: 'parquet',
    columns: ['codigo', 'nombre'],
  },
  censo: {
    path: 'population/censo2017_distritos.csv',
    kind: 'csv',
    columns: ['UBIGEO', 'POBTOTAL', 'POBURBANA', 'POBRURAL', 'POB_PROYEC', 'ALGUNA_NBI', 'NBI_PORC', 'IC_INF', 'IC_SUP'],
  },
  poblacion: {
    path: 'population/poblacion_distrito_2007_2022.csv',
    kind: 'csv',
    columns: ['ubigeo', 'distrito', 'c2007', 'p2022', 'cp_dif'],
  },
  indicadoresDistrito: {
    path: 'indicators/ubigeo_distrito.csv',
    kind: 'csv',
    columns: [
      'inei', 'superficie', 'altitude', 'indice_vulnerabilidad_alimentaria', 'idh_2019',
      'pct_pobreza_total', 'pct_pobreza_extrema',
    ],
  },
  indicadoresProvincia: {
    path: 'indicators/ubigeo_provincia.csv',
    kind: 'csv',
    columns: [
      'inei', 'superficie', 'altitude', 'indice_densidad_estado', 'indice_vulnerabilidad_alimentaria',
      'idh_2019', 'pct_pobreza_total', 'pct_pobreza_extrema',
    ],
  },
  emergencias: {
    path: 'access/susalud_emergencias_2024.parquet',
    kind: 'parquet',
    columns: ['codigo', 'ubigeo', 'atenciones', 'atendidos'],
  },
  centrosPoblados: {
    path: 'access/centros_poblados_inei.parquet',
    kind: 'parquet',
    columns: ['codigo', 'nombre', 'categoria', 'poblacion', 'geometry'],
  },
  conflictos: {
    path: 'conflicts/defensoria_conflictos_mineros_2024_03.csv',
    kind: 'csv',
    columns: [
      'caso', 'departamento', 'provincia', 'distrito', 'empresa', 'tipo', 'actividad', 'estado', 'fase',
      'vio_if', 'dial_if', 'competencia', 'lat', 'lon',
    ],
  },
  limitesDepartamentos: {
    path: 'boundaries/departamentos_inei.geojson',
    kind: 'geojson',
    columns: ['ubigeo', 'departamento'],
  },
  limitesProvincias: {
    path: 'boundaries/provincias_inei.geojson',
    kind: 'geojson',
    columns: ['ubigeo', 'departamento', 'provincia'],
  },
  limitesDistritos: {
    path: 'boundaries/distritos_inei.geojson',
    kind: 'geojson',
    columns: ['ubigeo', 'departamento', 'provincia', 'distrito', 'region_natural'],
  },
} as const satisfies Record<string, RawFileSpec>;

export type RawFileId = keyof typeof RAW_FILES;

/** The basemap comes from an npm package, not from the raw folder. */
export const WORLD_ATLAS_FILE = 'world-atlas/countries-50m.json';
