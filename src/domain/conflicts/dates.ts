/** Dates and periods of conflict rows: a day, a month or an ISO week, as `ParsedPeriod`. */
import type { DatePrecision } from './schema';

export interface ParsedPeriod {
  periodo: string;
  fecha_inicio: string;
  fecha_fin: string;
  precision_fecha: DatePrecision;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad2(m)}-${pad2(d)}`;
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

function isoFromUtc(t: number): string {
  const d = new Date(t);
  return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function dayPeriod(y: number, m: number, d: number): ParsedPeriod | null {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  const day = iso(y, m, d);
  return { periodo: day, fecha_inicio: day, fecha_fin: day, precision_fecha: 'dia' };
}

export function monthPeriod(y: number, m: number): ParsedPeriod | null {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12) return null;
  return { periodo: `${y}-${pad2(m)}`, fecha_inicio: iso(y, m, 1), fecha_fin: iso(y, m, daysInMonth(y, m)), precision_fecha: 'mes' };
}

/** ISO 8601 week: Monday to Sunday; week 1 holds the year's first Thursday. */
function weekPeriod(y: number, w: number): ParsedPeriod | null {
  if (y < MIN_YEAR || y > MAX_YEAR || w < 1 || w > 53) return null;
  const jan4 = Date.UTC(y, 0, 4);
  const jan4Weekday = (new Date(jan4).getUTCDay() + 6) % 7; // Monday = 0
  const monday = jan4 - jan4Weekday * 86_400_000 + (w - 1) * 7 * 86_400_000;
  // Week 53 exists only if its Thursday still falls in year y.
  if (new Date(monday + 3 * 86_400_000).getUTCFullYear() !== y) return null;
  return { periodo: `${y}-W${pad2(w)}`, fecha_inicio: isoFromUtc(monday), fecha_fin: isoFromUtc(monday + 6 * 86_400_000), precision_fecha: 'semana' };
}

const DATE_SHAPES = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/,
  /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?: [\d:.]+)?$/,
  /^(\d{4})[-/](\d{1,2})$/,
  /^(\d{1,2})[/-](\d{4})$/,
  /^(\d{4})-?W(\d{1,2})$/i,
] as const;

/** Whether the text is written as a date parsePeriod reads (it may still name an impossible day, 31/02). */
export const hasDateShape = (text: string) => DATE_SHAPES.some((re) => re.test(text.trim()));

/**
 * Reads a date or a period: `2024-03-15` (also with a time after it), `15/03/2024` (day first,
 * as in Peru; `-` or `.` also separate), `2024-03` or `03/2024` (month), `2024-W12` (ISO week).
 * Null when the text is not one of these or names an impossible date (`31/02/2024`).
 */
export function parsePeriod(text: string): ParsedPeriod | null {
  const t = text.trim();
  const [isoDay, dmy, isoMonth, my, isoWeek] = DATE_SHAPES;
  let m = isoDay.exec(t);
  if (m) return dayPeriod(+m[1], +m[2], +m[3]);
  m = dmy.exec(t);
  if (m) return dayPeriod(+m[3], +m[2], +m[1]);
  m = isoMonth.exec(t);
  if (m) return monthPeriod(+m[1], +m[2]);
  m = my.exec(t);
  if (m) return monthPeriod(+m[2], +m[1]);
  m = isoWeek.exec(t);
  if (m) return weekPeriod(+m[1], +m[2]);
  return null;
}
