import type { TFunction } from 'i18next';
import { formatNumber } from '../i18n';
import { indicatorById } from '../domain/indicators';
import type { ClassMode } from '../state/scenario';

/** An indicator's raw value with its unit, formatted the same way in tooltip, table and detail. */
export function formatIndicator(id: string, value: number, t: TFunction, lng: string): string {
  if (Number.isNaN(value)) return t('indicators.missing');
  const def = indicatorById(id);
  // count: a counted unit agrees with its number («1 conflicto», «2 conflictos»)
  return `${formatNumber(value, lng, def.digits)} ${def.unitText ?? t(`units.${def.unit}`, { count: value })}`.trim();
}

/**
 * How a legend writes its class bounds: an indicator's values with its unit when the map shows
 * one indicator, otherwise whole numbers (score, probability in %). `name`: the indicator's label.
 */
export function legendFormat(mode: ClassMode, t: TFunction, lng: string): { fmt: (x: number) => string; name?: string } {
  if (mode.kind === 'indicator') {
    const def = indicatorById(mode.indicator);
    return { fmt: (x) => formatIndicator(mode.indicator, x, t, lng), name: def.label[lng === 'en' ? 'en' : 'es'] };
  }
  return { fmt: (x) => formatNumber(x, lng, 0) };
}
