import type { Catalog } from '../data/catalog';
import type { Units } from '../data/units';
import { indicatorById, type Level } from '../domain/indicators';
import { PRESETS } from '../domain/presets';
import type { Ranking } from '../state/ranking';
import type { Scenario } from '../state/scenario';
import { definitionsText } from './definitionsText';
import { stabilityText } from './stabilityText';
import { ahpText } from './ahpText';
import type { StabilityResult } from '../state/slices';

/** A translation function (i18next's `t`, or a stub in tests). */
export type Tr = (key: string, params?: Record<string, unknown>) => string;
export type Lang = 'es' | 'en';

/** Everything an export needs: the scenario, what it ranked, and where the data came from. */
export interface ExportContext {
  scenario: Scenario;
  units: Units;
  ranking: Ranking;
  catalog: Catalog;
  scopeName: string;
  lng: Lang;
  t: Tr;
  /** ISO 8601 */
  exportedAt: string;
  /** The rank bands of this very ranking, when a stability run for it has ended (the current scenario). */
  stability?: StabilityResult | null;
}

export interface WeightLine {
  id: string;
  label: string;
  points: number;
  /** share of the total weight, 0–100 */
  pct: number;
  direction: 'up' | 'down';
  method: string;
}
export interface SourceLine {
  id: string;
  title: string;
  institution: string;
  vintage: string;
  licence: string;
}

/** What every export carries: question, weights, dates, sources and versions. */
export interface Provenance {
  title: string;
  question: string;
  author: string;
  /** the scenario's last change (ISO) */
  scenarioDate: string;
  exportedAt: string;
  scope: string;
  level: Level;
  preset: string;
  weights: WeightLine[];
  aggregation: string;
  missing: string;
  coverageThreshold: number;
  /** The facility universe and the rules of the facility-based indicators (issue 12). */
  definitions: string;
  /** How the rank bands were made: what varied, draws, seed (issue 14). */
  stability: string;
  /** How pairwise comparisons gave the weights, with every participant's judgements (issue 20); null without AHP. */
  ahp: string | null;
  sources: SourceLine[];
  appVersion: string;
  dataVersion: string;
  /** «El ranking es un insumo para una decisión humana…» */
  note: string;
  /** The conflict events' time window, when a conflict indicator is ranked. */
  timeWindow: string | null;
}

/** Datasets behind the ranked indicators, then the boundaries drawn. */
export function sourceIds(ranking: Ranking, level: Level): string[] {
  const ids = ranking.indicatorIds.flatMap((id) => indicatorById(id).datasets);
  ids.push(level === 'distrito' ? 'limites_distritos' : 'limites_provincias', 'limites_departamentos');
  return [...new Set(ids)];
}

