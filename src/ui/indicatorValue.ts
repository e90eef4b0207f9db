import type { TFunction } from 'i18next';
import { formatNumber } from '../i18n';
import { indicatorById } from '../domain/indicators';

/** An indicator's raw value with its unit, formatted the same way in tooltip, table and detail. */
export function formatIndicator(id: string, value: number, t: TFunction, lng: string): string {
  if (Number.isNaN(value)) return t('indicators.missing');
  const def = indicatorById(id);
  // count: a counted unit agrees with its number («1 conflicto», «2 conflictos»)
  return `${formatNumber(value, lng, def.digits)} ${def.unitText ?? t(`units.${def.unit}`, { count: value })}`.trim();
}
