import type { definitionsEs } from './definitions.es';
import type { TranslationOf } from './types';

// Issue 12 texts in English; the same keys as definitions.es.ts.
export const definitionsEn: TranslationOf<typeof definitionsEs> = {
  title: 'Which facilities count, and under which rules',
  intro:
    'The facility indicators (per person, age, beds, emergencies) are recomputed in SQL over this universe and these rules.',
  institutions: 'Administering institution',
  categories: 'Level and category',
  status:
    'Operating status: all 7,940 rows of the 2017 MINSA register say «ACTIVADO» and «EN FUNCIONAMIENTO»; there are no closed facilities to leave out.',
  limaNote:
    'Lima Metropolitana (Lima province): none of its 476 registered facilities is run by the regional government (387 MINSA, 36 EsSalud, 20 private, 29 armed forces and police, 4 municipal); MINSA runs its network through the DIRIS. Without «MINSA» in the universe, its facility indicators are missing and the province is listed apart.',
  emptyUniverse: 'No institution or no level chosen: the facility indicators are missing.',
  emergencyNumerator: 'Emergency attentions per facility',
  emergencyNumerators: {
    universo: 'Only the SUSALUD codes of the universe\'s facilities, over those same facilities',
    todos: 'Every SUSALUD row of the unit over every facility of the universe (previous)',
  },
  emergencyZeros: 'A unit whose SUSALUD rows all report 0 attentions',
  emergencyZerosOptions: {
    sin_reporte: '«No report»: missing (the score does not read it as 0)',
    cero: 'A true 0 (previous)',
  },
  emergencyZerosWhy:
    'SUSALUD: 3,126 of its 4,293 rows report 0. When every facility of a unit reports 0 for a year, the network usually does not report (e.g. Canas: 17 rows, all 0); it does not mean there were no emergencies.',
  capacity: 'How each facility counts (count indicators)',
  capacityOptions: {
    conteo: 'one per facility',
    camas: 'by beds (the register\'s, or its level\'s median; at least 1)',
    pesos: 'with a weight per level',
  },
  capacityWhy:
    'A level-III hospital is not a health post. «By beds» uses the beds the register gives and, where it has none (93.5%), the median beds of its level over the whole register, at least 1: a health post weighs 1. It applies to facilities per 10,000 or 100,000 people and to people per facility.',
  levelWeights: 'Weight of a facility of each level (0 to {{max}})',
  emergencyOutliers: 'Attentions not credible for the facility\'s level',
  emergencyOutliersOptions: {
    incluir: 'include them as reported (earlier)',
    recortar: 'cap them at the level\'s maximum',
    excluir: 'leave them out (missing)',
  },
  emergencyOutliersWhy:
    'Rule: an I-1 to I-3 facility (no inpatient care) reporting more emergency attentions in the year than the country\'s median II-1 hospital is not credible for its level (e.g. the Quinuabamba health post, code 1781: 74,003). Its true value is unknown: by default it stays out of both sides of the ratio, like a facility that does not report.',
  emergencyOutlierFlag: 'Emergency attentions not credible for its level: more than the median II-1 hospital ({{max}}).',
  emergencyOutlierApplied: {
    incluir: 'The scenario counts them as reported.',
    recortar: 'The scenario caps them at {{max}}.',
    excluir: 'The scenario leaves this row out of «attentions per facility».',
  },
  dates: 'Start dates that count for age',
  dateRules: {
    todas: 'Every valid date (previous)',
    sin_implausibles: 'Without implausible dates (1900 variants, first level before 1935)',
    sin_alertas: 'Without flagged dates (also the probable registration dates in blocks)',
  },
  referenceYear: 'Reference year',
  ageBoundary:
    'A facility is «old» when it has been active for {{years}} years or more in {{year}}: that is, when it started in {{startYear}} or earlier (the boundary is included).',
  previous: 'Use the previous definitions',
  previousHint: 'The whole register, every date, the emergency ratio and zeros as before: reproduces the previous ranking.',
  presetDefaults: 'The preset\'s definitions',
  reloading: 'Recomputing the indicators with the new definitions…',
  summary:
    'Universe: {{institutions}}; levels: {{categories}}; each facility counts {{capacity}}. Emergencies: {{numerator}}; all-zero rows: {{zeros}}; implausible attentions: {{outliers}}. Dates: {{dates}}. Reference year: {{year}}.',
  all: 'all',
  none: 'none',
  unit: {
    title: 'Facilities of this unit',
    counts:
      '{{universe}} in the universe, of {{register}} in the register; {{dated}} with a start date usable for age; {{flagged}} with a flagged date.',
    missing: 'Missing here: {{names}}.',
    missingReweight: 'The score shares the weight among the indicators with data: it covers {{pct}}% of the weight.',
    missingExclude: 'Under the «exclude» policy, the unit is left out of the ranking.',
    missingInsufficient: 'It covers {{pct}}% of the weight, less than the threshold: listed apart, in grey.',
    lima: 'Lima Metropolitana: MINSA (the DIRIS) runs the public network, not the regional government.',
  },
  flags: {
    variante_1900: 'Implausible date: a variant of the 1900 placeholder',
    anterior_al_nivel: 'Implausible date: first level before 1935 (creation of the Ministry of Public Health)',
    bloque_fecha: 'Probable registration date: the same date as 5 or more facilities of the province',
    bloque_anios: 'Probable registration date: part of a block of the province within a few years',
    excluded: 'Under the current definitions, this date does not count for age.',
  },
  card: {
    open: 'Indicator card',
    openNamed: 'Indicator card: {{name}}',
    close: 'Close the card',
    definition: 'Definition',
    numerator: 'Numerator',
    denominator: 'Denominator',
    universe: 'Universe',
    source: 'Source and vintage',
    period: 'Period of the value',
    caveats: 'Caveats',
    appliesHere: 'Applies to {{name}}',
    noneHere: 'No particular caveat for {{name}}.',
    notFacility: 'Does not depend on the facility universe.',
    direction: 'Direction',
    value: 'Value from the source',
    population: 'Census 2017 population of the unit',
  },
  defs: {
    establecimientos_por_10k: { d: 'Facilities of the universe per 10,000 people.', n: 'Facilities of the universe in the unit (by declared UBIGEO)', q: 'Census 2017 population ÷ 10,000' },
    primer_nivel_por_10k: { d: 'Facilities of the universe of category I-1 to I-4 per 10,000 people.', n: 'I-1 to I-4 facilities of the universe', q: 'Census 2017 population ÷ 10,000' },
    hospitales_por_100k: { d: 'Hospitals (II and III) of the universe per 100,000 people.', n: 'II-* and III-* facilities of the universe', q: 'Census 2017 population ÷ 100,000' },
    personas_por_establecimiento: { d: 'People per facility of the universe; missing where there is none.', n: 'Census 2017 population', q: 'Facilities of the universe' },
    antiguedad_mediana: { d: 'Median of (reference year − year the facility started), a stated proxy for its condition.', n: 'Years of activity of each facility with a usable date', q: 'Median (no denominator)' },
    pct_antiguos: { d: 'Share of facilities with a usable date that are {{years}} years old or more at the reference year.', n: 'Facilities {{years}} years old or more', q: 'Facilities of the universe with a usable date' },
    pct_sin_camas: { d: 'Share of facilities without a beds figure: it measures the gap in the data, not a lack of beds.', n: 'Facilities without a beds figure', q: 'Facilities of the universe' },
    emergencias_por_establecimiento: { d: 'SUSALUD 2024 emergency attentions per facility.', n: 'Attentions of the SUSALUD codes (under the chosen rule)', q: 'Facilities (under the chosen rule)' },
  },
  caveats: {
    ageProxy: 'Age is a proxy: there is no open data on each facility\'s condition or last intervention.',
    datesFlagged: 'Flagged dates in the register: {{n}} of the universe\'s facilities here.',
    register2017: 'The register is from 2017: facilities opened since are missing.',
    susaludOutside: 'SUSALUD 2024 lists 936 codes absent from the 2017 register (20.4% of the attentions): they count on neither side of the ratio.',
    capacity: 'Each facility counts: {{rule}}.',
    outlierRows: 'Attentions not credible for the level (I-1 to I-3 above the median II-1 hospital): {{rule}}.',
    zerosRule: 'All-zero rows: {{rule}}.',
    bedsGap: 'Only 6.5% of facilities give a beds figure.',
    noFacility: 'No facility of the universe in this unit: the value is missing.',
    missingHere: 'Missing in this unit.',
    lima: 'Lima Metropolitana: MINSA (the DIRIS) runs its network, not the regional government.',
    outlier:
      'Outlier in the scope: modified z {{z}} (median {{median}}; rule: |0.6745 · (x − median) / MAD| > 3.5). Flagged, not corrected: you can winsorise the indicator in its advanced options.',
  },
  outlierMark: 'outlier',
  compareDiffer:
    'The two scenarios count different facilities or use other rules (universe, emergency ratio, zeros, dates or year): the comparison uses the current scenario\'s definitions for both. To compare definitions, open each scenario and note its ranking.',
};