export function provenance(ctx: ExportContext): Provenance {
  const { scenario: s, ranking, catalog, t, lng } = ctx;
  const weights = ranking.indicatorIds.map((id, j) => {
    const ind = s.indicators.find((i) => i.id === id) ?? s.userData.indicators.find((i) => i.id === id)!;
    return {
      id,
      label: indicatorById(id).label[lng],
      points: ind.weight,
      pct: ranking.weights[j] * 100,
      direction: ind.direction,
      method: t(`weights.methods.${ind.method.kind}`),
    };
  });
  const sources = sourceIds(ranking, s.level).flatMap((id) => {
    const d = catalog.datasets.find((x) => x.id === id);
    return d ? [{ id, title: d.title[lng], institution: d.institution, vintage: d.vintage[lng], licence: d.licence[lng] }] : [];
  });
  // The user's own files behind ranked indicators: name, rows and SHA-256, never mistaken for open data.
  for (const f of s.userData.files) {
    const used = s.userData.indicators.filter((u) => u.file === f.sha256 && ranking.indicatorIds.includes(u.id));
    if (used.length === 0) continue;
    sources.push({
      id: `usuario:${f.sha256}`,
      title: t('scenarios.userFileSource', { file: f.name, rows: f.rows, sha: f.sha256 }),
      institution: t('scenarios.userFileInstitution'),
      vintage: [...new Set(used.map((u) => u.vintage).filter(Boolean))].join(', ') || '—',
      licence: '—',
    });
  }
  // Conflict indicators ranked: the user's event files beside the Defensoría's, and the time window counted.
  const conflictsRanked = ranking.indicatorIds.some((id) => indicatorById(id).datasets.includes('conflictos'));
  if (conflictsRanked) {
    for (const f of s.userData.conflictFiles) {
      sources.push({
        id: `usuario:${f.sha256}`,
        title: t('scenarios.conflictFileSource', { file: f.name, events: f.events, sha: f.sha256 }),
        institution: t('scenarios.userFileInstitution'),
        vintage: '—',
        licence: '—',
      });
    }
  }
  const w = s.timeWindow;
  return {
    timeWindow: conflictsRanked ? t('scenarios.meta.timeWindow', { from: w.from ?? '…', to: w.to ?? '…' }) : null,
    title: s.title || t('scenarios.untitled'),
    question: s.question || t('app.question'),
    author: s.author,
    scenarioDate: s.updatedAt,
    exportedAt: ctx.exportedAt,
    scope: ctx.scopeName,
    level: s.level,
    preset: PRESETS.find((p) => p.id === s.presetId)?.title[lng] ?? s.presetId,
    weights,
    aggregation: t(`weights.aggregations.${s.aggregation}`),
    missing: t(`weights.missingPolicies.${s.missing}`),
    coverageThreshold: s.coverageThreshold,
    definitions: definitionsText(s.definitions, t),
    stability: stabilityText(s.stability, t),
    ahp: ahpText(s.ahp, t, lng),
    sources,
    appVersion: s.appVersion,
    dataVersion: catalog.inputsSha256,
    note: t('scenarios.decisionNote'),
  };
}

/** The provenance as plain lines (CSV header, PNG footer). */
export function provenanceLines(p: Provenance, t: Tr): string[] {
  const pct = (x: number) => x.toFixed(1);
  return [
    `${t('scenarios.fields.title')}: ${p.title}`,
    `${t('scenarios.fields.question')}: ${p.question}`,
    `${t('scenarios.meta.scope')}: ${p.scope} (${t(p.level === 'distrito' ? 'scope.levelDistrito' : 'scope.levelProvincia')})`,
    `${t('scenarios.meta.preset')}: ${p.preset}`,
    `${t('scenarios.meta.weights')}: ${p.weights.map((w) => `${w.label} ${pct(w.pct)} % (${w.points} ${t('weights.points')}, ${t(`indicators.direction_${w.direction}`)}, ${w.method})`).join('; ')}`,
    `${t('weights.aggregation')}: ${p.aggregation}; ${t('weights.missing')}: ${p.missing}; ${t('weights.coverage')}: ${Math.round(p.coverageThreshold * 100)} %`,
    ...(p.ahp ? [p.ahp] : []),
    p.definitions,
    ...(p.timeWindow ? [p.timeWindow] : []),
    p.stability,
    `${t('scenarios.meta.author')}: ${p.author || '—'}`,
    `${t('scenarios.meta.scenarioDate')}: ${p.scenarioDate}`,
    `${t('scenarios.meta.exportedAt')}: ${p.exportedAt}`,
    `${t('scenarios.meta.sources')}: ${p.sources.map((d) => `${d.institution} — ${d.title} (${d.vintage})`).join('; ')}`,
    `${t('scenarios.meta.versions')}: Territorio ${p.appVersion}; ${t('scenarios.meta.data')} ${p.dataVersion.slice(0, 12)}`,
    p.note,
  ];
}

/** Ranked units first, then those with insufficient data (as the table lists them). */
export function rankedUnits(ranking: Ranking): number[] {
  return [...ranking.order, ...ranking.insufficient];
}
