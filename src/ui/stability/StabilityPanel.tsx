import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../state/store';
import { indicatorById } from '../../domain/indicators';
import type { StabilitySettings, WeightUncertainty } from '../../domain/stability/uncertainty';
import { MAX_DRAWS } from '../../state/stabilityCodec';
import { StabilityProgress } from './StabilityCell';
import { BandChart } from './BandChart';
import { SobolTable } from './SobolTable';
import { DiagnosticsView } from './DiagnosticsView';
import './stability.css';

const DRAW_CHOICES = [200, 1000, 5000, MAX_DRAWS];
const FLAGS = ['normalisation', 'aggregation', 'winsorisation', 'universe', 'zeros', 'outliers', 'dates'] as const;

/** Indicator names in the UI language (stable per language, for memoised views). */
export function useIndicatorLabel(): (id: string) => string {
  const { i18n } = useTranslation();
  const lng = i18n.language === 'en' ? 'en' : 'es';
  return useCallback((id: string) => indicatorById(id).label[lng], [lng]);
}

/**
 * Issue 14, «¿Qué tan estable es este ranking?»: the assumptions an analyst marks as uncertain,
 * the run's progress, every unit's rank band, what moves the ranking most (Sobol) and the
 * indicators' diagnostics. Settings are part of the scenario (shared, saved, undoable).
 */
export function StabilityPanel() {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const settings = useStore((s) => s.scenario.stability);
  const setStability = useStore((s) => s.setStability);
  const st = useStore((s) => s.derived.stability);
  const ranked = useStore((s) => s.derived.ranking);
  const labelOf = useIndicatorLabel();
  const names = ranked?.units;
  const nameOf = useCallback(
    (ubigeo: string) => {
      const i = names ? names.ids.indexOf(ubigeo) : -1;
      return i >= 0 && names ? names.names[i] : ubigeo;
    },
    [names],
  );
  const set = (patch: Partial<StabilitySettings>) => setStability(patch);
  return (
    // closed, it renders nothing but its title: the chart, the Sobol table and the diagnostics
    // (a correlation matrix per ranking) would otherwise be rebuilt at every step of a weight drag
    <details className="layers stability" data-testid="stability-panel" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <h2>{t('stability.title')}</h2>
      </summary>
      {open && (
        <>
          <p className="small muted">{t('stability.intro')}</p>
          <fieldset className="field">
            <legend>{t('stability.vary')}</legend>
            <label htmlFor={`${id}-w`}>{t('stability.weightsLabel')}</label>{' '}
            <select id={`${id}-w`} data-testid="stability-weights" value={settings.weights} onChange={(e) => set({ weights: e.target.value as WeightUncertainty })}>
              {(['off', 'uniform', 'dirichlet'] as const).map((m) => (
                <option key={m} value={m}>
                  {t(`stability.weightModes.${m}`)}
                </option>
              ))}
            </select>
            {settings.weights !== 'off' && (
              <div>
                <label htmlFor={`${id}-noise`}>{t('stability.weightNoise')}</label>{' '}
                <input
                  id={`${id}-noise`}
                  data-testid="stability-noise"
                  type="number"
                  min={5}
                  max={100}
                  step={5}
                  value={Math.round(settings.weightNoise * 100)}
                  onChange={(e) => {
                    const v = Number(e.target.value);
                    if (Number.isFinite(v)) set({ weightNoise: Math.min(1, Math.max(0.05, v / 100)) });
                  }}
                />
              </div>
            )}
            {FLAGS.map((f) => (
              <label key={f} className="radio">
                <input type="checkbox" data-testid={`stability-${f}`} checked={settings[f]} onChange={(e) => set({ [f]: e.target.checked })} />
                {t(`stability.factors.${f}`)}
              </label>
            ))}
          </fieldset>
          <div className="field stability-run">
            <label htmlFor={`${id}-draws`}>{t('stability.draws')}</label>{' '}
            <select id={`${id}-draws`} data-testid="stability-draws" value={settings.draws} onChange={(e) => set({ draws: Number(e.target.value) })}>
              {[...new Set([...DRAW_CHOICES, settings.draws])].sort((a, b) => a - b).map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>{' '}
            <label htmlFor={`${id}-seed`}>{t('stability.seed')}</label>{' '}
            <input
              id={`${id}-seed`}
              data-testid="stability-seed"
              type="number"
              min={1}
              className="seed"
              value={settings.seed}
              onChange={(e) => {
                const v = Math.round(Number(e.target.value));
                if (v >= 1 && v < 2 ** 31) set({ seed: v });
              }}
            />{' '}
            <button type="button" onClick={() => set({ seed: 1 + Math.floor(Math.random() * (2 ** 31 - 2)) })}>
              {t('stability.newSeed')}
            </button>
          </div>
          <StabilityProgress />
          {st?.result && <BandChart result={st.result} nameOf={nameOf} />}
          {st && <SobolTable st={st} labelOf={labelOf} />}
          {ranked && <DiagnosticsView ranking={ranked.ranking} labelOf={labelOf} />}
        </>
      )}
    </details>
  );
}
