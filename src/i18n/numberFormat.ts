/**
 * Numbers read the same everywhere: the app's own cells (formatNumber) and the numbers inside
 * translated sentences (`{{n, number}}`) use one locale per language. i18next's built-in
 * `number` formatter would use the bare language ('es': 700.000), not Peru's (700,000).
 */
import type { i18n } from 'i18next';

export const numberLocale = (lng: string | undefined) => (lng === 'en' ? 'en-GB' : 'es-PE');

export function applyAppNumbers(instance: i18n) {
  instance.services.formatter?.addCached('number', (lng, options: Intl.NumberFormatOptions) => {
    const f = new Intl.NumberFormat(numberLocale(lng), options);
    return (value: number) => f.format(value);
  });
}
