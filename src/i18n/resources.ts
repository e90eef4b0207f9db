/**
 * Every resource object of the app, per language, as i18next takes them (one `translation`
 * namespace). src/i18n/index.ts registers them; tests/unit/i18n/parity.test.ts compares them.
 */
import { en } from './en';
import { es } from './es';
import { scenariosEn } from './scenarios.en';
import { scenariosEs } from './scenarios.es';
import { userFileEn } from './userFile.en';
import { userFileEs } from './userFile.es';
import { userDataEn } from './userData.en';
import { userDataEs } from './userData.es';
import { definitionsEn } from './definitions.en';
import { definitionsEs } from './definitions.es';
import { stabilityEn } from './stability.en';
import { stabilityEs } from './stability.es';
import { ahpEn } from './ahp.en';
import { ahpEs } from './ahp.es';
import { consultasEn } from './consultas.en';
import { consultasEs } from './consultas.es';
import { monitoringEn, trendsEn } from './trends.en';
import { monitoringEs, trendsEs } from './trends.es';

export const resources = {
  es: { translation: { ...es, scenarios: scenariosEs, userFile: userFileEs, userData: userDataEs, definitions: definitionsEs, stability: stabilityEs, ahp: ahpEs, consultas: consultasEs, trends: trendsEs, monitoring: monitoringEs } },
  en: { translation: { ...en, scenarios: scenariosEn, userFile: userFileEn, userData: userDataEn, definitions: definitionsEn, stability: stabilityEn, ahp: ahpEn, consultas: consultasEn, trends: trendsEn, monitoring: monitoringEn } },
};
