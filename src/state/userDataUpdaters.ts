/**
 * Pure updaters of `scenario.userData` (spread into `updaters` in scenarioUpdaters.ts, so undo/redo
 * records them like any other change).
 */
import type { ConflictFileRef, Scenario } from './scenario';
import type { UserFileRef } from '../domain/userData';
import { CONSULTA_FILE, type UserIndicator } from '../domain/userIndicators';

/** The age indicators that stand in for facility condition in the open data. */
export const AGE_PROXY_IDS = ['antiguedad_mediana', 'pct_antiguos'] as const;

const withoutUnusedFiles = (s: Scenario, indicators: UserIndicator[]): Scenario['userData'] => ({
  ...s.userData,
  files: s.userData.files.filter((f) => indicators.some((i) => i.file === f.sha256)),
  indicators,
});

export const userDataUpdaters = {
  /** A file and the indicators made from it (an indicator with the same id is replaced). */
  addUserIndicators: (s: Scenario, file: UserFileRef, indicators: UserIndicator[]): Scenario => {
    const ids = new Set(indicators.map((i) => i.id));
    return {
      ...s,
      userData: {
        ...s.userData,
        files: [...s.userData.files.filter((f) => f.sha256 !== file.sha256), file],
        indicators: [...s.userData.indicators.filter((i) => !ids.has(i.id)), ...indicators],
      },
    };
  },
  /**
   * A numeric column of the scenario's query («Consultas», issue 18) as a user indicator, weight 0
   * (it counts only once the user gives it points), and the map coloured by it.
   */
  mapConsultaColumn: (s: Scenario, indicator: UserIndicator, sql: string): Scenario => ({
    ...s,
    // the indicators made earlier from another query are replaced: they come from one query
    consulta: { ...s.consulta, mapped: sql },
    userData: { ...s.userData, indicators: [...s.userData.indicators.filter((i) => i.id !== indicator.id && (sql === s.consulta.mapped || i.file !== CONSULTA_FILE)), indicator] },
    classes: { kind: 'indicator', count: s.classes.count, indicator: indicator.id },
  }),
  /** Removes an indicator, and its file when no indicator uses it any more; a map showing it goes back to the score. */
  removeUserIndicator: (s: Scenario, id: string): Scenario => ({
    ...s,
    userData: withoutUnusedFiles(s, s.userData.indicators.filter((i) => i.id !== id)),
    classes: s.classes.kind === 'indicator' && s.classes.indicator === id ? { kind: 'equal', count: s.classes.count } : s.classes,
  }),
  /** A file of conflict events (one with the same name or bytes is replaced: a corrected file loaded again). */
  addConflictFile: (s: Scenario, file: ConflictFileRef): Scenario => ({
    ...s,
    userData: { ...s.userData, conflictFiles: [...s.userData.conflictFiles.filter((f) => f.sha256 !== file.sha256 && f.name !== file.name), file] },
  }),
  removeConflictFile: (s: Scenario, sha256: string): Scenario => ({
    ...s,
    userData: { ...s.userData, conflictFiles: s.userData.conflictFiles.filter((f) => f.sha256 !== sha256) },
  }),
  setUserIndicator: (s: Scenario, id: string, patch: Partial<Pick<UserIndicator, 'weight' | 'enabled' | 'direction' | 'label' | 'unit' | 'vintage'>>): Scenario => ({
    ...s,
    userData: {
      ...s.userData,
      indicators: s.userData.indicators.map((i) =>
        i.id !== id ? i : { ...i, ...patch, ...(patch.weight !== undefined ? { weight: Math.max(0, Number.isFinite(patch.weight) ? patch.weight : 0) } : {}) },
      ),
    },
  }),
  /**
   * The declared condition replaces the age proxy: the age indicators are switched off and the
   * user indicator takes their combined weight (the rest of the scenario is kept).
   */
  replaceAgeProxy: (s: Scenario, id: string): Scenario => {
    const ageWeight = s.indicators.filter((i) => (AGE_PROXY_IDS as readonly string[]).includes(i.id) && i.enabled).reduce((a, i) => a + i.weight, 0);
    return {
      ...s,
      indicators: s.indicators.map((i) => ((AGE_PROXY_IDS as readonly string[]).includes(i.id) ? { ...i, enabled: false, weight: 0 } : i)),
      userData: {
        ...s.userData,
        indicators: s.userData.indicators.map((i) => (i.id === id ? { ...i, enabled: true, weight: ageWeight > 0 ? ageWeight : 45 } : i)),
      },
    };
  },
};
