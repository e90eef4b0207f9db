/**
 * Indicators made from a user's file: a numeric column (mean, sum), a count of rows, a category
 * turned into a share, or MINSA's inadequate-capacity share from the facility-condition template.
 * Their definitions travel with the scenario (`scenario.userData.indicators`), not in the static
 * catalogue; `userIndicatorDef` gives the catalogue-shaped definition the rest of the app reads.
 */
import type { Units } from '../data/units';
import type { IndicatorDef, Level } from './indicators';
import type { TextCode } from './textCode';
import type { NormalisationMethod, Winsorisation } from './normalise';
import type { Direction } from './indicators';
import type { UserFileRef } from './userData';
import type { UserFileSummary } from './userSummary';

/** The `file` of an indicator made from the scenario's query in «Consultas» (issue 18), not from a file. */
export const CONSULTA_FILE = 'consulta';

export type UserStat = 'mean' | 'sum' | 'count' | 'share' | 'minsa';
export const USER_STATS: readonly UserStat[] = ['share', 'mean', 'sum', 'count', 'minsa'];

export interface UserIndicator {
  /** `u_` + the file's SHA-256 (first 8) + column + statistic: stable across reloads. */
  id: string;
  /** The file's SHA-256. */
  file: string;
  /** The column read (null for a row count). */
  column: string | null;
  stat: UserStat;
  /** share: the values counted (e.g. ["malo"]). */
  categories: string[];
  label: string;
  unit: string;
  vintage: string;
  direction: Direction;
  weight: number;
  enabled: boolean;
  method: NormalisationMethod;
  winsorise: Winsorisation | null;
}

const slug = (s: string) =>
  s.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '').slice(0, 24);

export function userIndicatorId(file: string, column: string | null, stat: UserStat, categories: readonly string[] = []): string {
  return ['u', file.slice(0, 8), slug(column ?? 'filas'), stat, ...categories.map(slug)].filter(Boolean).join('_').slice(0, 80);
}

export const isUserIndicatorId = (id: string) => id.startsWith('u_');

/** The catalogue-shaped definition of a user indicator (label and unit as the user wrote them). */
export function userIndicatorDef(u: UserIndicator, ref: UserFileRef | undefined): IndicatorDef {
  return {
    id: u.id,
    label: { es: u.label, en: u.label },
    unit: 'index',
    unitText: u.unit,
    direction: u.direction,
    datasets: [],
    levels: ['provincia', 'distrito'],
    aggregation: u.stat === 'sum' || u.stat === 'count' ? 'sum' : 'ratio',
    digits: u.stat === 'count' ? 0 : u.stat === 'share' || u.stat === 'minsa' ? 1 : 2,
    computed: 'user',
    userFile: ref ? { name: ref.name, rows: ref.rows, sha256: ref.sha256, vintage: u.vintage } : undefined,
  };
}

/** A file's summary → one value per unit of `units` (NaN where the file says nothing). */
export function userIndicatorValues(u: UserIndicator, summary: UserFileSummary, units: Units): Float64Array {
  const level: Level = units.level;
  const fileLevel = summary.report.level;
  // Cells are districts (or provinces, departments for files at that level); a province adds its districts' cells.
  const unitOfCell = (cell: string): string => (level === 'provincia' && fileLevel !== 'departamento' ? cell.slice(0, 4) : cell);
  // Province- or department-level files give each district its province's (department's) value.
  const parentOfUnit = (k: number): string =>
    level === 'provincia' ? (fileLevel === 'departamento' ? units.ubigeoDep[k] : units.ids[k]) :
    fileLevel === 'provincia' ? units.ubigeoProv[k] : fileLevel === 'departamento' ? units.ubigeoDep[k] : units.ids[k];
  // Per cell, the sum and the count the statistic adds up (null: the column has no such figures).
  const cellSums = ((): { sum: ArrayLike<number>; n: ArrayLike<number> } | null => {
    switch (u.stat) {
      case 'count':
        return { sum: summary.rows, n: summary.rows };
      case 'mean':
      case 'sum':
        return (u.column && summary.numeric.get(u.column)) || null;
      case 'minsa':
        return (u.column && summary.minsa.get(u.column)) || null;
      case 'share': {
        const c = u.column ? summary.categories.get(u.column) : undefined;
        if (!c) return null;
        const sum = new Float64Array(summary.cells.length);
        for (const cat of new Set(u.categories.map((x) => x.trim().toLowerCase()))) {
          const counts = c.values.get(cat);
          if (counts) counts.forEach((x, k) => (sum[k] += 100 * x));
        }
        return { sum, n: c.filled };
      }
    }
  })();
  const sum = new Map<string, number>();
  const count = new Map<string, number>();
  if (cellSums) {
    summary.cells.forEach((cell, k) => {
      if (cellSums.n[k] === 0) return;
      const key = unitOfCell(cell);
      sum.set(key, (sum.get(key) ?? 0) + cellSums.sum[k]);
      count.set(key, (count.get(key) ?? 0) + cellSums.n[k]);
    });
  }
  return Float64Array.from(units.ids, (_, k) => {
    const key = parentOfUnit(k);
    const n = count.get(key);
    // A unit the file does not mention is missing, not zero: the file may not cover it.
    if (!n) return NaN;
    const s = sum.get(key)!;
    return u.stat === 'sum' || u.stat === 'count' ? s : s / n;
  });
}

/** How the column was made, for the method text next to the SQL of the others. */
export function userIndicatorMethod(u: UserIndicator, ref: UserFileRef | undefined, summary: UserFileSummary, level: Level, sql = ''): TextCode[] {
  if (u.file === CONSULTA_FILE) {
    return [{ key: 'consultas.method', params: { column: u.column ?? '', rows: summary.report.rows, matched: summary.report.matched, level: { key: `userData.levels.${level}` }, sql } }];
  }
  const params = {
    file: ref?.name ?? u.file,
    rows: summary.report.rows,
    matched: summary.report.matched,
    sha: u.file.slice(0, 16),
    column: u.column ?? '',
    categories: u.categories.join(', '),
    level: { key: `userData.levels.${level}` },
    fileLevel: { key: `userData.levels.${summary.report.level}` },
    vintage: u.vintage,
  };
  return [
    { key: 'userData.method.source', params },
    { key: `userData.method.${u.stat}`, params },
  ];
}
