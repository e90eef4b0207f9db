import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../state/store';
import { valueOf } from '../state/loadState';
import { INDICATORS, indicatorById } from '../domain/indicators';
import { SERIES, changeBetween, conflictSeries, periodYear, periodsOf, scopeTotals, type PeriodKind, type SeriesTable } from '../domain/series';
import { HORIZON_YEARS, MIN_COMPLETENESS, MIN_PERIODS, PROJECTION_PERIODS } from '../domain/projection';
import { medianAt } from '../domain/stats';
import { PROJECTION_ID, projectionOf } from '../state/projectionState';
import { formatNumber } from '../i18n';
import { useFullScreenView } from './fullScreenView';
import { useScopeName } from './ScopeSelector';
import { RetryButton } from './RetryButton';
import './trends.css';

/** One line of a small multiple: a unit's values per period (NaN = none). */
interface Line {
  key: 'unit' | 'compare' | 'median';
  label: string;
  values: number[];
}

/** The scope itself, as one more unit of the view (its totals). */
const SCOPE_ID = 'ambito';
const W = 300;
const H = 150;
const PAD = { left: 58, right: 10, top: 10, bottom: 24 };
const STYLE: Record<Line['key'], { stroke: string; dash?: string; marker: 'circle' | 'square' | 'none' }> = {
  // blue and orange stay apart for every colour-vision type; the median is grey and dashed
  unit: { stroke: '#0b3c6f', marker: 'circle' },
  compare: { stroke: '#b35806', marker: 'square' },
  median: { stroke: '#555555', dash: '5 4', marker: 'none' },
};

/** A small multiple: lines over the periods, a projected period drawn hollow. Drawn only with ≥ 2 periods. */
function SmallMultiple({ periods, kinds, lines, digits, label }: { periods: string[]; kinds: PeriodKind[]; lines: Line[]; digits: number; label: string }) {
  const { i18n } = useTranslation();
  const xs = periods.map(periodYear);
  const all = lines.flatMap((l) => l.values).filter(Number.isFinite);
  const lo = Math.min(0, ...all);
  const hi = Math.max(...all, lo + 1);
  const x = (v: number) => PAD.left + ((v - xs[0]) / (xs[xs.length - 1] - xs[0] || 1)) * (W - PAD.left - PAD.right);
  const y = (v: number) => H - PAD.bottom - ((v - lo) / (hi - lo)) * (H - PAD.top - PAD.bottom);
  const n = (v: number) => formatNumber(v, i18n.language, digits);
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="trend-chart" role="img" aria-label={label}>
      <line x1={PAD.left} x2={W - PAD.right} y1={y(lo)} y2={y(lo)} stroke="#8a94a0" />
      <text x={PAD.left - 4} y={y(hi) + 4} textAnchor="end" className="axis">{n(hi)}</text>
      <text x={PAD.left - 4} y={y(lo)} textAnchor="end" className="axis">{n(lo)}</text>
      {periods.map((p, k) =>
        // a label too close to the next one (2020 beside 2022) is left to the table below
        k < periods.length - 1 && x(xs[k + 1]) - x(xs[k]) < 34 ? null : (
          <text key={p} x={x(xs[k])} y={H - 6} textAnchor={k === 0 ? 'start' : k === periods.length - 1 ? 'end' : 'middle'} className="axis">
            {p}
          </text>
        ),
      )}
      {lines.map((l) => {
        const st = STYLE[l.key];
        const pts = l.values.map((v, k) => [x(xs[k]), y(v), v, k] as const).filter((p) => Number.isFinite(p[2]));
        return (
          <g key={l.key} data-line={l.key}>
            <polyline points={pts.map((p) => `${p[0]},${p[1]}`).join(' ')} fill="none" stroke={st.stroke} strokeWidth={2} strokeDasharray={st.dash} />
            {st.marker !== 'none' &&
              pts.map(([px, py, , k]) => {
                // a projection is not a count: its point is hollow
                const fill = kinds[k] === 'proyeccion' ? '#ffffff' : st.stroke;
                return st.marker === 'circle' ? (
                  <circle key={k} cx={px} cy={py} r={3.5} fill={fill} stroke={st.stroke} strokeWidth={1.5} />
                ) : (
                  <rect key={k} x={px - 3.5} y={py - 3.5} width={7} height={7} fill={fill} stroke={st.stroke} strokeWidth={1.5} />
                );
              })}
          </g>
        );
      })}
    </svg>
  );
}

