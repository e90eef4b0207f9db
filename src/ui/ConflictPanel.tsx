import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../state/store';
import { errorOf } from '../state/loadState';
import { RetryButton } from './RetryButton';
import { formatNumber } from '../i18n';
import {
  DEFAULT_HEAT_WEIGHTS, dataSpan, seriesBreaks, shiftWindow, windowAround, type HeatWeights, type WindowKind,
} from '../domain/conflictWindow';
import { CONFLICT_STATUSES } from '../domain/conflictEvents';
import { ConflictUpload } from './ConflictUpload';
import { HOTSPOT_CLASSES } from './hotspotClasses';

const KINDS: WindowKind[] = ['todo', 'mes', 'semana', 'personalizada'];
const WEIGHT_KEYS: (keyof HeatWeights)[] = ['activo', 'latente', 'resuelto', 'retirado', 'violencia'];

/** «2024-03-01» → «1 mar. 2024» in the UI language. */
function useDateFormat() {
  const { i18n } = useTranslation();
  const f = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'es-PE', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return (iso: string | null) => (iso ? f.format(new Date(`${iso}T00:00:00Z`)) : '…');
}

/** Time window, counts, heatmap parameters, hot spots and the user's own files, for the conflict layers. */
export function ConflictPanel() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const fmtDate = useDateFormat();
  const all = useStore((s) => s.derived.conflictEvents);
  const inWindowEvents = useStore((s) => s.derived.conflictsInWindow);
  const loaded = useStore((s) => s.data.conflicts.status === 'ready');
  const error = useStore((s) => errorOf(s.data.conflicts));
  const window = useStore((s) => s.scenario.timeWindow);
  const heat = useStore((s) => s.scenario.layers.conflictHeatmap);
  const hot = useStore((s) => s.scenario.layers.hotspots);
  const setLayer = useStore((s) => s.setLayer);
  const setTimeWindow = useStore((s) => s.setTimeWindow);
  const span = useMemo(() => dataSpan(all), [all]);
  const breaks = useMemo(() => seriesBreaks(all, window), [all, window]);
  const hotspots = useStore((s) => s.derived.hotspots);
  const [open, setOpen] = useState(true);
  const n = (x: number, d = 0) => formatNumber(x, i18n.language, d);
  const kind = heat.windowKind;

  const byStatus = CONFLICT_STATUSES.map((st) => inWindowEvents.filter((e) => e.estado === st).length);
  const setKind = (k: WindowKind) => {
    setLayer('conflictHeatmap', { windowKind: k });
    if (k === 'todo') setTimeWindow({ from: null, to: null });
    // A month or a week starts at the data's last period: the most recent report.
    else if (k === 'mes' || k === 'semana') setTimeWindow(windowAround(k, span.to ?? span.from ?? new Date().toISOString().slice(0, 10)));
    else setTimeWindow({ from: window.from ?? span.from, to: window.to ?? span.to });
  };
  const step = (d: number) => (kind === 'mes' || kind === 'semana') && setTimeWindow(shiftWindow(kind, window, d));

  return (
    <details className="layers conflicts" open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)} data-testid="conflict-panel">
      <summary>
        <h2>{t('conflicts.title')}</h2>
      </summary>
      {error && (
        <p role="alert" className="error">
          {t(`errors.${error.key}`, error.params)} <RetryButton load="conflicts" />
        </p>
      )}
      {!loaded && !error && <p role="status">{t('app.loading')}</p>}
      {loaded && (
        <p className="small" data-testid="conflict-coverage">
          {all.length === 0
            ? t('conflicts.noData')
            : t('conflicts.coverage', {
                from: fmtDate(span.from),
                to: fmtDate(span.to),
                periods: span.periods.join(', '),
                count: span.periods.length,
                n: n(all.length),
              })}{' '}
          {span.precisions.includes('mes') && t('conflicts.monthlyNote')}
        </p>
      )}
      {breaks.length > 0 && (
        <p className="warning" role="status" data-testid="series-break">
          {t('conflicts.seriesBreak', { date: fmtDate(breaks[0].date), from: breaks[0].from, to: breaks[0].to, count: breaks.length })}
        </p>
      )}

      <fieldset className="field time-window" data-testid="time-window">
        <legend>{t('conflicts.window')}</legend>
        <label htmlFor={`${id}-kind`}>{t('conflicts.windowKind')}</label>
        <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as WindowKind)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`conflicts.kinds.${k}`)}
            </option>
          ))}
        </select>
        {(kind === 'mes' || kind === 'semana') && (
          <span className="window-step">
            <button type="button" onClick={() => step(-1)} aria-label={t(`conflicts.prev.${kind}`)}>
              ‹
            </button>
            <button type="button" onClick={() => step(1)} aria-label={t(`conflicts.next.${kind}`)}>
              ›
            </button>
          </span>
        )}
        {kind === 'personalizada' && (
          <span className="window-dates">
            <label htmlFor={`${id}-from`}>{t('conflicts.from')}</label>
            <input id={`${id}-from`} type="date" value={window.from ?? ''} onChange={(e) => setTimeWindow({ ...window, from: e.target.value || null })} />
            <label htmlFor={`${id}-to`}>{t('conflicts.to')}</label>
            <input id={`${id}-to`} type="date" value={window.to ?? ''} onChange={(e) => setTimeWindow({ ...window, to: e.target.value || null })} />
          </span>
        )}
        <p className="small" data-testid="window-label">
          {window.from === null && window.to === null ? t('conflicts.allTime') : t('conflicts.windowRange', { from: fmtDate(window.from), to: fmtDate(window.to) })}
        </p>
        <p role="status" data-testid="conflict-counts">
          {t('conflicts.counts', {
            count: inWindowEvents.length,
            n: n(inWindowEvents.length),
            activo: n(byStatus[0]),
            latente: n(byStatus[1]),
            resuelto: n(byStatus[2]),
            retirado: n(byStatus[3]),
          })}
        </p>
      </fieldset>

      {heat.visible && (
        <fieldset className="field heat-params" data-testid="heat-params">
          <legend>{t('conflicts.heatParams')}</legend>
          <label htmlFor={`${id}-radius`}>{t('conflicts.radius', { px: heat.radiusPx })}</label>
          <input id={`${id}-radius`} type="range" min={10} max={120} value={heat.radiusPx} onChange={(e) => setLayer('conflictHeatmap', { radiusPx: Number(e.target.value) })} />
          <label htmlFor={`${id}-intensity`}>{t('conflicts.intensity', { x: n(heat.intensity, 1) })}</label>
          <input
            id={`${id}-intensity`}
            type="range"
            min={1}
            max={50}
            value={Math.round(heat.intensity * 10)}
            onChange={(e) => setLayer('conflictHeatmap', { intensity: Number(e.target.value) / 10 })}
          />
          <p className="small">
            {t('conflicts.weightsDefault', {
              activo: n(DEFAULT_HEAT_WEIGHTS.activo, 1),
              latente: n(DEFAULT_HEAT_WEIGHTS.latente, 1),
              resuelto: n(DEFAULT_HEAT_WEIGHTS.resuelto, 1),
              retirado: n(DEFAULT_HEAT_WEIGHTS.retirado, 1),
              violencia: n(DEFAULT_HEAT_WEIGHTS.violencia, 1),
            })}
          </p>
          <div className="heat-weights">
            {WEIGHT_KEYS.map((k) => (
              <span key={k}>
                <label htmlFor={`${id}-w-${k}`}>{t(`conflicts.weight.${k}`)}</label>
                <input
                  id={`${id}-w-${k}`}
                  type="number"
                  min={0}
                  max={10}
                  step={0.1}
                  value={heat.weights[k]}
                  onChange={(e) => setLayer('conflictHeatmap', { weights: { ...heat.weights, [k]: Math.max(0, Number(e.target.value) || 0) } })}
                />
              </span>
            ))}
          </div>
          <button type="button" onClick={() => setLayer('conflictHeatmap', { weights: { ...DEFAULT_HEAT_WEIGHTS }, radiusPx: 40, intensity: 1 })}>
            {t('conflicts.resetHeat')}
          </button>
        </fieldset>
      )}

      {hot.visible && (
        <fieldset className="field hotspot-params" data-testid="hotspot-params">
          <legend>{t('conflicts.hotspots')}</legend>
          <p className="small" data-testid="hotspot-method">
            {t('conflicts.hotspotsMethod', { permutations: n(hot.permutations), seed: hot.seed, correction: t(`conflicts.correctionInForce.${hot.correction}`, { alpha: n(hot.alpha, 2) }) })}
          </p>
          <label htmlFor={`${id}-alpha`}>{t('conflicts.alpha')}</label>
          <select id={`${id}-alpha`} value={hot.alpha} onChange={(e) => setLayer('hotspots', { alpha: Number(e.target.value) })}>
            {[0.01, 0.05, 0.1].map((a) => (
              <option key={a} value={a}>
                {n(a, 2)}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-correction`}>{t('conflicts.correction')}</label>
          <select id={`${id}-correction`} value={hot.correction} onChange={(e) => setLayer('hotspots', { correction: e.target.value === 'fdr' ? 'fdr' : 'none' })}>
            {(['none', 'fdr'] as const).map((c) => (
              <option key={c} value={c}>
                {t(`conflicts.corrections.${c}`)}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-permutations`}>{t('conflicts.permutations')}</label>
          <select id={`${id}-permutations`} value={hot.permutations} onChange={(e) => setLayer('hotspots', { permutations: Number(e.target.value) })}>
            {/* 9 999 only when asked: it takes about ten times as long. A scenario's other value stays listed. */}
            {[...new Set([999, 9999, hot.permutations])].sort((a, b) => a - b).map((p) => (
              <option key={p} value={p}>
                {n(p)}
              </option>
            ))}
          </select>
          {hot.correction === 'fdr' && hot.permutations < 9999 && (
            <p className="small muted" data-testid="hotspot-fdr-permutations">
              {t('conflicts.fdrFewPermutations', { permutations: n(hot.permutations), pMin: n(1 / (hot.permutations + 1), hot.permutations >= 1000 ? 4 : 3), recommended: n(9999) })}
            </p>
          )}
          <label htmlFor={`${id}-seed`}>{t('conflicts.seed')}</label>
          <input id={`${id}-seed`} type="number" min={1} value={hot.seed} onChange={(e) => setLayer('hotspots', { seed: Math.max(1, Math.round(Number(e.target.value) || 1)) })} />
          {hotspots && (
            <ul className="hotspot-summary" data-testid="hotspot-summary">
              {HOTSPOT_CLASSES.map((c) => (
                <li key={c.id}>
                  <span className="swatch" style={{ background: c.css }} aria-hidden="true" />
                  {t(`conflicts.classes.${c.id}`)}: {n(hotspots.counts[c.id] ?? 0)}
                </li>
              ))}
              <li className="muted">{t('conflicts.globalI', { i: n(hotspots.result.globalI, 3) })}</li>
            </ul>
          )}
        </fieldset>
      )}
      <ConflictUpload />
    </details>
  );
}
