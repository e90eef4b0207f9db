import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../state/store';
import { engineOf } from '../state/selectors';
import { INDICATORS, indicatorById } from '../domain/indicators';
import { PRESETS, presetById } from '../domain/presets';
import type { NormalisationMethod } from '../domain/normalise';
import { DEFAULT_WINSORISATION, type ScenarioIndicator } from '../state/scenario';
import { weightPercentages } from '../state/scenarioUpdaters';
import { formatNumber } from '../i18n';
import { activeIndicators } from '../state/scenario';
import { datasetLabel } from './datasetLabel';
import { IndicatorCard } from './IndicatorCard';
import { UniversePanel } from './UniversePanel';
import { AhpPanel } from './AhpPanel';

const METHODS: NormalisationMethod['kind'][] = ['minmax', 'zscore', 'rank', 'target', 'goalposts'];

/** Sensible parameters when the user switches to a method that needs them: the scope's own range. */
function defaultMethod(kind: NormalisationMethod['kind'], values: Float64Array | undefined, scope: Int32Array | undefined): NormalisationMethod {
  const present = values && scope ? Array.from(scope, (i) => values[i]).filter((v) => !Number.isNaN(v)) : [];
  const min = present.length ? Math.min(...present) : 0;
  const max = present.length ? Math.max(...present) : 100;
  if (kind === 'target') return { kind, target: +((min + max) / 2).toPrecision(3) };
  if (kind === 'goalposts') return { kind, min: +min.toPrecision(3), max: +max.toPrecision(3) };
  return { kind } as NormalisationMethod;
}

