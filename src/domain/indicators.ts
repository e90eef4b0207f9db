/**
 * The indicator catalogue: what each indicator means, never how it is queried (that lives in
 * src/data/indicatorSql.ts, one SQL query per indicator and level). Pure data: no React, no DuckDB.
 */
export type Level = 'provincia' | 'distrito';
/** `up`: a higher value means more need (more priority); `down`: a lower value means more need. */
export type Direction = 'up' | 'down';
export type UnitKey =
  | 'people' | 'per10k' | 'per100k' | 'peoplePerFacility' | 'years' | 'percent' | 'index' | 'metres' | 'perFacility' | 'conflicts' | 'km';
/** How a district value rolls up to its province: a sum, or a mean weighted by population. */
export type Aggregation = 'sum' | 'population_weighted_mean' | 'ratio' | 'facility_median' | 'province_only';

export interface IndicatorDef {
  id: string;
  label: { es: string; en: string };
  unit: UnitKey;
  direction: Direction;
  /** catalog.json dataset ids the value comes from, shown next to every number. */
  datasets: string[];
  levels: Level[];
  aggregation: Aggregation;
  /** Decimals shown. */
  digits: number;
  /**
   * Computed in the browser rather than by SQL at load: conflict counts depend on the time window
   * and on events the user uploads; access gaps on the threshold and category chosen.
   */
  computed?: 'conflicts' | 'access' | 'user' | 'projection';
  /**
   * The year the value is of (issue 19): the scenario names each indicator's period through it.
   * Absent where the period is the scenario's own (facility age at the reference year, conflicts
   * in the time window) or the source does not state one.
   */
  period?: string;
  /** User indicators: the unit as the user wrote it (instead of `unit`'s text). */
  unitText?: string;
  /** User indicators: the file the values came from. */
  userFile?: { name: string; rows: number; sha256: string; vintage: string };
}

/** Default reference year for facility age (age = referenceYear − start year); the scenario's `definitions.referenceYear` is the one used. */
export const REFERENCE_YEAR = 2026;
/** A facility counts as "old" from this age on (MINSA: no integral intervention in years). */
export const OLD_FACILITY_YEARS = 30;

export const LEVELS: readonly Level[] = ['provincia', 'distrito'];
const both: Level[] = [...LEVELS];

