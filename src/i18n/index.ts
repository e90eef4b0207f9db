import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resources } from './resources';
import { numberLocale, applyAppNumbers } from './numberFormat';

export const LANGUAGES = ['es', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Initialised once at start-up; Spanish is the default and the fallback. */
export async function initI18n(lng: Language = 'es') {
  const t = await i18next.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: 'es',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyAppNumbers(i18next);
  return t;
}

/** Locale-aware number formatting, shared by table, tooltip and detail so the same number reads the same. */
export function formatNumber(value: number | null | undefined, lng: string, digits = 1): string {
  if (value == null || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(numberLocale(lng), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

export { i18next };
