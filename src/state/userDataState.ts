/** The user's files in the state: what joining needs, and the derived indicator columns. */
import { valueOf } from './loadState';
import type { CoreState, DerivedColumns } from './slices';
import type { Units } from '../data/units';
import type { JoinContext } from '../domain/userData';
import type { UserFileSummary } from '../domain/userSummary';
import { userIndicatorDef, userIndicatorMethod, userIndicatorValues } from '../domain/userIndicators';
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
export const userDataNeeded = (s: CoreState): boolean => s.scenario.userData.files.length > 0 || s.view.userDataWanted;

/** The user indicators' columns for one level (the files not yet read give NaN). */
export function userColumns(userData: UserData, files: Record<string, LoadState<UserFileSummary>>, units: Units): DerivedColumns {
  const values: Record<string, Float64Array> = {};
  const method: DerivedColumns['method'] = {};
  for (const u of userData.indicators) {
    const st = files[u.file];
    const summary = st && st.status === 'ready' ? st.value : null;
    const ref = userData.files.find((f) => f.sha256 === u.file);
    values[u.id] = summary ? userIndicatorValues(u, summary, units) : new Float64Array(units.ids.length).fill(NaN);
    method[u.id] = summary ? userIndicatorMethod(u, ref, summary, units.level) : [{ key: 'userData.method.notLoaded', params: { file: ref?.name ?? u.file } }];
  }
  return { values, method };
}

export const userDefs = (userData: UserData): IndicatorDef[] =>
  userData.indicators.map((u) => userIndicatorDef(u, userData.files.find((f) => f.sha256 === u.file)));
