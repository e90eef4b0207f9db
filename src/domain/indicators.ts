/**
 * The indicator catalogue: what each indicator means, never how it is queried (that lives in
 * src/data/indicatorSql.ts, one SQL query per indicator). Pure data, no React, no DuckDB.
 */
export type Level = 'provincia' | 'distrito';
/** `up`: a higher value means more need (more priority); `down`: a lower value means more need. */
export type Direction = 'up' | 'down';
export type UnitKey = 'per10k' | 'years' | 'percent';

export interface IndicatorDef {
  id: string;
  label: { es: string; en: string };
  unit: UnitKey;
  direction: Direction;
  /** catalog.json dataset ids the value comes from, shown next to every number. */
  datasets: string[];
  levels: Level[];
}

/** Reference year for facility age: age = referenceYear − year the facility started activity. */
export const REFERENCE_YEAR = 2026;

export const INDICATORS: IndicatorDef[] = [
  {
    id: 'establecimientos_por_10k',
    label: {
      es: 'Establecimientos de salud por 10 000 habitantes (2017)',
      en: 'Health facilities per 10,000 people (2017)',
    },
    unit: 'per10k',
    direction: 'down',
    datasets: ['establecimientos', 'provincias'],
    levels: ['provincia', 'distrito'],
  },
  {
    id: 'antiguedad_mediana',
    label: {
      es: `Antigüedad mediana de los establecimientos al ${REFERENCE_YEAR} (desde el inicio de actividad)`,
      en: `Median facility age in ${REFERENCE_YEAR} (since start of activity)`,
    },
    unit: 'years',
    direction: 'up',
    datasets: ['establecimientos'],
    levels: ['provincia', 'distrito'],
  },
  {
    id: 'pobreza_pct',
    label: { es: 'Pobreza monetaria total 2018', en: 'Total monetary poverty 2018' },
    unit: 'percent',
    direction: 'up',
    datasets: ['provincias'],
    levels: ['provincia', 'distrito'],
  },
];

export function indicatorById(id: string): IndicatorDef {
  const def = INDICATORS.find((d) => d.id === id);
  if (!def) throw new Error(`indicador desconocido: ${id}`);
  return def;
}
