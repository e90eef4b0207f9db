import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../state/store';
import { FACILITY_GROUPS, INSTITUTION_GROUPS, type FacilityGroup, type InstitutionGroup } from '../domain/facilities';
import { DATE_RULES, type DateRule } from '../domain/datePlausibility';
import { EMERGENCY_OUTLIER_RULES, type EmergencyOutlierRule } from '../domain/emergencyPlausibility';
import { OLD_FACILITY_YEARS } from '../domain/indicators';
import { presetById } from '../domain/presets';
import {
  CAPACITY_RULES,
  EMERGENCY_NUMERATORS,
  EMERGENCY_ZEROS,
  MAX_LEVEL_WEIGHT,
  MAX_REFERENCE_YEAR,
  MIN_REFERENCE_YEAR,
  defaultDefinitions,
  previousDefinitions,
  unitsKey,
  type CapacityRule,
  type EmergencyNumerator,
  type EmergencyZeros,
} from '../domain/universe';
import { valueOf } from '../state/loadState';

/** A level's weight: the text is the user's while typing; only a valid number reaches the scenario. */
function LevelWeightInput({ group, value, onCommit }: { group: FacilityGroup; value: number; onCommit: (w: number) => void }) {
  const [text, setText] = useState(String(value));
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    // the scenario changed elsewhere (undo, another preset): show its value
    setSeen(value);
    setText(String(value));
  }
  const n = Number(text.replace(',', '.'));
  const valid = text.trim() !== '' && Number.isFinite(n) && n >= 0 && n <= MAX_LEVEL_WEIGHT;
  return (
    <input
      type="text"
      inputMode="decimal"
      size={5}
      data-testid={`universe-level-weight-${group}`}
      aria-invalid={!valid}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const w = Number(e.target.value.replace(',', '.'));
        if (e.target.value.trim() !== '' && Number.isFinite(w) && w >= 0 && w <= MAX_LEVEL_WEIGHT && w !== value) {
          setSeen(w);
          onCommit(w);
        }
      }}
    />
  );
}

const toggle = <T extends string>(all: readonly T[], list: readonly T[], x: T, on: boolean): T[] =>
  all.filter((g) => (g === x ? on : list.includes(g)));

/**
 * Issue 12: which facilities the facility-based indicators count (institution, level), and the
 * rules (emergency ratio, all-zero rows, flagged dates, reference year). A change reruns the
 * indicators' SQL (the coordinator reloads the loaded levels' units).
 */
