import * as v from 'valibot';
import { INDICATORS } from '../domain/indicators';
import { PRESETS } from '../domain/presets';
import { FACILITY_GROUPS, INSTITUTION_GROUPS } from '../domain/facilities';
import { ACCESS_CATEGORIES } from '../domain/access';
import { DEFINITIONS } from './definitionsCodec';
import { USER_DATA } from './userDataCodec';
import { AHP } from './ahpWeighting';
import { MAX_SQL_CHARS } from '../domain/sqlGuard';
import { STABILITY } from './stabilityCodec';
import { MAX_AMOUNT, MAX_MONITORING_ENTRIES } from '../domain/monitoring';
import {
  SCENARIO_VERSION,
  defaultLayers,
  defaultWorkshop,
  type MapLayers,
  type Scenario,
  type ScenarioIndicator,
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
  | 'invalidLink'
  | 'staleSave'
  | 'deletedElsewhere';

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
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

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
// validation: one valibot schema (see docs/decisions/scenario-codec.md). Its entries follow the
// Scenario's key order, so the output has that order too (stores and links compare JSON text);
// the first issue becomes the ScenarioError. Map layers are filled from the defaults, never refused.

const KNOWN = new Map(INDICATORS.map((d) => [d.id, d]));
const str = v.pipe(v.string(), v.maxLength(MAX_TEXT));
const text = (fallback: string | (() => string) = '') => v.nullish(str, fallback);
const range = (min: number, max: number) => v.pipe(v.number(), v.minValue(min), v.maxValue(max));
const isoDate = (field: 'createdAt' | 'updatedAt') =>
  v.pipe(text(() => defaultWorkshop()[field]), v.check((s) => !Number.isNaN(Date.parse(s))));
const monthOrDay = v.pipe(v.nullish(v.pipe(v.string(), v.regex(/^(\d{4}-\d{2}(-\d{2})?)?$/)), null), v.transform((s) => s || null));
/** Anything but an object counts as `{}`: every field takes its default. */
const lenient = <E extends v.ObjectEntries>(entries: E) =>
  v.optional(v.pipe(v.unknown(), v.transform((x) => (isObj(x) ? x : {})), v.object(entries)), {});
const bound = range(-1e12, 1e12);

const INDICATOR = v.variant('id', [
  v.object({
    id: v.picklist([...KNOWN.keys()]),
    weight: range(0, MAX_WEIGHT),
    direction: v.optional(v.picklist(['up', 'down'])),
    enabled: v.optional(v.boolean()),
    method: v.nullish(
      v.variant('kind', [
        v.object({ kind: v.picklist(['minmax', 'zscore', 'rank']) }),
        v.object({ kind: v.literal('target'), target: bound }),
        v.object({ kind: v.literal('goalposts'), min: bound, max: bound }),
      ]),
      () => ({ kind: 'minmax' as const }),
    ),
    winsorise: v.nullish(v.pipe(v.object({ lower: range(0, 1), upper: range(0, 1) }), v.check((w) => w.lower < w.upper)), null),
  }),
  // an id this version does not know: dropped with a warning
  v.object({ id: v.pipe(v.string(), v.check((id) => !KNOWN.has(id))) }),
]);

const classCount = v.pipe(range(3, 7), v.transform(Math.round));

const SCENARIO = v.object({
  title: text(),
  question: text(),
  canvas: lenient({
    decision: text(),
    innovation: text(),
    ai: lenient({ addsValue: v.nullish(v.picklist(['si', 'no', 'no_sabemos']), null), why: text() }),
  }),
  participants: v.nullish(v.array(v.string()), () => []),
  agreements: text(),
  decisions: text(),
  author: text(),
  createdAt: isoDate('createdAt'),
  updatedAt: isoDate('updatedAt'),
  appVersion: text(() => defaultWorkshop().appVersion),
  dataVersion: v.nullish(str, null),
  timeWindow: lenient({ from: monthOrDay, to: monthOrDay }),
  consulta: lenient({ sql: v.pipe(text(), v.maxLength(MAX_SQL_CHARS)), mapped: v.pipe(text(), v.maxLength(MAX_SQL_CHARS)) }),
  monitoreo: v.nullish(
    v.pipe(
      v.array(
        v.object({
          ubigeo: v.pipe(v.string(), v.regex(/^(0[1-9]|1\d|2[0-5])\d{2}(\d{2})?$/)),
          planned: v.nullish(range(0, MAX_AMOUNT), null),
          executed: v.nullish(range(0, MAX_AMOUNT), null),
          date: v.nullish(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/)), null),
        }),
      ),
      v.maxLength(MAX_MONITORING_ENTRIES),
    ),
    () => [],
  ),
  version: v.literal(SCENARIO_VERSION),
  presetId: v.pipe(v.string(), v.transform((id) => (PRESETS.some((p) => p.id === id) ? id : PRESETS[0].id))),
  level: v.picklist(['provincia', 'distrito']),
  scope: v.pipe(
    v.custom<Obj>(isObj),
    v.object({
      // Peru's 25 departments are UBIGEO 01–25: a scope outside them would rank nothing
      departamento: v.nullish(v.pipe(v.string(), v.regex(/^(0[1-9]|1\d|2[0-5])$/)), null),
      provincia: v.nullish(v.pipe(v.string(), v.regex(/^(0[1-9]|1\d|2[0-5])\d{2}$/)), null),
    }),
    // a province belongs to the department of the scope
    v.check((s) => s.provincia === null || s.provincia.startsWith(s.departamento ?? '-')),
  ),
  indicators: v.array(INDICATOR),
  aggregation: v.picklist(['arithmetic', 'geometric']),
  missing: v.picklist(['reweight', 'exclude']),
  coverageThreshold: v.nullish(range(0, 1), 0.65),
  definitions: DEFINITIONS,
  classes: v.optional(
    v.variant('kind', [
      v.object({ kind: v.picklist(['equal', 'quantile', 'ptop']), count: classCount }),
      // the map of one indicator: a catalogue id or a user indicator's (whose file may be absent: the map then draws the score)
      v.object({ kind: v.literal('indicator'), count: classCount, indicator: v.pipe(v.string(), v.regex(/^[a-z][a-z0-9_]{0,79}$/)) }),
    ]),
    () => ({ kind: 'equal' as const, count: 5 }),
  ),
  topN: v.pipe(v.nullish(range(0, 1000), 10), v.transform(Math.round)),
  layers: v.optional(v.pipe(v.unknown(), v.transform(fillLayers)), {}),
  userData: USER_DATA,
  stability: STABILITY,
  ahp: AHP,
});