/**
 * «Tendencias» (issue 19): for a unit of the scenario (and one to compare), small multiples of
 * every indicator the data hold for several periods, with the scope's median; the projection
 * of population, offered only when the data-sufficiency rule holds; why there is no
 * deterioration model; and a descriptive before/after table of the scenario's first N.
 * The series are loaded by the coordinator (wantTrends), not here.
 */
export function TrendsView() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const id = useId();
  const scopeName = useScopeName();
  const level = useStore((s) => s.scenario.level);
  const seriesState = useStore((s) => s.data.series[s.scenario.level]);
  const ranking = useStore((s) => s.derived.ranking);
  const events = useStore((s) => s.derived.conflictEvents);
  const selected = useStore((s) => (s.view.selection.kind === 'unit' ? s.view.selection.ubigeo : null));
  const topN = useStore((s) => s.scenario.topN);
  const projectionInScenario = useStore((s) => s.scenario.indicators.find((i) => i.id === PROJECTION_ID));
  const { wantTrends, setEnabled } = useStore.getState();
  useEffect(() => wantTrends(), [wantTrends]);

  const series = valueOf(seriesState);
  const units = ranking?.units ?? null;
  const scope = ranking?.ranking.scopeIndices ?? null;
  // units of the scope, the ranked ones first in rank order, then the rest by name
  const options = useMemo(() => {
    if (!units || !scope || !ranking) return [];
    const rank = ranking.ranking.rank;
    return Array.from(scope)
      .map((i) => ({ i, rank: rank[i], name: units.names[i], dep: units.departamentos[i] }))
      .sort((a, b) => (a.rank || 1e9) - (b.rank || 1e9) || a.name.localeCompare(b.name, 'es'));
  }, [units, scope, ranking]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [compare, setCompare] = useState<string>('');
  const known = (u: string | null) => u !== null && (u === SCOPE_ID || options.some((o) => units!.ids[o.i] === u));
  const unitId = known(chosen) ? chosen : known(selected) ? selected : options[0] ? units!.ids[options[0].i] : null;

  // the series realigned to the ranking's units (same ids, by id for safety), conflicts from the
  // events in memory, and the scope as one more unit at the end (its totals: SCOPE_ID)
  const table: SeriesTable | null = useMemo(() => {
    if (!series || !units || !scope) return null;
    const at = new Map(series.ids.map((u, k) => [u, k]));
    const pick = (col: Float64Array) => Float64Array.from(units.ids, (u) => col[at.get(u) ?? -1] ?? NaN);
    const values: SeriesTable['values'] = {};
    for (const [sid, byPeriod] of Object.entries(series.values)) values[sid] = Object.fromEntries(Object.entries(byPeriod).map(([p, col]) => [p, pick(col)]));
    values.conflictos = conflictSeries(events, units.level, units.ids);
    const base = { level: units.level, ids: units.ids, values };
    const totals = scopeTotals(base, scope);
    const withScope = Object.fromEntries(
      Object.entries(values).map(([sid, byPeriod]) => [sid, Object.fromEntries(Object.entries(byPeriod).map(([p, col]) => [p, Float64Array.from([...col, totals[sid][p]])]))]),
    );
    return { level: units.level, ids: [...units.ids, SCOPE_ID], values: withScope };
  }, [series, units, events, scope]);
  const projection = useMemo(() => (table && scope ? projectionOf(table, scope) : null), [table, scope]);

  const close = useFullScreenView('open-trends');
  const indexOf = (u: string | null) => (u && units ? (u === SCOPE_ID ? units.ids.length : units.ids.indexOf(u)) : -1);
  const ui = indexOf(unitId);
  const ci = indexOf(compare || null);
  const nameOf = (i: number) =>
    !units || i < 0 ? '' : i === units.ids.length ? t('trends.scopeWhole', { scope: scopeName }) : `${units.names[i]} (${units.departamentos[i]})`;
  const n = (v: number, d = 0) => (Number.isFinite(v) ? formatNumber(v, lng, d) : '—');
  const pct = (v: number, d = 1) => (Number.isFinite(v) ? `${formatNumber(100 * v, lng, d)} %` : '—');
  const year = Number(PROJECTION_PERIODS[PROJECTION_PERIODS.length - 1]) + HORIZON_YEARS;
  const g = projection?.gate;
  const top = ranking ? Array.from(ranking.ranking.order.slice(0, Math.max(1, Math.min(topN, 20)))) : [];

  return (
    <div className="sc-overlay trends" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} data-testid="trends-view">
      <header className="sc-overlay-head">
        <h2 id={`${id}-title`}>{t('trends.title')}</h2>
        <button type="button" onClick={close} autoFocus>
          {t('trends.close')}
        </button>
      </header>
      <p className="small">{t('trends.intro', { scope: scopeName })}</p>
      {!units || !scope ? (
        <p role="status">{t('trends.waitingRanking')}</p>
      ) : (
        <>
          <div className="trends-pickers">
            <label>
              {t('trends.unit')}{' '}
              <select data-testid="trends-unit" value={unitId ?? ''} onChange={(e) => setChosen(e.target.value)}>
                <option value={SCOPE_ID}>{t('trends.scopeWhole', { scope: scopeName })}</option>
                {options.map((o) => (
                  <option key={o.i} value={units.ids[o.i]}>
                    {o.rank ? `${o.rank}. ` : ''}
                    {o.name} ({o.dep})
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('trends.compare')}{' '}
              <select data-testid="trends-compare" value={compare} onChange={(e) => setCompare(e.target.value)}>
                <option value="">{t('trends.none')}</option>
                {unitId !== SCOPE_ID && <option value={SCOPE_ID}>{t('trends.scopeWhole', { scope: scopeName })}</option>}
                {options
                  .filter((o) => units.ids[o.i] !== unitId)
                  .map((o) => (
                    <option key={o.i} value={units.ids[o.i]}>
                      {o.name} ({o.dep})
                    </option>
                  ))}
              </select>
            </label>
          </div>
          {seriesState.status === 'error' && (
            <p role="alert" className="error">
              {t(`errors.${seriesState.error.key}`, seriesState.error.params)} <RetryButton load={`series:${level}`} />
            </p>
          )}
          {!table ? (
            seriesState.status !== 'error' && <p role="status">{t('trends.loading')}</p>
          ) : (
            <>
              <div className="trends-grid" data-testid="trends-grid">
                {SERIES.map((def) => {
                  const periods = periodsOf(table, def.id);
                  const kinds = periods.map((p) => (def.periods === 'events' ? 'reporte' : def.periods.find((q) => q.period === p)?.kind ?? 'registro'));
                  const col = table.values[def.id] ?? {};
                  const values = (i: number) => periods.map((p) => col[p][i]);
                  const lines: Line[] = [
                    { key: 'unit', label: nameOf(ui), values: values(ui) },
                    ...(ci >= 0 ? [{ key: 'compare' as const, label: nameOf(ci), values: values(ci) }] : []),
                    { key: 'median', label: t('trends.median', { scope: scopeName }), values: periods.map((p) => medianAt(col[p], scope)) },
                  ];
                  const title = t(`trends.series.${def.id}`);
                  return (
                    <figure key={def.id} className="trend" data-testid={`trend-${def.id}`} data-periods={periods.length}>
                      <figcaption>
                        <strong>{title}</strong>
                      </figcaption>
                      {periods.length >= 2 ? (
                        <SmallMultiple periods={periods} kinds={kinds} lines={lines} digits={def.digits} label={t('trends.chartLabel', { series: title, unit: nameOf(ui) })} />
                      ) : (
                        <p className="trend-single" data-testid="trend-single">
                          {periods.length === 1 ? t('trends.singlePeriod', { period: periods[0] }) : t('trends.noPeriods')}
                        </p>
                      )}
                      {periods.length > 0 && (
                        <div className="trend-table-wrap">
                        <table className="trend-table">
                          <thead>
                            <tr>
                              <th scope="col">{t('trends.period')}</th>
                              {periods.map((p, k) => (
                                <th key={p} scope="col">
                                  {p}
                                  <span className="kind">{t(`trends.kinds.${kinds[k]}`)}</span>
                                </th>
                              ))}
                            </tr>
                          </thead>
                          <tbody>
                            {lines.map((l) => (
                              <tr key={l.key} data-row={l.key}>
                                <th scope="row">
                                  <span className={`trend-key trend-key-${l.key}`} aria-hidden="true" />
                                  {l.label}
                                </th>
                                {l.values.map((v, k) => (
                                  <td key={k} className="num">
                                    {n(v, def.digits)}
                                  </td>
                                ))}
                              </tr>
                            ))}
                          </tbody>
                        </table>
                        </div>
                      )}
                      <p className="small muted">{t(`trends.seriesNotes.${def.id}`)}</p>
                    </figure>
                  );
                })}
              </div>

              <section className="trends-section" data-testid="projection" data-allowed={g?.allowed ? 'true' : 'false'} aria-labelledby={`${id}-proj`}>
                <h3 id={`${id}-proj`}>{t('trends.projection.title', { year })}</h3>
                <p className="small">{t('trends.projection.rule', { periods: MIN_PERIODS, pct: formatNumber(100 * MIN_COMPLETENESS, lng, 0), scope: scopeName })}</p>
                {g && !g.allowed ? (
                  <p className="trend-off" role="status" data-testid="projection-off">
                    {t('trends.projection.off', {
                      reason: t(`trends.gate.${g.reason}`, { periods: g.periods, need: MIN_PERIODS, complete: g.complete, units: g.units, pct: formatNumber(100 * g.completeness, lng, 1) }),
                    })}
                  </p>
                ) : g && projection ? (
                  <>
                    <p role="status" data-testid="projection-on">
                      {t('trends.projection.on', { periods: g.periods, complete: g.complete, units: g.units, pct: formatNumber(100 * g.completeness, lng, 1) })}
                    </p>
                    <div className="trend-table-wrap">
                    <table className="trend-table" data-testid="projection-table">
                      <thead>
                        <tr>
                          <th scope="col">{t('trends.unit')}</th>
                          {PROJECTION_PERIODS.map((p) => (
                            <th key={p} scope="col">{p}</th>
                          ))}
                          <th scope="col">{t('trends.projection.rate')}</th>
                          <th scope="col">{t('trends.projection.value', { year })}</th>
                          <th scope="col">{t('trends.projection.range')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {[ui, ...(ci >= 0 ? [ci] : [])].map((i) => (
                          <tr key={i}>
                            <th scope="row">{nameOf(i)}</th>
                            {PROJECTION_PERIODS.map((p) => (
                              <td key={p} className="num">{n(table.values.poblacion?.[p]?.[i] ?? NaN)}</td>
                            ))}
                            <td className="num">{pct(projection.rate[i], 2)}</td>
                            <td className="num" data-testid="projection-value">{n(projection.value[i])}</td>
                            <td className="num">
                              {n(projection.low[i])} – {n(projection.high[i])}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                    </div>
                  </>
                ) : null}
                <p className="small">{t('trends.projection.method')}</p>
                {projectionInScenario?.enabled && projectionInScenario.weight > 0 ? (
                  <p className="small" data-testid="projection-in-ranking">
                    {g?.allowed
                      ? t('trends.projection.inRanking', { weight: projectionInScenario.weight, label: indicatorById(PROJECTION_ID).label[lng === 'en' ? 'en' : 'es'] })
                      : t('trends.projection.offInRanking')}
                  </p>
                ) : (
                  <button type="button" data-testid="projection-use" disabled={!g?.allowed} onClick={() => setEnabled(PROJECTION_ID, true)}>
                    {t('trends.projection.use')}
                  </button>
                )}
              </section>

              <section className="trends-section" aria-labelledby={`${id}-det`}>
                <h3 id={`${id}-det`}>{t('trends.deterioration.title')}</h3>
                <p className="small">{t('trends.deterioration.text')}</p>
              </section>

              <EvaluationTable table={table} top={top} scope={scope} nameOf={nameOf} />

              <section className="trends-section" aria-labelledby={`${id}-single`}>
                <h3 id={`${id}-single`}>{t('trends.singleTitle')}</h3>
                <p className="small">{t('trends.singleIntro')}</p>
                <ul className="trends-single-list" data-testid="single-period-list">
                  {INDICATORS.filter((d) => !d.computed && !d.id.startsWith('poblacion_') && d.levels.includes(level)).map((d) => (
                    <li key={d.id}>
                      {d.label[lng === 'en' ? 'en' : 'es']}
                      {d.period ? ` — ${d.period}` : ''}
                    </li>
                  ))}
                </ul>
              </section>
            </>
          )}
        </>
      )}
    </div>
  );
}

/** The periods compared before/after: the censuses, and the last census against INEI's latest projection. */
const PAIRS = [
  { series: 'poblacion', from: '2007', to: '2017' },
  { series: 'poblacion', from: '2017', to: '2022' },
  { series: 'establecimientos_activos', from: '2007', to: '2017' },
  { series: 'establecimientos_por_10k_censal', from: '2007', to: '2017' },
].map((p) => ({ ...p, digits: SERIES.find((s) => s.id === p.series)!.digits }));

/** Before/after of the scenario's first N: each pair's values and change, beside the scope's median. Descriptive, not causal. */
function EvaluationTable({ table, top, scope, nameOf }: { table: SeriesTable; top: number[]; scope: Int32Array; nameOf: (i: number) => string }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const scopeName = useScopeName();
  const lng = i18n.language;
  const n = (v: number, d: number) => (Number.isFinite(v) ? formatNumber(v, lng, d) : '—');
  const rel = (v: number) => (Number.isFinite(v) ? `${v > 0 ? '+' : ''}${formatNumber(100 * v, lng, 1)} %` : '—');
  const pairs = PAIRS;
  const medianRow = (p: (typeof pairs)[number]) => {
    const col = table.values[p.series] ?? {};
    const a = col[p.from] ? medianAt(col[p.from], scope) : NaN;
    const b = col[p.to] ? medianAt(col[p.to], scope) : NaN;
    return { from: a, to: b, relative: a ? (b - a) / Math.abs(a) : NaN };
  };
  return (
    <section className="trends-section" aria-labelledby={`${id}-eval`} data-testid="evaluation">
      <h3 id={`${id}-eval`}>{t('trends.evaluation.title', { n: top.length })}</h3>
      <p className="small">{t('trends.evaluation.intro', { scope: scopeName })}</p>
      <p className="caveat" role="note" data-testid="evaluation-caveat">
        {t('trends.evaluation.caveat')}
      </p>
      {top.length === 0 ? (
        <p>{t('trends.evaluation.none')}</p>
      ) : (
        <div className="trends-eval-wrap">
          <table className="trend-table">
            <thead>
              <tr>
                <th scope="col">{t('trends.evaluation.rank')}</th>
                <th scope="col">{t('trends.unit')}</th>
                {pairs.map((p) => (
                  <th key={`${p.series}:${p.to}`} scope="col">
                    {t(`trends.series.${p.series}`)}
                    <span className="kind">
                      {t('trends.evaluation.change', { from: p.from, to: p.to })} · {t('trends.evaluation.relative')}
                    </span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {top.map((i, k) => (
                <tr key={i}>
                  <td className="num">{k + 1}</td>
                  <th scope="row">{nameOf(i)}</th>
                  {pairs.map((p) => {
                    const c = changeBetween(table, p.series, i, p.from, p.to);
                    return (
                      <td key={`${p.series}:${p.to}`} className="num">
                        {n(c.from, p.digits)} → {n(c.to, p.digits)} ({rel(c.relative)})
                      </td>
                    );
                  })}
                </tr>
              ))}
              <tr className="median-row">
                <td />
                <th scope="row">{t('trends.median', { scope: scopeName })}</th>
                {pairs.map((p) => {
                  const c = medianRow(p);
                  return (
                    <td key={`${p.series}:${p.to}`} className="num">
                      {n(c.from, p.digits)} → {n(c.to, p.digits)} ({rel(c.relative)})
                    </td>
                  );
                })}
              </tr>
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
