import type { Units } from '../data/units';
import type { Boundaries } from '../data/boundaries';
import { LEVELS, type Level } from '../domain/indicators';
import type { ConflictEvent } from '../domain/conflictEvents';
import { countByUnit, inWindow, perCapita } from '../domain/conflictWindow';
import { localMoran, type HotspotClass } from '../domain/hotspots';
import { filterFacilities } from '../domain/facilities';
import type { Ranking } from './ranking';
import { activeIndicators, type Scenario } from './scenario';
import { setUserIndicatorDefs } from '../domain/indicators';
import { userColumns, userDefs } from './userDataState';
import { valueOf } from './loadState';
import { projectionColumns, projectionNeeded } from './projectionState';
import { scopeIndices } from './ranking';
import type { CoreState, DerivedColumns, DerivedSlice, Hotspots } from './slices';

/**
 * The synchronous half of the coordinator: every store update passes through `derive`, which
 * brings the derived slice in line with the scenario and the data *in the same update*. Each
 * result is recomputed only when its own inputs changed (compared by reference: the scenario
 * updaters and the loaders replace what they change and keep the rest), so a time-window change
 * recomputes the conflict columns and then ranks once, and an opacity drag ranks not at all.
 */
export interface DeriveContext {
  rank: (units: Units, scenario: Scenario) => Ranking;
}

const NO_EVENTS: ConflictEvent[] = [];

export const emptyDerived = (): DerivedSlice => ({
  columns: {},
  units: {},
  conflictEvents: NO_EVENTS,
  conflictsInWindow: NO_EVENTS,
  ranking: null,
  hotspots: null,
  facilitiesShown: { visible: [], flagged: [] },
  accessNearest: null,
  accessTiming: null,
  stability: null,
});

/** The SQL units of a level, once loaded. */
export const baseUnitsOf = (s: CoreState, level: Level): Units | undefined => valueOf(s.data.levels[level])?.units;

/** A level's boundaries: loaded with the level, or (provinces) with the first map. */
export function boundariesOf(s: CoreState, level: Level): Boundaries | undefined {
  return valueOf(s.data.levels[level])?.boundaries ?? (level === 'provincia' ? s.data.geo?.provincias : undefined);
}

/** Whether every indicator the scenario weighs is among these units' SQL columns (what a snapshot holds). */
export const weighsOnly = (s: Scenario, units: Units): boolean => activeIndicators(s).every((i) => i.id in units.values);

const NONE: string[] = [];

/**
 * While the first map comes from the snapshot (the engine still starting), the indicators the
 * scenario weighs that only the engine computes (access, conflicts, own data, the projection): the
 * ranking waits for them rather than ranking without them.
 */
export function awaitingEngine(s: CoreState): string[] {
  if (s.data.snapshot.status !== 'pending' || s.data.engine.status === 'ready') return NONE;
  const base = baseUnitsOf(s, s.scenario.level);
  if (!base) return NONE;
  const missing = activeIndicators(s.scenario).filter((i) => !(i.id in base.values));
  return missing.length === 0 ? NONE : missing.map((i) => i.id);
}

/** The SQL units with every derived group's columns on top. */
export function mergeUnits(base: Units | undefined, groups: Record<string, DerivedColumns> | undefined): Units | undefined {
  if (!base || !groups) return base;
  const values = { ...base.values };
  const methods = { ...base.methods };
  for (const g of Object.values(groups)) {
    Object.assign(values, g.values);
    Object.assign(methods, g.method);
  }
  return { ...base, values, methods };
}

/** Counts of active and latent cases in the window, and the same per 100,000 people (census 2017). */
export function conflictColumns(events: readonly ConflictEvent[], none: boolean, scenario: Scenario, units: Units): DerivedColumns {
  const w = scenario.timeWindow;
  const counts = none ? new Float64Array(units.ids.length).fill(NaN) : countByUnit(events, w, units.level, units.ids);
  const span = `${w.from ?? '…'} – ${w.to ?? '…'}`;
  const key = units.level === 'provincia' ? 'ubigeo_prov' : 'ubigeo';
  return {
    values: {
      conflictos_activos: counts,
      conflictos_por_100k: units.values.poblacion_2017 ? perCapita(counts, units.values.poblacion_2017) : new Float64Array(counts.length).fill(NaN),
    },
    method: {
      conflictos_activos: [{ key: 'methods.conflicts', params: { span, key, n: events.length } }],
      conflictos_por_100k: [{ key: 'methods.conflictsRate', params: { span } }],
    },
  };
}