function IndicatorRow({ ind, pct }: { ind: ScenarioIndicator; pct: number | undefined }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language === 'en' ? 'en' : 'es';
  const id = useId();
  const def = indicatorById(ind.id);
  const data = useStore(engineOf);
  const values = useStore((s) => s.derived.units[s.scenario.level]?.values[ind.id]);
  const scope = useStore((s) => s.derived.ranking)?.ranking.scopeIndices;
  const setWeight = useStore((s) => s.setWeight);
  const setEnabled = useStore((s) => s.setEnabled);
  const setDirection = useStore((s) => s.setDirection);
  const setMethod = useStore((s) => s.setMethod);
  const setWinsorise = useStore((s) => s.setWinsorise);
  const label = def.label[lng];
  const m = ind.method;
  return (
    <li className={ind.enabled ? 'indicator on' : 'indicator'} data-indicator={ind.id}>
      <div className="indicator-head">
        <input id={`${id}-on`} type="checkbox" checked={ind.enabled} onChange={(e) => setEnabled(ind.id, e.target.checked)} />
        <label htmlFor={`${id}-on`}>{label}</label>
        <span className="pct">
          <span className="sr-only">{t('weights.normalisedWeight', { name: label })}: </span>
          {ind.enabled && pct !== undefined ? `${formatNumber(pct, i18n.language, 1)} %` : '—'}
        </span>
      </div>
      <IndicatorCard id={ind.id} />
      {ind.enabled && (
        <>
          <div className="weight-row">
            <input
              type="range"
              min={0}
              max={100}
              step={1}
              value={ind.weight}
              aria-label={t('weights.weightOf', { name: label })}
              data-testid={`weight-slider-${ind.id}`}
              onChange={(e) => setWeight(ind.id, Number(e.target.value))}
            />
            <input
              type="number"
              min={0}
              step={1}
              value={ind.weight}
              aria-label={t('weights.pointsOf', { name: label })}
              data-testid={`weight-input-${ind.id}`}
              onChange={(e) => setWeight(ind.id, Number(e.target.value))}
            />
            <span className="muted small">{t('weights.points')}</span>
          </div>
          <details className="advanced">
            <summary>{t('weights.advanced')}</summary>
            <div className="field">
              <label htmlFor={`${id}-dir`}>{t('weights.direction')}</label>
              <select id={`${id}-dir`} value={ind.direction} onChange={(e) => setDirection(ind.id, e.target.value as 'up' | 'down')}>
                <option value="up">{t('indicators.direction_up')}</option>
                <option value="down">{t('indicators.direction_down')}</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-method`}>{t('weights.method')}</label>
              <select
                id={`${id}-method`}
                value={m.kind}
                data-testid={`method-${ind.id}`}
                onChange={(e) => setMethod(ind.id, defaultMethod(e.target.value as NormalisationMethod['kind'], values, scope))}
              >
                {METHODS.map((k) => (
                  <option key={k} value={k}>
                    {t(`weights.methods.${k}`)}
                  </option>
                ))}
              </select>
            </div>
            {m.kind === 'target' && (
              <div className="field">
                <label htmlFor={`${id}-target`}>{t('weights.target')}</label>
                <input id={`${id}-target`} type="number" value={m.target} onChange={(e) => setMethod(ind.id, { kind: 'target', target: Number(e.target.value) })} />
              </div>
            )}
            {m.kind === 'goalposts' && (
              <div className="field">
                <label htmlFor={`${id}-gmin`}>{t('weights.goalMin')}</label>
                <input id={`${id}-gmin`} type="number" value={m.min} onChange={(e) => setMethod(ind.id, { ...m, min: Number(e.target.value) })} />
                <label htmlFor={`${id}-gmax`}>{t('weights.goalMax')}</label>
                <input id={`${id}-gmax`} type="number" value={m.max} onChange={(e) => setMethod(ind.id, { ...m, max: Number(e.target.value) })} />
                {!(m.max > m.min) && (
                  <p role="alert" className="warning">
                    {t('weights.goalpostsInvalid')}
                  </p>
                )}
              </div>
            )}
            <div className="field">
              <input
                id={`${id}-wins`}
                type="checkbox"
                checked={ind.winsorise !== null}
                onChange={(e) => setWinsorise(ind.id, e.target.checked ? DEFAULT_WINSORISATION : null)}
              />
              <label htmlFor={`${id}-wins`}>{t('weights.winsorise')}</label>
            </div>
            <p className="muted small">{def.datasets.map((d) => (data ? datasetLabel(data.catalog, d, lng) : d)).join(' · ')}</p>
          </details>
        </>
      )}
    </li>
  );
}

/** The weights panel: preset, aggregation, missing-data policy and every indicator's weight. */
export function WeightsPanel() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language === 'en' ? 'en' : 'es';
  const scenario = useStore((s) => s.scenario);
  const applyPreset = useStore((s) => s.applyPreset);
  const clearIndicators = useStore((s) => s.clearIndicators);
  const setAggregation = useStore((s) => s.setAggregation);
  const setMissing = useStore((s) => s.setMissing);
  const setCoverageThreshold = useStore((s) => s.setCoverageThreshold);
  const pcts = weightPercentages(scenario, activeIndicators(scenario).map((i) => i.id));
  const preset = presetById(scenario.presetId);
  const available = scenario.indicators.filter((i) => indicatorById(i.id).levels.includes(scenario.level));
  const unavailable = INDICATORS.filter((d) => !d.levels.includes(scenario.level));
  return (
    <section className="weights" aria-labelledby="weights-title" data-testid="weights-panel">
      <h2 id="weights-title">{t('weights.title')}</h2>
      <div className="field">
        <label htmlFor="preset-select">{t('weights.preset')}</label>
        <select id="preset-select" data-testid="preset-select" value={scenario.presetId} onChange={(e) => applyPreset(e.target.value)}>
          {PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title[lng]}
            </option>
          ))}
        </select>
      </div>
      <p className="muted small">{preset.description[lng]}</p>
      <div className="buttons">
        <button type="button" data-testid="reset-preset" onClick={() => applyPreset(scenario.presetId)}>
          {t('weights.reset')}
        </button>
        <button type="button" data-testid="clear-indicators" onClick={() => clearIndicators()}>
          {t('weights.clear')}
        </button>
      </div>
      <fieldset className="field">
        <legend>{t('weights.aggregation')}</legend>
        {(['arithmetic', 'geometric'] as const).map((a) => (
          <label key={a} className="radio">
            <input type="radio" name="aggregation" value={a} checked={scenario.aggregation === a} onChange={() => setAggregation(a)} />
            {t(`weights.aggregations.${a}`)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="missing-select">{t('weights.missing')}</label>
        <select id="missing-select" value={scenario.missing} onChange={(e) => setMissing(e.target.value as 'reweight' | 'exclude')}>
          <option value="reweight">{t('weights.missingPolicies.reweight')}</option>
          <option value="exclude">{t('weights.missingPolicies.exclude')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="coverage-input">{t('weights.coverage')}</label>
        <input
          id="coverage-input"
          type="number"
          min={0}
          max={100}
          step={5}
          value={Math.round(scenario.coverageThreshold * 100)}
          onChange={(e) => setCoverageThreshold(Number(e.target.value) / 100)}
        />
        <span className="muted small">%</span>
      </div>
      <UniversePanel />
      <AhpPanel />
      {/* a ticked indicator at 0 points does not weigh: both counts are said, so they never seem to disagree */}
      <h3>{t('weights.indicators', { count: pcts.size, ticked: available.filter((i) => i.enabled).length })}</h3>
      {pcts.size === 0 && <p role="status" className="warning">{t('weights.none')}</p>}
      <ul className="indicator-list">
        {available.map((ind) => (
          <IndicatorRow key={ind.id} ind={ind} pct={pcts.get(ind.id)} />
        ))}
      </ul>
      {unavailable.length > 0 && (
        <p className="muted small">
          {t('weights.unavailableAtLevel', { names: unavailable.map((d) => d.label[lng]).join('; ') })}
        </p>
      )}
    </section>
  );
}
