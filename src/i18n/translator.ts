/**
 * Translators outside React (the data pipeline, in Node): an i18next instance of its own with
 * the user-file and conflict-row messages only, so the pipeline's errors and quirks quote the
 * very texts the app shows. Only those resources, so that a change to the app's other texts does
 * not change the pipeline's fingerprint (data/inputs.ts hashPipeline) and rebuild the data.
 */
import i18next, { type TFunction } from 'i18next';
import { userFileEn } from './userFile.en';
import { userFileEs } from './userFile.es';
import { applyAppNumbers } from './numberFormat';

const translators = new Map<'es' | 'en', TFunction>();

export function userFileTranslator(lng: 'es' | 'en' = 'es'): TFunction {
  let t = translators.get(lng);
  if (!t) {
    const instance = i18next.createInstance();
    // Synchronous: the resources are given inline. The interpolation settings are the app's (src/i18n/index.ts).
    void instance.init({
      lng,
      fallbackLng: 'es',
      initAsync: false,
      resources: { es: { translation: { userFile: userFileEs } }, en: { translation: { userFile: userFileEn } } },
      interpolation: { escapeValue: false },
    });
    applyAppNumbers(instance);
    t = instance.getFixedT(lng);
    translators.set(lng, t);
  }
  return t;
}
