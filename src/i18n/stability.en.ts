// Rank stability and indicator diagnostics (issue 14): the panel's labels, the correlation
// warnings (src/domain/stability/diagnostics.ts) and the plain-words explanation of a unit's
// position (src/domain/stability/explain.ts), whose sentence codes the UI joins with a space.
import type { stabilityEs } from './stability.es';
import type { TranslationOf } from './types';

export const stabilityEn: TranslationOf<typeof stabilityEs> = {
  title: 'Ranking stability',
  intro:
    'Reruns the ranking many times, varying the assumptions ticked, and counts how far each rank moves ' +
    '(uncertainty and sensitivity analysis of the JRC/OECD Handbook, 2008).',
  vary: 'Assumptions that vary',
  weightsLabel: 'Weights',
  weightModes: { off: 'fixed', uniform: 'each weight ± a percentage', dirichlet: 'Dirichlet draw' },
  newSeed: 'Another seed',
  status: {
    waiting: 'Waiting for the changes to settle…',
    ready: 'Done: {{draws}} simulations in {{ms}} ms, seed {{seed}}.',
    error: 'Stability could not be computed: {{detail}}. The ranking is unchanged.',
    noFactors: 'No assumption varies: every rank stays fixed. Tick at least one.',
  },
  cellStale: 'updating',
  cellPending: 'computing',
  cellNever: 'no rank',
  bandText: '{{p05}}–{{p95}}',
  tableNote: 'Stability: 5–95 % rank band over {{draws}} variations of the assumptions (seed {{seed}}); {{rule}}.',
  showTop: 'Top {{n}}',
  showAll: 'All ({{n}})',
  chartLabel: 'For each unit: rank in the scenario (diamond), median of the simulations (dot) and 5–95 % band (line; blue when stable, vermilion when not).',
  baseRank: 'Scenario rank',
  median: 'Median',
  axisRank: 'Rank',
  sobolNote:
    'How much of the variation of the ranks (mean rank shift from the scenario) each assumption explains, ' +
    'alone (first order) and with its interactions (total); {{runs}} ranking rebuilds in {{ms}} ms.',
  sobolOne: 'With a single varying assumption there is nothing to share out: all the movement comes from it.',
  sobolPending: 'Computing the Sobol indices…',
  sobolFlat: 'The ranks do not move under these assumptions: there is no variance to share out.',
  factorWeight: 'Weight of “{{indicator}}”',
  correlationNote: 'Pearson correlation between normalised indicators, over the units in scope. Column numbers match the rows.',
  influenceNote:
    'Effective influence: the share of the score’s variance that goes with each indicator (normalised r²). ' +
    'When it is far from the nominal weight, the weight does not say what the indicator really weighs.',
  noWarnings: 'No pair of weighted indicators is highly correlated (r ≥ 0.9) or opposed.',
  ratio: 'Influence / weight',
  indicator: 'Indicator',
  mapPending: 'Stability is still being computed; the map is coloured when it ends.',
  exportLine: 'Ranking stability: {{varied}} varied; {{draws}} Monte Carlo draws and a Sobol design with N = {{n}}; seed {{seed}}.',
  exportWeightsUniform: 'each weight ±{{noise}} %',
  exportWeightsDirichlet: 'the weights (Dirichlet, {{noise}} % variation)',
  exportNothing: 'no assumption',
  reportBand: '5–95 % band',
  reportPending: 'The stability band is still being computed.',
  column: 'Stability',
  band: '5–95 % band',
  stable: 'stable',
  unstable: 'unstable',
  stableRule_one: 'stable: the 5–95 % band spans at most {{width}} positions (10 % of {{count}} ranked unit, at least 2)',
  stableRule_other: 'stable: the 5–95 % band spans at most {{width}} positions (10 % of {{count}} ranked units, at least 2)',
  pTopN: 'Prob. of being in the top {{n}}',
  pFirst: 'Prob. of being first',
  seed: 'Seed',
  draws: 'Simulations',
  running: 'Computing stability… {{percent}} %',
  bandChartTitle: 'Rank band (median and 5–95 %)',
  factors: {
    weights: 'Weights',
    normalisation: 'Normalisation',
    aggregation: 'Aggregation',
    winsorisation: 'Winsorisation',
    universe: 'Facility universe',
    zeros: 'SUSALUD zeros',
    outliers: 'Implausible SUSALUD attentions',
    dates: 'Suspicious dates',
  },
  weightNoise: 'Variation of each weight (±%)',
  weightMode: {
    uniform: 'uniform ±{{noise}} %',
    dirichlet: 'Dirichlet around the weights',
  },
  sobolTitle: 'What moves this ranking most',
  sobolFirst: 'Own effect (first-order Sobol)',
  sobolTotal: 'Total effect (total Sobol)',
  diagTitle: 'Indicator diagnostics',
  correlation: 'Correlation',
  influence: 'Effective influence',
  nominal: 'Nominal weight',
  coverage: 'Coverage',
  diag: {
    highCorrelation:
      '«{{a}}» and «{{b}}» are highly correlated (r = {{r, number(minimumFractionDigits: 2; maximumFractionDigits: 2)}}): ' +
      'they may be counting the same need twice.',
    negativeCorrelation:
      '«{{a}}» and «{{b}}» are negatively correlated (r = {{r, number(minimumFractionDigits: 2; maximumFractionDigits: 2)}}): ' +
      'they pull the ranking in opposite directions and partly cancel out.',
  },
  explain: {
    notRanked: 'It has no rank in {{scope}}: its data do not cover enough of the indicators’ weight (insufficient data), so it is listed apart.',
    rank: {
      two: 'It holds rank {{rank}} of {{total}} in {{scope}}, mainly because of {{a}} ({{aShare}} % of the score) and {{b}} ({{bShare}} %).',
      one: 'It holds rank {{rank}} of {{total}} in {{scope}}; all of its score comes from {{a}}.',
      none: 'It holds rank {{rank}} of {{total}} in {{scope}}; no indicator adds points to it.',
    },
    first: {
      two: 'It ranks first of {{total}} in {{scope}}, mainly because of {{a}} ({{aShare}} % of the score) and {{b}} ({{bShare}} %).',
      one: 'It ranks first of {{total}} in {{scope}}; all of its score comes from {{a}}.',
      none: 'It ranks first of {{total}} in {{scope}}; no indicator adds points to it.',
    },
    only: {
      two: 'It is the only ranked unit in {{scope}}; its score comes mainly from {{a}} ({{aShare}} %) and {{b}} ({{bShare}} %).',
      one: 'It is the only ranked unit in {{scope}}; all of its score comes from {{a}}.',
      none: 'It is the only ranked unit in {{scope}}; no indicator adds points to it.',
    },
    pending: 'How stable this rank is when the assumptions vary has not been computed yet.',
    top_one:
      'In {{pct}} % of the {{draws}} variations of the assumptions it stays first; ' +
      'its rank runs from {{p05}} to {{p95}} (5th–95th percentiles), so its position is {{verdict}}.',
    top_other:
      'In {{pct}} % of the {{draws}} variations of the assumptions it stays in the top {{count}}; ' +
      'its rank runs from {{p05}} to {{p95}} (5th–95th percentiles), so its position is {{verdict}}.',
    topSame_one:
      'In {{pct}} % of the {{draws}} variations of the assumptions it stays first; ' +
      'its rank is {{p05}} at both the 5th and the 95th percentile, so its position is {{verdict}}.',
    topSame_other:
      'In {{pct}} % of the {{draws}} variations of the assumptions it stays in the top {{count}}; ' +
      'its rank is {{p05}} at both the 5th and the 95th percentile, so its position is {{verdict}}.',
    band: 'Over the {{draws}} variations of the assumptions, its rank runs from {{p05}} to {{p95}} (5th–95th percentiles), so its position is {{verdict}}.',
    bandSame: 'Over the {{draws}} variations of the assumptions, its rank is {{p05}} at both the 5th and the 95th percentile, so its position is {{verdict}}.',
    reach_one: 'It reaches first place in {{pct}} % of the variations.',
    reach_other: 'It enters the top {{count}} in {{pct}} % of the variations.',
    neverRanked: 'In none of the {{draws}} variations of the assumptions did it have enough data for a rank.',
    varied: {
      n1: 'Assumptions varied: {{f1}}.',
      n2: 'Assumptions varied: {{f1}} and {{f2}}.',
      n3: 'Assumptions varied: {{f1}}, {{f2}} and {{f3}}.',
      n4: 'Assumptions varied: {{f1}}, {{f2}}, {{f3}} and {{f4}}.',
      n5: 'Assumptions varied: {{f1}}, {{f2}}, {{f3}}, {{f4}} and {{f5}}.',
      n6: 'Assumptions varied: {{f1}}, {{f2}}, {{f3}}, {{f4}}, {{f5}} and {{f6}}.',
      n7: 'Assumptions varied: {{f1}}, {{f2}}, {{f3}}, {{f4}}, {{f5}}, {{f6}} and {{f7}}.',
      n8: 'Assumptions varied: {{f1}}, {{f2}}, {{f3}}, {{f4}}, {{f5}}, {{f6}}, {{f7}} and {{f8}}.',
    },
    // The factor names inside a sentence (the panel's own labels are `stability.factors`).
    factor: {
      weights: 'weights',
      normalisation: 'normalisation',
      aggregation: 'aggregation',
      winsorisation: 'winsorisation',
      universe: 'facility universe',
      zeros: 'SUSALUD zeros',
      outliers: 'implausible SUSALUD attentions',
      dates: 'suspicious dates',
    },
    weightNoise: 'Each weight varied by up to ±{{noise}} %.',
    weightDirichlet: 'The weights were drawn from a Dirichlet distribution around the chosen ones.',
  },
};