export function UniversePanel() {
  const { t } = useTranslation();
  const id = useId();
  const d = useStore((s) => s.scenario.definitions);
  const presetId = useStore((s) => s.scenario.presetId);
  const setDefinitions = useStore((s) => s.setDefinitions);
  const stale = useStore((s) => {
    const units = valueOf(s.data.levels[s.scenario.level])?.units;
    return units !== undefined && units.definitionsKey !== unitsKey(s.scenario.definitions);
  });
  const { institutions, categories } = d.universe;
  const noLima = !institutions.includes('minsa');
  return (
    <details className="universe" data-testid="universe-panel" open>
      <summary>{t('definitions.title')}</summary>
      <p className="muted small">{t('definitions.intro')}</p>
      <fieldset className="field">
        <legend>{t('definitions.institutions')}</legend>
        {INSTITUTION_GROUPS.map((g: InstitutionGroup) => (
          <label key={g} className="check">
            <input
              type="checkbox"
              data-testid={`universe-institution-${g}`}
              checked={institutions.includes(g)}
              onChange={(e) => setDefinitions({ universe: { ...d.universe, institutions: toggle(INSTITUTION_GROUPS, institutions, g, e.target.checked) } })}
            />
            {t(`layers.institutionGroups.${g}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="field">
        <legend>{t('definitions.categories')}</legend>
        {FACILITY_GROUPS.map((g: FacilityGroup) => (
          <label key={g} className="check">
            <input
              type="checkbox"
              data-testid={`universe-category-${g}`}
              checked={categories.includes(g)}
              onChange={(e) => setDefinitions({ universe: { ...d.universe, categories: toggle(FACILITY_GROUPS, categories, g, e.target.checked) } })}
            />
            {t(`layers.groups.${g}`)}
          </label>
        ))}
      </fieldset>
      {(institutions.length === 0 || categories.length === 0) && (
        <p role="status" className="warning">
          {t('definitions.emptyUniverse')}
        </p>
      )}
      <p className="muted small">{t('definitions.status')}</p>
      {noLima && (
        <p className="muted small" data-testid="universe-lima-note">
          {t('definitions.limaNote')}
        </p>
      )}
      <div className="field">
        <label htmlFor={`${id}-capacity`}>{t('definitions.capacity')}</label>
        <select
          id={`${id}-capacity`}
          data-testid="universe-capacity"
          value={d.capacity}
          onChange={(e) => setDefinitions({ capacity: e.target.value as CapacityRule })}
        >
          {CAPACITY_RULES.map((k) => (
            <option key={k} value={k}>
              {t(`definitions.capacityOptions.${k}`)}
            </option>
          ))}
        </select>
        <p className="muted small">{t('definitions.capacityWhy')}</p>
        {d.capacity === 'pesos' && (
          <fieldset className="level-weights">
            <legend>{t('definitions.levelWeights', { max: MAX_LEVEL_WEIGHT })}</legend>
            {FACILITY_GROUPS.map((g) => (
              <label key={g} className="check">
                {t(`layers.groups.${g}`)}{' '}
                <LevelWeightInput group={g} value={d.levelWeights[g]} onCommit={(w) => setDefinitions({ levelWeights: { ...d.levelWeights, [g]: w } })} />
              </label>
            ))}
          </fieldset>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-num`}>{t('definitions.emergencyNumerator')}</label>
        <select
          id={`${id}-num`}
          data-testid="universe-emergency-numerator"
          value={d.emergencyNumerator}
          onChange={(e) => setDefinitions({ emergencyNumerator: e.target.value as EmergencyNumerator })}
        >
          {EMERGENCY_NUMERATORS.map((k) => (
            <option key={k} value={k}>
              {t(`definitions.emergencyNumerators.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-zeros`}>{t('definitions.emergencyZeros')}</label>
        <select
          id={`${id}-zeros`}
          data-testid="universe-emergency-zeros"
          value={d.emergencyZeros}
          onChange={(e) => setDefinitions({ emergencyZeros: e.target.value as EmergencyZeros })}
        >
          {EMERGENCY_ZEROS.map((k) => (
            <option key={k} value={k}>
              {t(`definitions.emergencyZerosOptions.${k}`)}
            </option>
          ))}
        </select>
        <p className="muted small">{t('definitions.emergencyZerosWhy')}</p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-outliers`}>{t('definitions.emergencyOutliers')}</label>
        <select
          id={`${id}-outliers`}
          data-testid="universe-emergency-outliers"
          value={d.emergencyOutliers}
          onChange={(e) => setDefinitions({ emergencyOutliers: e.target.value as EmergencyOutlierRule })}
        >
          {EMERGENCY_OUTLIER_RULES.map((k) => (
            <option key={k} value={k}>
              {t(`definitions.emergencyOutliersOptions.${k}`)}
            </option>
          ))}
        </select>
        <p className="muted small">{t('definitions.emergencyOutliersWhy')}</p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-dates`}>{t('definitions.dates')}</label>
        <select id={`${id}-dates`} data-testid="universe-dates" value={d.dates} onChange={(e) => setDefinitions({ dates: e.target.value as DateRule })}>
          {DATE_RULES.map((k) => (
            <option key={k} value={k}>
              {t(`definitions.dateRules.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-year`}>{t('definitions.referenceYear')}</label>
        <select
          id={`${id}-year`}
          data-testid="universe-reference-year"
          value={d.referenceYear}
          onChange={(e) => setDefinitions({ referenceYear: Number(e.target.value) })}
        >
          {Array.from({ length: MAX_REFERENCE_YEAR - MIN_REFERENCE_YEAR + 1 }, (_, k) => MIN_REFERENCE_YEAR + k).map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <p className="small" data-testid="age-boundary">
        {t('definitions.ageBoundary', { years: OLD_FACILITY_YEARS, year: d.referenceYear, startYear: d.referenceYear - OLD_FACILITY_YEARS })}
      </p>
      <div className="buttons">
        <button type="button" data-testid="universe-previous" title={t('definitions.previousHint')} onClick={() => setDefinitions(previousDefinitions())}>
          {t('definitions.previous')}
        </button>
        <button type="button" data-testid="universe-preset" onClick={() => setDefinitions(defaultDefinitions(presetById(presetId).institutions))}>
          {t('definitions.presetDefaults')}
        </button>
      </div>
      {stale && (
        <p role="status" className="muted small" data-testid="universe-reloading">
          {t('definitions.reloading')}
        </p>
      )}
    </details>
  );
}
