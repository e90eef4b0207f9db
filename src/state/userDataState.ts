/** The user's files in the state: what joining needs, and the derived indicator columns. */
import { valueOf } from './loadState';
import type { CoreState, DerivedColumns } from './slices';
import type { Units } from '../data/units';
import { guessKey, joinTable, type JoinContext } from '../domain/userData';
import { summariseJoin, type UserFileSummary } from '../domain/userSummary';
import { CONSULTA_FILE, userIndicatorDef, userIndicatorMethod, userIndicatorValues } from '../domain/userIndicators';
import type { UserTable } from '../data/userFile/table';
import type { ConsultRows } from '../data/source';
import type { IndicatorDef } from '../domain/indicators';
import type { LoadState } from './loadState';
import type { UserData } from './scenario';

/** The districts, provinces, departments and register, once loaded (the register only matters for IPRESS keys). */
export function joinContextOf(s: CoreState): JoinContext | null {
  const districts = valueOf(s.data.levels.distrito);
  const provinces = valueOf(s.data.levels.provincia)?.units;
  if (!districts || !provinces) return null;
  return {
    districtIds: new Set(districts.boundaries.features.map((f) => f.properties.ubigeo)),
    districts: districts.boundaries.features,
    provinceIds: new Set(provinces.ids),
    departmentIds: new Set(provinces.ubigeoDep),
    register: valueOf(s.data.register),
  };
}

/** True when the scenario or the open panel needs the districts and the register. */
export const userDataNeeded = (s: CoreState): boolean =>
  s.scenario.userData.files.length > 0 || s.view.userDataWanted || s.scenario.userData.indicators.some((u) => u.file === CONSULTA_FILE);

/** Rows of a query result as a user's table (text cells, as a file would give them). */
export function consultaTable(result: Pick<ConsultRows, 'columns' | 'rows'>): UserTable {
  return {
    columns: result.columns.map((c) => c.name),
    records: result.rows.map((row) => Object.fromEntries(result.columns.map((c, k) => [c.name, row[k] === null ? '' : String(row[k])]))),
    lines: result.rows.map((_, i) => i + 2),
  };
}

/** The result of the scenario's query as a table of text, joined like a user's file (by ubigeo, IPRESS code or coordinates). */
export function consultaSummary(result: ConsultRows, ctx: JoinContext): UserFileSummary | null {
  const table = consultaTable(result);
  const key = guessKey(table);
  if (!key || (key.kind === 'ipress' && !ctx.register)) return null;
  return summariseJoin(joinTable(table, key, ctx), ctx.register);
}

/** The user indicators' columns for one level (the files not yet read give NaN). */
export function userColumns(userData: UserData, files: Record<string, LoadState<UserFileSummary>>, units: Units, sql = ''): DerivedColumns {
  const values: Record<string, Float64Array> = {};
  const method: DerivedColumns['method'] = {};
  for (const u of userData.indicators) {
    const st = files[u.file];
    const summary = st && st.status === 'ready' ? st.value : null;
    const ref = userData.files.find((f) => f.sha256 === u.file);
    values[u.id] = summary ? userIndicatorValues(u, summary, units) : new Float64Array(units.ids.length).fill(NaN);
    method[u.id] = summary ? userIndicatorMethod(u, ref, summary, units.level, sql) : [{ key: 'userData.method.notLoaded', params: { file: ref?.name ?? u.file } }];
  }
  return { values, method };
}

export const userDefs = (userData: UserData): IndicatorDef[] =>
  userData.indicators.map((u) => userIndicatorDef(u, userData.files.find((f) => f.sha256 === u.file)));
