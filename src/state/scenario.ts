import { INDICATORS } from '../domain/indicators';

/**
 * The scenario: everything that defines a ranking, and nothing derived. It is a plain,
 * serialisable object so it can be saved, shared by URL and compared (issue: scenarios).
 */
export interface ScenarioIndicator {
  id: string;
  weight: number;
  enabled: boolean;
}
export interface Scenario {
  version: 1;
  /** Department UBIGEO (2 digits) whose provinces are ranked; null = all of Peru. */
  scope: { departamento: string | null };
  indicators: ScenarioIndicator[];
  coverageThreshold: number;
}

/** Provisional default: every indicator on, equal weights (the full engine replaces this). */
export function defaultScenario(): Scenario {
  return {
    version: 1,
    scope: { departamento: null },
    indicators: INDICATORS.map((d) => ({ id: d.id, weight: 1, enabled: true })),
    coverageThreshold: 0.65,
  };
}