/** Counts recomputations, so each result gets its own deck.gl update trigger. */
let hotspotRuns = 0;

/** Local Moran's I of the conflict rate over all provinces, in the topology's feature order. */
export function hotspotsOf(units: Units, boundaries: Boundaries, layer: Scenario['layers']['hotspots']): Hotspots | null {
  const contiguity = boundaries.contiguity;
  const rate = units.values.conflictos_por_100k;
  if (!contiguity || !rate) return null;
  const at = new Map(units.ids.map((id, i) => [id, i]));
  const values = contiguity.ids.map((id) => {
    const i = at.get(id);
    return i === undefined ? NaN : rate[i];
  });
  const { alpha, permutations, seed, correction } = layer;
  const result = localMoran(values, contiguity.neighbours, { alpha, permutations, seed, correction });
  const classOf = new Map<string, HotspotClass>();
  const counts: Partial<Record<HotspotClass, number>> = {};
  result.units.forEach((u, k) => {
    classOf.set(contiguity.ids[k], u.class);
    counts[u.class] = (counts[u.class] ?? 0) + 1;
  });
  hotspotRuns += 1;
  return { result, classOf, counts, version: `${alpha}:${permutations}:${seed}:${correction}:${hotspotRuns}` };
}

const rankingInputsChanged = (a: Scenario, b: Scenario) =>
  a.indicators !== b.indicators ||
  a.aggregation !== b.aggregation ||
  a.missing !== b.missing ||
  a.coverageThreshold !== b.coverageThreshold ||
  a.scope !== b.scope ||
  a.level !== b.level;

