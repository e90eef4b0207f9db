import { INDICATORS, type Direction, type Level } from '../domain/indicators';
import type { NormalisationMethod, Winsorisation } from '../domain/normalise';
import { PRESETS } from '../domain/presets';
import { FACILITY_GROUPS, INSTITUTION_GROUPS } from '../domain/facilities';
import { ACCESS_CATEGORIES } from '../domain/access';
import {
  SCENARIO_VERSION,
  defaultLayers,
  defaultWorkshop,
  type AiAddsValue,
  type ClassMode,
  type MapLayers,
  type Scenario,
  type ScenarioIndicator,
  type ScenarioWorkshop,
} from './scenario';

/**
 * Scenario files and links: the one way in for a scenario that comes from outside (a JSON file,
 * a shared URL, IndexedDB). It migrates old versions, validates every field, and either returns
 * a complete, current scenario or throws a typed error the UI translates. Pure: no DOM, no store.
 */
export type ScenarioErrorKey =
  | 'malformedJson'
  | 'notScenario'
  | 'newerVersion'
  | 'invalidField'
  | 'invalidWeight'
  | 'invalidLink';

export class ScenarioError extends Error {
  constructor(
    readonly key: ScenarioErrorKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${key}: ${JSON.stringify(params)}`);
    this.name = 'ScenarioError';
  }
}

export type ScenarioWarning =
  | { key: 'unknownIndicators'; params: { ids: string } }
  | { key: 'migrated'; params: { from: number } };

export interface ParsedScenario {
  scenario: Scenario;
  warnings: ScenarioWarning[];
}

/** The marker of a scenario file. */
export const FILE_KIND = 'territorio.scenario';
/** Largest weight accepted, in points (the sliders go to 100). */
export const MAX_WEIGHT = 1000;
const MAX_TEXT = 20_000;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The scenario as a file: an envelope that says what it is, then the scenario. */
export function scenarioToFile(s: Scenario): string {
  return `${JSON.stringify({ kind: FILE_KIND, version: s.version, scenario: s }, null, 2)}\n`;
}

/** Text of a file (or anything else) → a valid current scenario, or a ScenarioError. */
export function parseScenarioText(text: string): ParsedScenario {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new ScenarioError('malformedJson', { detail: err instanceof Error ? err.message : String(err) });
  }
  return parseScenario(value);
}

/** A parsed JSON value (an envelope or a bare scenario) → a valid current scenario. */
export function parseScenario(value: unknown): ParsedScenario {
  let raw: unknown = value;
  if (isObj(value) && value.kind === FILE_KIND) raw = value.scenario;
  else if (isObj(value) && 'kind' in value) throw new ScenarioError('notScenario');
  if (!isObj(raw) || typeof raw.version !== 'number' || !Array.isArray(raw.indicators) || typeof raw.presetId !== 'string') {
    throw new ScenarioError('notScenario');
  }
  const version = raw.version;
  if (!Number.isInteger(version) || version < 1) throw new ScenarioError('notScenario');
  if (version > SCENARIO_VERSION) throw new ScenarioError('newerVersion', { version, supported: SCENARIO_VERSION });
  const warnings: ScenarioWarning[] = [];
  const current = migrate(raw);
  if (version < SCENARIO_VERSION) warnings.push({ key: 'migrated', params: { from: version } });
  const scenario = validate(current, warnings);
  return { scenario, warnings };
}

/** Old versions → the current one, one step at a time. */
export function migrate(raw: Obj): Obj {
  let s = raw;
  if (s.version === 1) s = migrateV1toV2(s);
  return s;
}

/** v1 had no workshop fields: they start empty, dated now, the app version unknown. */
function migrateV1toV2(s: Obj): Obj {
  const w = defaultWorkshop();
  return { ...w, appVersion: 'v1', ...s, version: 2 };
}

// ---------------------------------------------------------------------------------------------
// validation

function fail(field: string): never {
  throw new ScenarioError('invalidField', { field });
}

function text(v: unknown, field: string, fallback = ''): string {
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'string' || v.length > MAX_TEXT) fail(field);
  return v;
}

function num(v: unknown, field: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) fail(field);
  return v;
}

const isoDate = (v: unknown, field: string, fallback: string): string => {
  const s = text(v, field, fallback);
  if (Number.isNaN(Date.parse(s))) fail(field);
  return s;
};

function nullableDate(v: unknown, field: string): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v !== 'string' || !/^\d{4}-\d{2}(-\d{2})?$/.test(v)) fail(field);
  return v;
}

function method(v: unknown, field: string): NormalisationMethod {
  if (v === undefined || v === null) return { kind: 'minmax' };
  if (!isObj(v)) fail(field);
  switch (v.kind) {
    case 'minmax':
    case 'zscore':
    case 'rank':
      return { kind: v.kind };
    case 'target':
      return { kind: 'target', target: num(v.target, `${field}.target`, -1e12, 1e12) };
    case 'goalposts': {
      const min = num(v.min, `${field}.min`, -1e12, 1e12);
      const max = num(v.max, `${field}.max`, -1e12, 1e12);
      return { kind: 'goalposts', min, max };
    }
    default:
      return fail(field);
  }
}

function winsorise(v: unknown, field: string): Winsorisation | null {
  if (v === undefined || v === null) return null;
  if (!isObj(v)) fail(field);
  const lower = num(v.lower, `${field}.lower`, 0, 1);
  const upper = num(v.upper, `${field}.upper`, 0, 1);
  if (lower >= upper) fail(field);
  return { lower, upper };
}

/** Every catalogue indicator once, in catalogue order; unknown ids dropped with a warning. */
function indicators(list: unknown[], warnings: ScenarioWarning[]): ScenarioIndicator[] {
  const byId = new Map<string, ScenarioIndicator>();
  const unknown: string[] = [];
  const known = new Map(INDICATORS.map((d) => [d.id, d]));
  list.forEach((v, k) => {
    const field = `indicators[${k}]`;
    if (!isObj(v) || typeof v.id !== 'string') fail(field);
    const def = known.get(v.id);
    if (!def) {
      unknown.push(v.id);
      return;
    }
    const w = v.weight;
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0 || w > MAX_WEIGHT) {
      throw new ScenarioError('invalidWeight', { id: v.id, weight: String(w), max: MAX_WEIGHT });
    }
    if (v.direction !== undefined && v.direction !== 'up' && v.direction !== 'down') fail(`${field}.direction`);
    if (v.enabled !== undefined && typeof v.enabled !== 'boolean') fail(`${field}.enabled`);
    byId.set(v.id, {
      id: v.id,
      weight: w,
      enabled: v.enabled === undefined ? w > 0 : v.enabled,
      direction: (v.direction as Direction | undefined) ?? def.direction,
      method: method(v.method, `${field}.method`),
      winsorise: winsorise(v.winsorise, `${field}.winsorise`),
    });
  });
  if (unknown.length) warnings.push({ key: 'unknownIndicators', params: { ids: unknown.join(', ') } });
  return INDICATORS.map(
    (def) =>
      byId.get(def.id) ?? { id: def.id, weight: 0, enabled: false, direction: def.direction, method: { kind: 'minmax' }, winsorise: null },
  );
}

/**
 * The map layers: every layer the app knows (missing ones from the defaults), nothing else.
 * Each property keeps the provided value only when it has the default's type.
 */
export function fillLayers(v: unknown): MapLayers {
  const defaults = defaultLayers();
  const given = isObj(v) ? v : {};
  const out: Obj = {};
  for (const [name, def] of Object.entries(defaults) as [string, Obj][]) {
    const layer = fillLike(def, given[name]);
    if (typeof layer.opacity === 'number') layer.opacity = Math.min(1, Math.max(0, layer.opacity));
    out[name] = layer;
  }
  return checkLayerValues(out as unknown as MapLayers);
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const oneOf = <T>(x: unknown, allowed: readonly T[], fallback: T): T => (allowed.includes(x as T) ? (x as T) : fallback);
const ageBound = (x: number | null) => (x === null || typeof x !== 'number' ? null : Math.round(clamp(x, 0, 250)));

/**
 * Values of the right type can still be out of range or unknown (a hand-edited file, a crafted
 * link): each is brought into what the controls allow, so nothing downstream can be fed a value
 * that throws or runs for minutes (e.g. a billion permutations).
 */
function checkLayerValues(l: MapLayers): MapLayers {
  const d = defaultLayers();
  const f = l.facilities;
  const institutions = Array.isArray(f.institutions) ? f.institutions.filter((x) => (INSTITUTION_GROUPS as readonly string[]).includes(x)) : null;
  const h = l.conflictHeatmap;
  const weights = Object.fromEntries(Object.entries(h.weights).map(([k, v]) => [k, clamp(v, 0, 10)])) as unknown as typeof h.weights;
  return {
    ...l,
    facilities: {
      ...f,
      categories: f.categories.filter((x) => (FACILITY_GROUPS as readonly string[]).includes(x)),
      institutions,
      minAge: ageBound(f.minAge),
      maxAge: ageBound(f.maxAge),
    },
    conflictHeatmap: {
      ...h,
      radiusPx: Math.round(clamp(h.radiusPx, 10, 120)),
      intensity: clamp(h.intensity, 0.1, 5),
      weights,
      windowKind: oneOf(h.windowKind, ['todo', 'mes', 'semana', 'personalizada'] as const, d.conflictHeatmap.windowKind),
    },
    hotspots: {
      ...l.hotspots,
      alpha: oneOf(l.hotspots.alpha, [0.01, 0.05, 0.1], d.hotspots.alpha),
      permutations: Math.round(clamp(l.hotspots.permutations, 99, 9999)),
      seed: Math.max(1, Math.round(l.hotspots.seed)),
    },
    places: {
      ...l.places,
      thresholdKm: Math.round(clamp(l.places.thresholdKm, 5, 60)),
      category: oneOf(l.places.category, ACCESS_CATEGORIES, d.places.category),
      colourBy: oneOf(l.places.colourBy, ['threshold', 'distance'] as const, d.places.colourBy),
    },
  };
}

/** The default's keys, each from `given` when of the default's type; nested objects likewise. */
function fillLike(def: Obj, given: unknown): Obj {
  const g = isObj(given) ? given : {};
  const out: Obj = {};
  for (const [prop, d] of Object.entries(def)) {
    const x = g[prop];
    out[prop] = isObj(d) ? fillLike(d, x) : acceptsLike(d, x) ? x : d;
  }
  return out;
}

function acceptsLike(d: unknown, x: unknown): boolean {
  const strings = (a: unknown) => Array.isArray(a) && a.every((e) => typeof e === 'string');
  if (x === undefined) return false;
  if (Array.isArray(d)) return strings(x);
  // a null default is an open bound or "no filter": null, a number or a list of strings
  // (checkLayerValues then keeps each field to the one kind it can hold)
  if (d === null) return x === null || (typeof x === 'number' && Number.isFinite(x)) || strings(x);
  if (typeof d === 'number') return typeof x === 'number' && Number.isFinite(x);
  return typeof x === typeof d;
}

function classes(v: unknown): ClassMode {
  if (v === undefined) return { kind: 'equal', count: 5 };
  if (!isObj(v) || (v.kind !== 'equal' && v.kind !== 'quantile')) fail('classes');
  return { kind: v.kind, count: Math.round(num(v.count, 'classes.count', 3, 7)) };
}

const SCOPE_DEP = /^\d{2}$/;
const SCOPE_PROV = /^\d{4}$/;

function validate(s: Obj, warnings: ScenarioWarning[]): Scenario {
  const w = defaultWorkshop();
  const presetId = PRESETS.some((p) => p.id === s.presetId) ? (s.presetId as string) : PRESETS[0].id;
  if (s.level !== 'provincia' && s.level !== 'distrito') fail('level');
  const level = s.level as Level;
  const sc = isObj(s.scope) ? s.scope : fail('scope');
  const departamento = sc.departamento ?? null;
  const provincia = sc.provincia ?? null;
  if (departamento !== null && (typeof departamento !== 'string' || !SCOPE_DEP.test(departamento))) fail('scope.departamento');
  if (provincia !== null && (typeof provincia !== 'string' || !SCOPE_PROV.test(provincia))) fail('scope.provincia');
  if (s.aggregation !== 'arithmetic' && s.aggregation !== 'geometric') fail('aggregation');
  if (s.missing !== 'reweight' && s.missing !== 'exclude') fail('missing');
  const canvas = isObj(s.canvas) ? s.canvas : {};
  const ai = isObj(canvas.ai) ? canvas.ai : {};
  const addsValue = ai.addsValue ?? null;
  if (addsValue !== null && addsValue !== 'si' && addsValue !== 'no' && addsValue !== 'no_sabemos') fail('canvas.ai.addsValue');
  const participants = s.participants ?? [];
  if (!Array.isArray(participants) || participants.some((p) => typeof p !== 'string')) fail('participants');
  const tw = isObj(s.timeWindow) ? s.timeWindow : {};
  const workshop: ScenarioWorkshop = {
    title: text(s.title, 'title'),
    question: text(s.question, 'question'),
    canvas: {
      decision: text(canvas.decision, 'canvas.decision'),
      innovation: text(canvas.innovation, 'canvas.innovation'),
      ai: { addsValue: addsValue as AiAddsValue | null, why: text(ai.why, 'canvas.ai.why') },
    },
    participants: participants as string[],
    agreements: text(s.agreements, 'agreements'),
    decisions: text(s.decisions, 'decisions'),
    author: text(s.author, 'author'),
    createdAt: isoDate(s.createdAt, 'createdAt', w.createdAt),
    updatedAt: isoDate(s.updatedAt, 'updatedAt', w.updatedAt),
    appVersion: text(s.appVersion, 'appVersion', w.appVersion),
    dataVersion: s.dataVersion === null || s.dataVersion === undefined ? null : text(s.dataVersion, 'dataVersion'),
    timeWindow: { from: nullableDate(tw.from, 'timeWindow.from'), to: nullableDate(tw.to, 'timeWindow.to') },
  };
  return {
    ...workshop,
    version: 2,
    presetId,
    level,
    scope: { departamento: departamento as string | null, provincia: level === 'distrito' ? (provincia as string | null) : null },
    indicators: indicators(s.indicators as unknown[], warnings),
    aggregation: s.aggregation as Scenario['aggregation'],
    missing: s.missing as Scenario['missing'],
    coverageThreshold: num(s.coverageThreshold ?? 0.65, 'coverageThreshold', 0, 1),
    classes: classes(s.classes),
    topN: Math.round(num(s.topN ?? 10, 'topN', 0, 1000)),
    layers: fillLayers(s.layers),
  };
}
