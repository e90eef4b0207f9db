// Issue 19: «Tendencias» and «Seguimiento» (English has no _many plural form).
export const trendsEn = {
  open: 'Trends',
  title: 'Trends, projection and evaluation',
  close: 'Close trends',
  intro:
    'Every value carries its period and its kind (census, INEI projection, register, report). A line is drawn only where there are two periods or more; ' +
    'the dashed grey line is the median of {{scope}}.',
  unit: 'Unit',
  scopeWhole: '{{scope}} (the whole scope)',
  compare: 'Compare with',
  none: '— none —',
  loading: 'Loading the periods of the data…',
  waitingRanking: 'The priority table is still being computed.',
  median: 'Median of {{scope}}',
  period: 'Period',
  kinds: { censo: 'census', proyeccion: 'INEI projection', registro: '2017 register', reporte: 'report' },
  series: {
    poblacion: 'Population',
    establecimientos_activos: 'Facilities of the 2017 register already active',
    establecimientos_por_10k_censal: 'Active facilities per 10,000 people (census years)',
    conflictos: 'Socio-environmental conflict cases reported',
  },
  seriesNotes: {
    poblacion: 'Censuses 2007 and 2017; 2020 and 2022 are INEI projections, not counts.',
    establecimientos_activos:
      'Counts the facilities of the 2017 register whose start-of-activity year is not later: those closed before 2017 are not in the register, so the past is undercounted; those without a date are not counted.',
    establecimientos_por_10k_censal: 'Facilities active in the census year over that census population, per 10,000.',
    conflictos: 'Cases per report period (Ombudsman and the own files loaded), counted where they are placed.',
  },
  singlePeriod: 'A single period ({{period}}): there is no trend to draw.',
  noPeriods: 'No data in any period.',
  chartLabel: '{{series}} of {{unit}} by period',
  singleTitle: 'Indicators with a single period',
  singleIntro: 'These indicators exist for a single year in the open data: they are shown as they are, without a trend line.',
  projection: {
    title: 'Population projected to {{year}}',
    rule: 'Rule: offered only with at least {{periods}} periods (censuses 2007 and 2017, 2022 projection) and at least {{pct}} % of the units of {{scope}} complete.',
    on: 'Projection available: {{periods}} periods; {{complete}} of {{units}} units complete ({{pct}} %).',
    off: 'Insufficient data: descriptive analysis. {{reason}}',
    method:
      'Method: INEI’s geometric growth rate, r = (P₂₀₂₂ / P₂₀₁₇)^(1/5) − 1; projection = P₂₀₂₂ · (1 + r)^5. ' +
      'Range: the same computation with the lowest and the highest of the 2007–2017 and 2017–2022 rates. It assumes the recent trend goes on; it does not foresee migration or boundary changes.',
    rate: 'Annual rate 2017–2022',
    value: 'Projection {{year}}',
    range: 'Range',
    use: 'Use the projection in the ranking',
    inRanking: 'The projection counts in the ranking with {{weight}} points (indicator «{{label}}»).',
    offInRanking: 'The projection indicator is in the scenario but has no values here: the ranking treats it as missing.',
  },
  gate: {
    fewPeriods: 'Only {{periods}} period(s) hold data; the rule asks for {{need}}.',
    incomplete: 'Only {{complete}} of {{units}} units ({{pct}} %) have all three periods; the rule asks for {{need}} %.',
    noUnits: 'There are no units in the scope.',
  },
  deterioration: {
    title: 'What about a model of infrastructure deterioration?',
    text:
      'None is offered: the data hold no history of the facilities’ condition, only their start-of-activity year, and age is not deterioration. ' +
      'An inventory with each facility’s condition at several dates (for example inspection scores or the gap index per year, with the IPRESS code) would make one possible. ' +
      'Such an inventory can be loaded today in «Own data»; with three dates or more per facility a model could be assessed.',
  },
  evaluation: {
    title: 'Before and after: the scenario’s first {{n}}',
    intro: 'How their indicators moved between two periods, beside the median of {{scope}}.',
    caveat:
      'This is a descriptive comparison, not a causal one: it does not say that a policy or an investment caused the change. Other causes (migration, new districts, a register that keeps only the facilities still open in 2017) may explain it.',
    rank: 'No.',
    change: '{{from}} → {{to}}',
    relative: 'change',
    none: 'The scenario has no units in the ranking.',
  },
};

export const monitoringEn = {
  open: 'Monitoring',
  title: 'Investment monitoring: budget and spending',
  close: 'Close monitoring',
  intro:
    'Record the investment decided per unit (planned and executed amount, with the date of the figure) or load it from a CSV. ' +
    'It is saved with the scenario and goes out in its file and in its CSV.',
  unit: 'Unit',
  planned: 'Planned (S/)',
  executed: 'Executed (S/)',
  date: 'Date of the figure',
  share: '% executed',
  gap: 'Gap (S/)',
  add: 'Add or update',
  addTop: 'Add the ranking’s first {{n}}',
  removeShort: 'Remove',
  remove: 'Remove {{unit}}',
  empty: 'No amounts recorded yet.',
  total: 'Total',
  summary: 'Planned S/ {{planned}} · executed S/ {{executed}} ({{share}}) · gap S/ {{gap}}',
  over_one: '{{count}} unit spent more than planned.',
  over_other: '{{count}} units spent more than planned.',
  invalidAmount: '«{{text}}» is not a valid amount: write a number of 0 or more (e.g. 1,250,000.50).',
  needAmount: 'Write at least one amount, planned or executed.',
  import: 'Load a CSV of amounts',
  importHelp: 'Columns: ubigeo, planned (or presupuesto, PIM), executed (or devengado, gasto) and, if it has one, date. «;» and decimal commas are accepted.',
  readFailed: '{{file}} could not be read ({{detail}}). The recorded amounts did not change.',
  reading: 'Reading {{file}}…',
  imported_one: '{{file}}: {{count}} unit loaded.',
  imported_other: '{{file}}: {{count}} units loaded.',
  rejected: 'Rows not used: {{lines}}.',
  problems: { ubigeo: 'no valid UBIGEO', amount: 'invalid or empty amount', date: 'invalid date', unknownUnit: 'a UBIGEO the app does not know' },
  errors: {
    sin_columna_ubigeo: 'The file has no UBIGEO column (columns: {{columnas}}).',
    sin_montos: 'The file has no amount column: planned, presupuesto, PIM, executed or devengado (columns: {{columnas}}).',
    demasiadas_filas: 'The file has {{filas}} rows; the limit is {{limite}}.',
    sin_filas_validas: 'None of the {{filas}} rows has a known UBIGEO and a valid amount.',
  },
  download: 'Download CSV',
  chart: 'Budget and spending per unit',
  chartNote: 'Light bar: planned; dark bar: executed.',
};
