import { FACILITY_GROUPS, INSTITUTION_GROUPS, type FacilityGroup, type InstitutionGroup } from './facilities';
import { DATE_RULES, dateUsableSql, type DateRule } from './datePlausibility';
import { REFERENCE_YEAR } from './indicators';
import type { EmergencyOutlierRule } from './emergencyPlausibility';

/**
 * The definitions behind the facility-based indicators (issue 12): which facilities count (the
 * universe), how the emergency ratio is built, how a unit whose SUSALUD rows all report 0 is
 * read, which start dates count for age, and the reference year. Part of the scenario; every
 * facility-based indicator is recomputed in SQL over them (src/data/indicatorSql.ts).
 */
export interface FacilityUniverse {
  /** Administering institutions whose facilities count (see INSTITUTION_GROUPS). */
  institutions: InstitutionGroup[];
  /** Levels / categories that count: I-1 … I-4, II, III, SC (no category). */
  categories: FacilityGroup[];
}

/** `universo`: only SUSALUD codes of facilities in the universe, over those facilities. `todos`: every SUSALUD row of the unit over every register facility (before issue 12). */
export type EmergencyNumerator = 'universo' | 'todos';
/** A unit whose SUSALUD rows all report 0: `sin_reporte` = missing, `cero` = a true 0. */
export type EmergencyZeros = 'sin_reporte' | 'cero';

/**
 * How the facility-count indicators (per 10,000, per 100,000, people per facility) count a
 * facility: `conteo` one each (default); `camas` its beds where the register gives them, else the
 * median beds of its level in the whole register, at least 1 (a health post weighs 1, a level-III
 * hospital 267); `pesos` the scenario's weight for its level.
 */
export type CapacityRule = 'conteo' | 'camas' | 'pesos';
export const CAPACITY_RULES: readonly CapacityRule[] = ['conteo', 'camas', 'pesos'];
export type LevelWeights = Record<FacilityGroup, number>;
export const MAX_LEVEL_WEIGHT = 1000;
export const unitLevelWeights = (): LevelWeights => Object.fromEntries(FACILITY_GROUPS.map((g) => [g, 1])) as LevelWeights;

export interface IndicatorDefinitions {
  universe: FacilityUniverse;
  capacity: CapacityRule;
  /** Weight of a facility of each level under `capacity: 'pesos'`. */
  levelWeights: LevelWeights;
  emergencyNumerator: EmergencyNumerator;
  emergencyZeros: EmergencyZeros;
  /** SUSALUD rows above the plausible maximum of their level (src/domain/emergencyPlausibility.ts). */
  emergencyOutliers: EmergencyOutlierRule;
  dates: DateRule;
  /** Age = referenceYear − year of start of activity. */
  referenceYear: number;
}

export const EMERGENCY_NUMERATORS: readonly EmergencyNumerator[] = ['universo', 'todos'];
export const EMERGENCY_ZEROS: readonly EmergencyZeros[] = ['sin_reporte', 'cero'];
export const MIN_REFERENCE_YEAR = 2017;
export const MAX_REFERENCE_YEAR = 2035;

/** Every facility of the register, and the rules the app used before issue 12: reproduces the earlier ranking. */
export function previousDefinitions(): IndicatorDefinitions {
  return {
    universe: { institutions: [...INSTITUTION_GROUPS], categories: [...FACILITY_GROUPS] },
    capacity: 'conteo',
    levelWeights: unitLevelWeights(),
    emergencyNumerator: 'todos',
    emergencyZeros: 'cero',
    emergencyOutliers: 'incluir',
    dates: 'todas',
    referenceYear: REFERENCE_YEAR,
  };
}

/** The stated defaults: consistent ratio, all-zero = no report, implausible SUSALUD rows and flagged dates left out; `institutions` per preset. */
export function defaultDefinitions(institutions: readonly InstitutionGroup[] = INSTITUTION_GROUPS): IndicatorDefinitions {
  return {
    universe: { institutions: [...institutions], categories: [...FACILITY_GROUPS] },
    capacity: 'conteo',
    levelWeights: unitLevelWeights(),
    emergencyNumerator: 'universo',
    emergencyZeros: 'sin_reporte',
    emergencyOutliers: 'excluir',
    dates: 'sin_alertas',
    referenceYear: REFERENCE_YEAR,
  };
}

/** The regional government's own network (the GORE preset). */
export const GORE_INSTITUTIONS: readonly InstitutionGroup[] = ['gore'];