export function derive(prev: CoreState, next: CoreState, ctx: DeriveContext): CoreState {
  const p = prev.derived;
  const s = next.scenario;
  let d: DerivedSlice = next.derived;
  let view = next.view;
  // User indicators are defined by the scenario: the catalogue lookup learns them before anything reads them.
  if (s.userData !== prev.scenario.userData) setUserIndicatorDefs(userDefs(s.userData));

  // Conflict events: published + uploaded, then those in the window.
  const conflicts = valueOf(next.data.conflicts);
  // the user's files count while the scenario references them (an undo takes a file back out)
  const eventsChanged =
    next.data.conflicts !== prev.data.conflicts || next.data.userConflicts !== prev.data.userConflicts || s.userData.conflictFiles !== prev.scenario.userData.conflictFiles;
  const used = eventsChanged ? next.data.userConflicts.filter((u) => s.userData.conflictFiles.some((f) => f.sha256 === u.sha256)) : [];
  const conflictEvents = !eventsChanged
    ? p.conflictEvents
    : !conflicts && used.length === 0
      ? NO_EVENTS
      : [...(conflicts ?? []), ...used.flatMap((u) => u.events)];
  const windowChanged = s.timeWindow !== prev.scenario.timeWindow;
  const conflictsInWindow =
    conflictEvents === p.conflictEvents && !windowChanged && d.conflictsInWindow === p.conflictsInWindow
      ? p.conflictsInWindow
      : conflictEvents.filter((e) => inWindow(e, s.timeWindow));
  if (conflictEvents !== d.conflictEvents || conflictsInWindow !== d.conflictsInWindow) d = { ...d, conflictEvents, conflictsInWindow };

  // Per level: the conflict columns, then the merged units.
  for (const level of LEVELS) {
    const base = baseUnitsOf(next, level);
    if (!base) continue;
    const baseChanged = base !== baseUnitsOf(prev, level);
    let groups = d.columns[level];
    if (baseChanged || eventsChanged || windowChanged || !groups?.conflicts) {
      // No published data and no file (or the last file removed): the indicators are missing, not 0.
      const none = !conflicts && conflictEvents.length === 0;
      groups = { ...groups, conflicts: conflictColumns(conflictEvents, none, s, base) };
      d = { ...d, columns: { ...d.columns, [level]: groups } };
    }
    // The population projection (issue 19), gated over the units of the scope, only while the
    // scenario uses it (its column appears and goes with the change that weighs it, ranking once).
    const series = next.data.series[level];
    // compared by value: the series' loading state alone changes no number
    const needed = projectionNeeded(s);
    if (needed ? baseChanged || valueOf(series) !== valueOf(prev.data.series[level]) || s.scope !== prev.scenario.scope || !groups?.projection : groups?.projection) {
      const { projection: _dropped, ...rest } = groups ?? {};
      void _dropped;
      groups = needed ? { ...rest, projection: projectionColumns(valueOf(series) ?? undefined, base, scopeIndices(base, s)) } : rest;
      d = { ...d, columns: { ...d.columns, [level]: groups } };
    }
    // The user's own indicators (scenario.userData), from the files read and joined.
    const userChanged = s.userData !== prev.scenario.userData || next.data.userFiles !== prev.data.userFiles || s.consulta.mapped !== prev.scenario.consulta.mapped;
    if (s.userData.indicators.length > 0 ? baseChanged || userChanged || !groups?.user : groups?.user) {
      const { user: _dropped, ...rest } = groups ?? {};
      void _dropped;
      groups = s.userData.indicators.length > 0 ? { ...rest, user: userColumns(s.userData, next.data.userFiles, base, s.consulta.mapped) } : rest;
      d = { ...d, columns: { ...d.columns, [level]: groups } };
    }
    if (baseChanged || groups !== p.columns[level] || !d.units[level]) {
      d = { ...d, units: { ...d.units, [level]: mergeUnits(base, groups) } };
    }
  }

  // The ranking: once per change of its inputs, never for a layer or view change.
  const units = d.units[s.level];
  if (!units || awaitingEngine(next) !== NONE) {
    if (d.ranking) d = { ...d, ranking: null };
  } else if (!d.ranking || d.ranking.units !== units || rankingInputsChanged(prev.scenario, s)) {
    d = { ...d, ranking: { units, ranking: ctx.rank(units, s), version: (d.ranking?.version ?? 0) + 1 } };
  }

  // Hot spots, only while their layer is shown.
  const hl = s.layers.hotspots;
  const provinces = d.units.provincia;
  const provinceLines = boundariesOf(next, 'provincia');
  if (!hl.visible || !provinces || !provinceLines) {
    if (d.hotspots) d = { ...d, hotspots: null };
  } else {
    const ph = prev.scenario.layers.hotspots;
    const rate = provinces.values.conflictos_por_100k;
    if (
      !d.hotspots || rate !== p.units.provincia?.values.conflictos_por_100k || provinceLines !== boundariesOf(prev, 'provincia') ||
      hl.alpha !== ph.alpha || hl.permutations !== ph.permutations || hl.seed !== ph.seed || hl.correction !== ph.correction
    ) {
      d = { ...d, hotspots: hotspotsOf(provinces, provinceLines, hl) };
    }
  }

  // Facilities shown by the layer's filter.
  const facilities = valueOf(next.data.facilities);
  const fl = s.layers.facilities;
  const pf = prev.scenario.layers.facilities;
  if (
    facilities !== valueOf(prev.data.facilities) || fl.categories !== pf.categories || fl.institutions !== pf.institutions ||
    fl.minAge !== pf.minAge || fl.maxAge !== pf.maxAge || fl.includeUnknownAge !== pf.includeUnknownAge ||
    fl.universeOnly !== pf.universeOnly || s.definitions.universe !== prev.scenario.definitions.universe ||
    s.definitions.referenceYear !== prev.scenario.definitions.referenceYear
  ) {
    // «solo el universo»: the layer's own filter narrowed to the facilities the ranking counts
    const u = s.definitions.universe;
    const categories = fl.universeOnly ? fl.categories.filter((c) => u.categories.includes(c as never)) : fl.categories;
    const institutions = fl.universeOnly ? (fl.institutions ?? [...u.institutions]).filter((g) => u.institutions.includes(g as never)) : fl.institutions;
    const visible = facilities
      ? filterFacilities(
          facilities,
          { categories, institutions, minAge: fl.minAge, maxAge: fl.maxAge, includeUnknownAge: fl.includeUnknownAge },
          // the scenario's reference year (issue 12), the same as the age indicators'
          s.definitions.referenceYear,
        )
      : [];
    d = { ...d, facilitiesShown: { visible, flagged: facilities ? visible.filter((i) => facilities.ubicacion[i] !== 'ok') : [] } };
  }

  // A new scope or level invalidates a unit selection; a facility found by search before the
  // facilities arrived is selected when they do.
  if ((s.level !== prev.scenario.level || s.scope !== prev.scenario.scope) && view.selection.kind === 'unit') {
    view = { ...view, selection: { kind: 'none' } };
  }
  if (facilities && view.pendingFacility !== null) {
    const i = facilities.codigo.indexOf(view.pendingFacility);
    view = { ...view, pendingFacility: null, ...(i >= 0 ? { selection: { kind: 'facility', index: i } as const } : {}) };
  }

  return d === next.derived && view === next.view ? next : { ...next, derived: d, view };
}