function validate(s: Obj, warnings: ScenarioWarning[]): Scenario {
  const r = v.safeParse(SCENARIO, s, { abortEarly: true });
  if (!r.success) throw toError(r.issues[0]);
  const o = r.output;
  const byId = new Map<string, ScenarioIndicator>();
  const unknown: string[] = [];
  for (const i of o.indicators) {
    const def = KNOWN.get(i.id);
    if (!def || !('weight' in i)) unknown.push(i.id);
    else byId.set(i.id, { id: i.id, weight: i.weight, enabled: i.enabled ?? i.weight > 0, direction: i.direction ?? def.direction, method: i.method, winsorise: i.winsorise });
  }
  if (unknown.length) warnings.push({ key: 'unknownIndicators', params: { ids: unknown.join(', ') } });
  const indicators = INDICATORS.map(
    (def) =>
      byId.get(def.id) ?? { id: def.id, weight: 0, enabled: false, direction: def.direction, method: { kind: 'minmax' as const }, winsorise: null },
  );
  return { ...o, scope: { ...o.scope, provincia: o.level === 'distrito' ? o.scope.provincia : null }, indicators };
}

/**
 * The issue's path as the UI names a field: `indicators[3].method.target`, `participants[2]`,
 * `classes.kind`. An indicator's weight has its own message (id, value given, the maximum).
 */
function toError(issue: v.BaseIssue<unknown>): ScenarioError {
  const path = issue.path ?? [];
  if (path.length === 3 && path[0].key === 'indicators' && path[2].key === 'weight') {
    return new ScenarioError('invalidWeight', { id: String((path[2].input as Obj).id), weight: String(issue.input), max: MAX_WEIGHT });
  }
  const field = path.map((p) => (typeof p.key === 'number' ? `[${p.key}]` : `.${String(p.key)}`)).join('');
  return new ScenarioError('invalidField', { field: field.replace(/^\./, '') });
}

/**
 * The map layers: every layer the app knows (missing ones from the defaults), nothing else.
 * Each property keeps the provided value only when it has the default's type.
 */
export function fillLayers(value: unknown): MapLayers {
  const defaults = defaultLayers();
  const given = isObj(value) ? value : {};
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
  const weights = Object.fromEntries(Object.entries(h.weights).map(([k, w]) => [k, clamp(w, 0, 10)])) as unknown as typeof h.weights;
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
      correction: oneOf(l.hotspots.correction, ['none', 'fdr'] as const, d.hotspots.correction),
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