/** Everything that changes the SQL: level units loaded with a different key must be reloaded. */
export function unitsKey(d: IndicatorDefinitions): string {
  const inst = INSTITUTION_GROUPS.filter((g) => d.universe.institutions.includes(g));
  const cats = FACILITY_GROUPS.filter((g) => d.universe.categories.includes(g));
  const capacity = d.capacity === 'pesos' ? `pesos:${FACILITY_GROUPS.map((g) => d.levelWeights[g]).join(',')}` : d.capacity;
  return [inst.join('+'), cats.join('+'), capacity, d.emergencyNumerator, d.emergencyZeros, d.emergencyOutliers, d.dates, d.referenceYear].join('|');
}

/** The universe's facilities, as a key (the order of the groups does not matter). */
export const universeKey = (u: FacilityUniverse): string =>
  `${INSTITUTION_GROUPS.filter((g) => u.institutions.includes(g)).join('+')}|${FACILITY_GROUPS.filter((g) => u.categories.includes(g)).join('+')}`;

/**
 * 1 for each facility in the universe, from its institution and level group indices (into
 * INSTITUTION_GROUPS and FACILITY_GROUPS); null for the whole register (no restriction).
 */
export function universeMask(institution: Uint8Array, group: Uint8Array, u: FacilityUniverse): Uint8Array | null {
  if (isWholeRegister(u)) return null;
  const inst = new Set(u.institutions.map((g) => INSTITUTION_GROUPS.indexOf(g)));
  const cats = new Set(u.categories.map((g) => FACILITY_GROUPS.indexOf(g)));
  return Uint8Array.from(institution, (x, i) => (inst.has(x) && cats.has(group[i]) ? 1 : 0));
}

export const isWholeRegister = (u: FacilityUniverse): boolean =>
  INSTITUTION_GROUPS.every((g) => u.institutions.includes(g)) && FACILITY_GROUPS.every((g) => u.categories.includes(g));

/** SQL for the institution group of `establecimientos.institucion` (same rule as institutionGroup()). */
export const INSTITUTION_GROUP_SQL = `(CASE
    WHEN upper(institucion) = 'GOBIERNO REGIONAL' THEN 'gore'
    WHEN upper(institucion) = 'MINSA' THEN 'minsa'
    WHEN upper(institucion) = 'ESSALUD' THEN 'essalud'
    WHEN upper(institucion) = 'PRIVADO' THEN 'privado'
    WHEN upper(institucion) LIKE 'SANIDAD%' THEN 'ffaa_pnp'
    WHEN upper(institucion) LIKE 'MUNICIPALIDAD%' THEN 'municipal'
    ELSE 'otra' END)`;

/** SQL for the category group of `establecimientos.categoria` (same rule as facilityGroup()). */
export const CATEGORY_GROUP_SQL = `(CASE
    WHEN categoria IN ('I-1', 'I-2', 'I-3', 'I-4') THEN categoria
    WHEN categoria LIKE 'III-%' THEN 'III'
    WHEN categoria LIKE 'II-%' THEN 'II'
    ELSE 'SC' END)`;

/**
 * SQL aggregate over `establecimientos` (joined to `capacidad_nivel` under `camas`, see
 * capacityJoinSql) for the facility count under the capacity rule.
 */
export function capacityCountSql(d: IndicatorDefinitions): string {
  if (d.capacity === 'camas') return 'sum(greatest(1, coalesce(camas, capacidad_nivel.camas_nivel, 1)))::DOUBLE';
  if (d.capacity === 'pesos') {
    const cases = FACILITY_GROUPS.map((g) => `WHEN '${g}' THEN ${Number(d.levelWeights[g]) || 0}`).join(' ');
    return `sum(CASE ${CATEGORY_GROUP_SQL} ${cases} ELSE 0 END)::DOUBLE`;
  }
  return 'count(*)';
}

/** The join `camas` needs: the median beds of each level over the whole register. */
export function capacityJoinSql(d: IndicatorDefinitions): string {
  if (d.capacity !== 'camas') return '';
  return `LEFT JOIN (SELECT ${CATEGORY_GROUP_SQL} AS grupo_nivel, median(camas) AS camas_nivel FROM establecimientos GROUP BY 1) capacidad_nivel
             ON capacidad_nivel.grupo_nivel = ${CATEGORY_GROUP_SQL}`;
}

const list = (xs: readonly string[]) => (xs.length ? xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(', ') : 'NULL');

/** SQL condition over `establecimientos` for a facility in the universe (TRUE for the whole register). */
export function universeSql(u: FacilityUniverse): string {
  const parts: string[] = [];
  if (!INSTITUTION_GROUPS.every((g) => u.institutions.includes(g))) parts.push(`${INSTITUTION_GROUP_SQL} IN (${list(u.institutions)})`);
  if (!FACILITY_GROUPS.every((g) => u.categories.includes(g))) parts.push(`${CATEGORY_GROUP_SQL} IN (${list(u.categories)})`);
  return parts.length ? parts.join(' AND ') : 'TRUE';
}

export { dateUsableSql, DATE_RULES };
