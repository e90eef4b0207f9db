import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useStore, type DerivedColumns } from '../state/store';
import { INDICATORS, LEVELS, type Level } from '../domain/indicators';
import type { UnitAccess } from '../domain/access';
import { toDataError } from '../data/errors';

const ACCESS_IDS = INDICATORS.filter((d) => d.computed === 'access').map((d) => d.id);

/** True when the places layer is shown or an access indicator counts in the score. */
export function useAccessNeeded(): boolean {
  return useStore(
    (s) =>
      s.scenario.layers.places.visible ||
      s.scenario.indicators.some((i) => i.enabled && i.weight > 0 && ACCESS_IDS.includes(i.id)),
  );
}

/** The worker's per-unit results as indicator columns in the order of `ids`. */
function accessColumns(a: UnitAccess, workerIds: string[], ids: string[], categoryLabel: string, t: TFunction): DerivedColumns {
  const at = new Map(workerIds.map((id, i) => [id, i]));
  const pick = (src: Float64Array, scale = 1) =>
    Float64Array.from(ids, (id) => {
      const i = at.get(id);
      return i === undefined ? NaN : src[i] * scale;
    });
  const how = t('methods.accessHow', { category: categoryLabel, km: a.thresholdKm, level: a.level });
  return {
    values: {
      acceso_pct_lejos: pick(a.shareBeyond, 100),
      acceso_mediana_km: pick(a.medianKm),
      acceso_p90_km: pick(a.p90Km),
      acceso_poblacion_lejos: pick(a.populationBeyond),
    },
    method: {
      acceso_pct_lejos: `${how}\n${t('methods.accessShare', { km: a.thresholdKm })}`,
      acceso_mediana_km: `${how}\n${t('methods.accessMedian')}`,
      acceso_p90_km: `${how}\n${t('methods.accessP90')}`,
      acceso_poblacion_lejos: `${how}\n${t('methods.accessPopulation')}`,
    },
  };
}

/**
 * Keeps the access results in step with the scenario: the nearest facility of every place when
 * the category changes, then the per-unit summary of every loaded level (threshold or category
 * change). All in the worker; stale answers (superseded by a newer slider position) are dropped.
 */
export function useAccessComputation(categoryLabel: string) {
  const { t } = useTranslation();
  const access = useStore((s) => s.access);
  const category = useStore((s) => s.scenario.layers.places.category);
  const thresholdKm = useStore((s) => s.scenario.layers.places.thresholdKm);
  const baseUnits = useStore((s) => s.baseUnits);
  useEffect(() => {
    if (!access) return;
    let cancelled = false;
    void access.client.compute(category).then((n) => {
      if (n && !cancelled) useStore.getState().setAccessNearest(n);
    });
    return () => {
      cancelled = true;
    };
  }, [access, category]);
  useEffect(() => {
    if (!access) return;
    let cancelled = false;
    void (async () => {
      let aggregateMs = 0;
      const started = performance.now();
      for (const level of LEVELS as Level[]) {
        const units = baseUnits[level];
        if (!units) continue;
        const a = await access.client.aggregate({ category, thresholdKm, level });
        if (!a || cancelled) return; // a newer threshold or category is on its way
        aggregateMs += a.ms;
        const ids = level === 'provincia' ? access.provinceIds : access.districtIds;
        useStore.getState().setDerived(level, 'access', accessColumns(a, ids, units.ids, categoryLabel, t));
      }
      useStore.getState().setAccessTiming({ roundTripMs: performance.now() - started, workerMs: aggregateMs });
    })().catch((err) => !cancelled && useStore.getState().setAccessError(toDataError(err)));
    return () => {
      cancelled = true;
    };
  }, [access, category, thresholdKm, baseUnits, categoryLabel, t]);
}