export const INDICATORS: IndicatorDef[] = [
  {
    id: 'poblacion_2017',
    period: '2017',
    label: { es: 'Población censada 2017', en: 'Population, 2017 census' },
    unit: 'people', direction: 'up', datasets: ['distritos'], levels: both, aggregation: 'sum', digits: 0,
  },
  {
    id: 'poblacion_2020',
    period: '2020',
    label: { es: 'Población proyectada 2020', en: 'Projected population 2020' },
    unit: 'people', direction: 'up', datasets: ['distritos'], levels: both, aggregation: 'sum', digits: 0,
  },
  {
    id: 'poblacion_2022',
    period: '2022',
    label: { es: 'Población proyectada 2022', en: 'Projected population 2022' },
    unit: 'people', direction: 'up', datasets: ['distritos'], levels: both, aggregation: 'sum', digits: 0,
  },
  {
    // issue 19: offered only where the data-sufficiency rule holds (src/domain/projection.ts); missing elsewhere
    id: 'poblacion_proyectada_2027',
    period: '2027',
    label: {
      es: 'Población proyectada a 2027 (proyección por crecimiento geométrico 2017–2022)',
      en: 'Population projected to 2027 (projection by geometric growth 2017–2022)',
    },
    unit: 'people', direction: 'up', datasets: ['distritos'], levels: both, aggregation: 'sum', digits: 0, computed: 'projection',
  },
  {
    id: 'establecimientos_por_10k',
    period: '2017',
    label: { es: 'Establecimientos de salud por 10 000 hab.', en: 'Health facilities per 10,000 people' },
    unit: 'per10k', direction: 'down', datasets: ['establecimientos', 'distritos'], levels: both, aggregation: 'ratio', digits: 2,
  },
  {
    id: 'primer_nivel_por_10k',
    period: '2017',
    label: { es: 'Establecimientos del primer nivel (I-1 a I-4) por 10 000 hab.', en: 'First-level facilities (I-1 to I-4) per 10,000 people' },
    unit: 'per10k', direction: 'down', datasets: ['establecimientos', 'distritos'], levels: both, aggregation: 'ratio', digits: 2,
  },
  {
    id: 'hospitales_por_100k',
    period: '2017',
    label: { es: 'Hospitales (II y III) por 100 000 hab.', en: 'Hospitals (II and III) per 100,000 people' },
    unit: 'per100k', direction: 'down', datasets: ['establecimientos', 'distritos'], levels: both, aggregation: 'ratio', digits: 2,
  },
  {
    id: 'personas_por_establecimiento',
    period: '2017',
    label: { es: 'Personas por establecimiento de salud', en: 'People per health facility' },
    unit: 'peoplePerFacility', direction: 'up', datasets: ['establecimientos', 'distritos'], levels: both, aggregation: 'ratio', digits: 0,
  },
  {
    id: 'antiguedad_mediana',
    label: {
      // the year is the scenario's reference year (issue 12), stated beside the definitions
      es: 'Antigüedad mediana de los establecimientos al año de referencia',
      en: 'Median facility age at the reference year',
    },
    unit: 'years', direction: 'up', datasets: ['establecimientos'], levels: both, aggregation: 'facility_median', digits: 0,
  },
  {
    id: 'pct_antiguos',
    label: {
      es: `Establecimientos con ${OLD_FACILITY_YEARS} años o más de actividad`,
      en: `Facilities active for ${OLD_FACILITY_YEARS} years or more`,
    },
    unit: 'percent', direction: 'up', datasets: ['establecimientos'], levels: both, aggregation: 'ratio', digits: 1,
  },
  {
    id: 'pct_sin_camas',
    period: '2017',
    label: { es: 'Establecimientos sin dato de camas', en: 'Facilities without beds data' },
    unit: 'percent', direction: 'up', datasets: ['establecimientos'], levels: both, aggregation: 'ratio', digits: 1,
  },
  {
    id: 'emergencias_por_establecimiento',
    period: '2024',
    label: { es: 'Atenciones de emergencia 2024 por establecimiento', en: 'Emergency attentions 2024 per facility' },
    unit: 'perFacility', direction: 'up', datasets: ['emergencias_2024', 'establecimientos'], levels: both, aggregation: 'ratio', digits: 0,
  },
  {
    id: 'pobreza_pct',
    period: '2018',
    label: { es: 'Pobreza monetaria total 2018', en: 'Total monetary poverty 2018' },
    unit: 'percent', direction: 'up', datasets: ['distritos'], levels: both, aggregation: 'population_weighted_mean', digits: 1,
  },
  {
    id: 'pobreza_extrema_pct',
    period: '2018',
    label: { es: 'Pobreza extrema 2018', en: 'Extreme poverty 2018' },
    unit: 'percent', direction: 'up', datasets: ['distritos'], levels: both, aggregation: 'population_weighted_mean', digits: 1,
  },
  {
    id: 'nbi_pct',
    period: '2017',
    label: { es: 'Población con al menos una necesidad básica insatisfecha (2017)', en: 'People with at least one unmet basic need (2017)' },
    unit: 'percent', direction: 'up', datasets: ['distritos'], levels: both, aggregation: 'population_weighted_mean', digits: 1,
  },
  {
    id: 'idh_2019',
    period: '2019',
    label: { es: 'Índice de desarrollo humano 2019', en: 'Human development index 2019' },
    unit: 'index', direction: 'down', datasets: ['provincias', 'distritos'], levels: both, aggregation: 'province_only', digits: 3,
  },
  {
    id: 'indice_densidad_estado',
    label: { es: 'Índice de densidad del Estado (presencia estatal)', en: 'State density index (state presence)' },
    unit: 'index', direction: 'down', datasets: ['provincias'], levels: ['provincia'], aggregation: 'province_only', digits: 3,
  },
  {
    id: 'ruralidad_pct',
    period: '2017',
    label: { es: 'Población rural 2017', en: 'Rural population 2017' },
    unit: 'percent', direction: 'up', datasets: ['distritos'], levels: both, aggregation: 'ratio', digits: 1,
  },
  {
    id: 'conflictos_activos',
    label: {
      es: 'Conflictos socioambientales activos o latentes (en la ventana de tiempo)',
      en: 'Active or latent socio-environmental conflicts (in the time window)',
    },
    unit: 'conflicts', direction: 'up', datasets: ['conflictos'], levels: both, aggregation: 'sum', digits: 0, computed: 'conflicts',
  },
  {
    id: 'conflictos_por_100k',
    label: {
      es: 'Conflictos activos o latentes por 100 000 hab.',
      en: 'Active or latent conflicts per 100,000 people',
    },
    unit: 'per100k', direction: 'up', datasets: ['conflictos', 'distritos'], levels: both, aggregation: 'ratio', digits: 2, computed: 'conflicts',
  },
  {
    id: 'acceso_pct_lejos',
    label: {
      es: 'Centros poblados más lejos que el umbral del establecimiento más cercano',
      en: 'Populated places farther than the threshold from the nearest facility',
    },
    unit: 'percent', direction: 'up', datasets: ['centros_poblados', 'establecimientos'], levels: both, aggregation: 'ratio', digits: 1, computed: 'access',
  },
  {
    id: 'acceso_mediana_km',
    label: { es: 'Distancia mediana al establecimiento más cercano', en: 'Median distance to the nearest facility' },
    unit: 'km', direction: 'up', datasets: ['centros_poblados', 'establecimientos'], levels: both, aggregation: 'facility_median', digits: 1, computed: 'access',
  },
  {
    id: 'acceso_p90_km',
    label: { es: 'Distancia al establecimiento más cercano, percentil 90', en: 'Distance to the nearest facility, 90th percentile' },
    unit: 'km', direction: 'up', datasets: ['centros_poblados', 'establecimientos'], levels: both, aggregation: 'facility_median', digits: 1, computed: 'access',
  },
  {
    id: 'acceso_poblacion_lejos',
    label: {
      es: 'Población estimada más lejos que el umbral (estimación)',
      en: 'Estimated population farther than the threshold (estimate)',
    },
    unit: 'people', direction: 'up', datasets: ['centros_poblados', 'establecimientos', 'distritos'], levels: both, aggregation: 'sum', digits: 0, computed: 'access',
  },
  {
    id: 'altitud_m',
    label: { es: 'Altitud de la capital', en: 'Altitude of the capital' },
    unit: 'metres', direction: 'up', datasets: ['provincias', 'distritos'], levels: both, aggregation: 'province_only', digits: 0,
  },
];

const byId = new Map(INDICATORS.map((d) => [d.id, d]));

/**
 * Indicators made from a user's file are not in the catalogue: their definitions travel with the
 * scenario (`scenario.userData`), and derive() registers them here whenever they change.
 */
const userDefs = new Map<string, IndicatorDef>();
export function setUserIndicatorDefs(defs: readonly IndicatorDef[]): void {
  userDefs.clear();
  for (const d of defs) userDefs.set(d.id, d);
}

export function indicatorById(id: string): IndicatorDef {
  const def = byId.get(id) ?? userDefs.get(id);
  if (!def) throw new Error(`indicador desconocido: ${id}`);
  return def;
}
