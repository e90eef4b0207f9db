import { useTranslation } from 'react-i18next';
import { useStore } from '../../state/store';
import { stableWidth } from '../../domain/stability/uncertainty';
import { bandRange, type UnitBand } from './stabilityView';
import './stability.css';

/**
 * One row's rank band: «3–7 estable». Stability is told in words as well as colour. A stale band
 * (the ranking changed, the new run has not ended) stays readable but dimmed, marked «actualizando».
 */
export function StabilityCell({ band, stale, running }: { band: UnitBand | null; stale: boolean; running: boolean }) {
  const { t } = useTranslation();
  if (!band) {
    return <td className="num band muted">{running ? <span className="small">{t('stability.cellPending')}</span> : '—'}</td>;
  }
  if (!(band.p05 > 0)) return <td className="num band muted small">{t('stability.cellNever')}</td>;
  return (
    <td className={`num band${stale ? ' stale' : ''}`} data-testid="band-cell" data-stable={band.stable ? 'true' : 'false'}>
      {bandRange(band, t)}{' '}
      <span className={band.stable ? 'tag stable' : 'tag unstable'}>{t(band.stable ? 'stability.stable' : 'stability.unstable')}</span>
      {stale && <span className="sr-only"> ({t('stability.cellStale')})</span>}
    </td>
  );
}

/** Under the table: how the band was computed (draws, seed, the stable rule) and the run's progress. */
export function StabilityNote() {
  const { t } = useTranslation();
  const st = useStore((s) => s.derived.stability);
  if (!st) return null;
  const result = st.result;
  return (
    <div className="stability-note small muted" data-testid="stability-note">
      {result && (
        <p>
          {t('stability.tableNote', {
            draws: result.summary.draws,
            seed: result.seed,
            rule: t('stability.stableRule', { count: result.ranked, width: stableWidth(result.ranked) }),
          })}
        </p>
      )}
      <StabilityProgress />
    </div>
  );
}

/** The run's state in words (and a progress bar while it runs), announced politely. */
export function StabilityProgress() {
  const { t } = useTranslation();
  const st = useStore((s) => s.derived.stability);
  if (!st) return null;
  const percent = Math.round(st.progress * 100);
  return (
    <p role="status" data-testid="stability-status" data-status={st.status}>
      {st.status === 'running' && (
        <>
          {t('stability.running', { percent })} <progress max={100} value={percent} aria-hidden="true" />
        </>
      )}
      {st.status === 'waiting' && t('stability.status.waiting')}
      {st.status === 'error' && <span className="error">{t('stability.status.error', { detail: st.error ?? '' })}</span>}
      {st.status === 'ready' && st.result && st.result.factors.length === 0 && t('stability.status.noFactors')}
      {st.status === 'ready' && st.result && st.result.factors.length > 0 && t('stability.status.ready', { draws: st.result.summary.draws, ms: Math.round(st.result.ms), seed: st.result.seed })}
    </p>
  );
}
