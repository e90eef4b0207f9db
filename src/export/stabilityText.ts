import type { StabilitySettings } from '../domain/stability/uncertainty';
import type { Tr } from './provenance';

const FLAGS = ['normalisation', 'aggregation', 'winsorisation', 'universe', 'zeros', 'outliers', 'dates'] as const;

/**
 * The stability analysis's settings in one sentence (issue 14), so an export says how its rank
 * bands were made and can be reproduced: what varied, how many draws, which seed.
 */
export function stabilityText(s: StabilitySettings, t: Tr): string {
  const varied: string[] = [];
  if (s.weights === 'uniform') varied.push(t('stability.exportWeightsUniform', { noise: Math.round(s.weightNoise * 100) }));
  if (s.weights === 'dirichlet') varied.push(t('stability.exportWeightsDirichlet', { noise: Math.round(s.weightNoise * 100) }));
  for (const f of FLAGS) if (s[f]) varied.push(t(`stability.explain.factor.${f}`));
  return t('stability.exportLine', {
    varied: varied.length > 0 ? varied.join(', ') : t('stability.exportNothing'),
    draws: s.draws,
    seed: s.seed,
    n: s.sobolN,
  });
}
