// Rank stability and indicator diagnostics (issue 14): the panel's labels, the correlation
// warnings (src/domain/stability/diagnostics.ts) and the plain-words explanation of a unit's
// position (src/domain/stability/explain.ts), whose sentence codes the UI joins with a space.
export const stabilityEs = {
  title: 'Estabilidad del ranking',
  intro:
    'Repite el ranking muchas veces variando los supuestos marcados y cuenta cuánto se mueve cada puesto ' +
    '(análisis de incertidumbre y sensibilidad del Manual JRC/OCDE, 2008).',
  vary: 'Supuestos que varían',
  weightsLabel: 'Pesos',
  weightModes: { off: 'fijos', uniform: 'cada peso ± un porcentaje', dirichlet: 'sorteo de Dirichlet' },
  newSeed: 'Otra semilla',
  status: {
    waiting: 'Esperando a que terminen los cambios…',
    ready: 'Listo: {{draws}} simulaciones en {{ms}} ms, semilla {{seed}}.',
    error: 'No se pudo calcular la estabilidad: {{detail}}. El ranking no cambia.',
    noFactors: 'Ningún supuesto varía: todos los puestos quedan fijos. Marque al menos uno.',
  },
  cellStale: 'actualizando',
  cellPending: 'calculando',
  cellNever: 'sin puesto',
  bandText: '{{p05}}–{{p95}}',
  tableNote: 'Estabilidad: banda de puestos 5–95 % en {{draws}} variaciones de los supuestos (semilla {{seed}}); {{rule}}.',
  showTop: 'Primeros {{n}}',
  showAll: 'Todas ({{n}})',
  chartLabel: 'Para cada unidad: puesto en el escenario (rombo), mediana de las simulaciones (punto) y banda 5–95 % (línea; azul si es estable, bermellón si no).',
  baseRank: 'Puesto del escenario',
  median: 'Mediana',
  axisRank: 'Puesto',
  sobolNote:
    'Qué parte de la variación de los puestos (cambio medio de puesto frente al escenario) explica cada supuesto, ' +
    'solo (1.er orden) y con sus interacciones (total); {{runs}} reconstrucciones del ranking en {{ms}} ms.',
  sobolOne: 'Con un solo supuesto variable no hay nada que repartir: todo el movimiento viene de él.',
  sobolPending: 'Calculando los índices de Sobol…',
  sobolFlat: 'Los puestos no se mueven con estos supuestos: no hay varianza que repartir.',
  factorWeight: 'Peso de «{{indicator}}»',
  correlationNote: 'Correlación de Pearson entre indicadores normalizados, sobre las unidades del ámbito. Los números de las columnas son los de las filas.',
  influenceNote:
    'Influencia efectiva: parte de la varianza del puntaje que acompaña a cada indicador (r² normalizado). ' +
    'Si se aleja mucho del peso nominal, el peso no dice lo que el indicador pesa en realidad.',
  noWarnings: 'Ningún par de indicadores con peso está muy correlacionado (r ≥ 0,9) ni en sentido opuesto.',
  ratio: 'Influencia / peso',
  indicator: 'Indicador',
  mapPending: 'La estabilidad aún se está calculando; el mapa se colorea al terminar.',
  exportLine: 'Estabilidad del ranking: varían {{varied}}; {{draws}} simulaciones de Monte Carlo y diseño de Sobol con N = {{n}}; semilla {{seed}}.',
  exportWeightsUniform: 'cada peso ±{{noise}} %',
  exportWeightsDirichlet: 'los pesos (Dirichlet, variación {{noise}} %)',
  exportNothing: 'ningún supuesto',
  reportBand: 'Banda 5–95 %',
  reportPending: 'La banda de estabilidad aún se está calculando.',
  column: 'Estabilidad',
  band: 'Banda 5–95 %',
  stable: 'estable',
  unstable: 'inestable',
  stableRule_one: 'estable: la banda 5–95 % abarca como máximo {{width}} puestos (10 % de {{count}} unidad ranqueada, mínimo 2)',
  stableRule_many: 'estable: la banda 5–95 % abarca como máximo {{width}} puestos (10 % de {{count}} unidades ranqueadas, mínimo 2)',
  stableRule_other: 'estable: la banda 5–95 % abarca como máximo {{width}} puestos (10 % de {{count}} unidades ranqueadas, mínimo 2)',
  pTopN: 'Prob. de estar entre los {{n}} primeros',
  pFirst: 'Prob. de ser el primero',
  seed: 'Semilla',
  draws: 'Simulaciones',
  running: 'Calculando estabilidad… {{percent}} %',
  bandChartTitle: 'Banda de puestos (mediana y 5–95 %)',
  factors: {
    weights: 'Pesos',
    normalisation: 'Normalización',
    aggregation: 'Agregación',
    winsorisation: 'Winsorización',
    universe: 'Universo de establecimientos',
    zeros: 'Ceros de SUSALUD',
    outliers: 'Atenciones inverosímiles de SUSALUD',
    dates: 'Fechas sospechosas',
  },
  weightNoise: 'Variación de cada peso (±%)',
  weightMode: {
    uniform: 'uniforme ±{{noise}} %',
    dirichlet: 'Dirichlet alrededor de los pesos',
  },
  sobolTitle: 'Qué mueve más este ranking',
  sobolFirst: 'Efecto propio (Sobol de 1.er orden)',
  sobolTotal: 'Efecto total (Sobol total)',
  diagTitle: 'Diagnóstico de indicadores',
  correlation: 'Correlación',
  influence: 'Influencia efectiva',
  nominal: 'Peso nominal',
  coverage: 'Cobertura',
  diag: {
    highCorrelation:
      '«{{a}}» y «{{b}}» están muy correlacionados (r = {{r, number(minimumFractionDigits: 2; maximumFractionDigits: 2)}}): ' +
      'pueden estar contando dos veces la misma necesidad.',
    negativeCorrelation:
      '«{{a}}» y «{{b}}» tienen correlación negativa (r = {{r, number(minimumFractionDigits: 2; maximumFractionDigits: 2)}}): ' +
      'empujan el ranking en sentidos opuestos y en parte se anulan.',
  },
  explain: {
    notRanked: 'No tiene puesto en {{scope}}: sus datos no cubren lo suficiente del peso de los indicadores (datos insuficientes), por eso se lista aparte.',
    rank: {
      two: 'Ocupa el puesto {{rank}} de {{total}} en {{scope}}, principalmente por {{a}} ({{aShare}} % del puntaje) y {{b}} ({{bShare}} %).',
      one: 'Ocupa el puesto {{rank}} de {{total}} en {{scope}}; todo su puntaje viene de {{a}}.',
      none: 'Ocupa el puesto {{rank}} de {{total}} en {{scope}}; ningún indicador le suma puntos.',
    },
    first: {
      two: 'Ocupa el primer puesto de {{total}} en {{scope}}, principalmente por {{a}} ({{aShare}} % del puntaje) y {{b}} ({{bShare}} %).',
      one: 'Ocupa el primer puesto de {{total}} en {{scope}}; todo su puntaje viene de {{a}}.',
      none: 'Ocupa el primer puesto de {{total}} en {{scope}}; ningún indicador le suma puntos.',
    },
    only: {
      two: 'Es la única unidad con puesto en {{scope}}; su puntaje viene principalmente de {{a}} ({{aShare}} %) y {{b}} ({{bShare}} %).',
      one: 'Es la única unidad con puesto en {{scope}}; todo su puntaje viene de {{a}}.',
      none: 'Es la única unidad con puesto en {{scope}}; ningún indicador le suma puntos.',
    },
    pending: 'Todavía no se ha calculado qué tan estable es este puesto cuando varían los supuestos.',
    top_one:
      'En el {{pct}} % de las {{draws}} variaciones de los supuestos sigue en el primer puesto; ' +
      'su puesto va del {{p05}} al {{p95}} (percentiles 5–95), una posición {{verdict}}.',
    top_many:
      'En el {{pct}} % de las {{draws}} variaciones de los supuestos sigue entre los {{count}} primeros; ' +
      'su puesto va del {{p05}} al {{p95}} (percentiles 5–95), una posición {{verdict}}.',
    top_other:
      'En el {{pct}} % de las {{draws}} variaciones de los supuestos sigue entre los {{count}} primeros; ' +
      'su puesto va del {{p05}} al {{p95}} (percentiles 5–95), una posición {{verdict}}.',
    topSame_one:
      'En el {{pct}} % de las {{draws}} variaciones de los supuestos sigue en el primer puesto; ' +
      'su puesto es el {{p05}} tanto en el percentil 5 como en el 95, una posición {{verdict}}.',
    topSame_many:
      'En el {{pct}} % de las {{draws}} variaciones de los supuestos sigue entre los {{count}} primeros; ' +
      'su puesto es el {{p05}} tanto en el percentil 5 como en el 95, una posición {{verdict}}.',
    topSame_other:
      'En el {{pct}} % de las {{draws}} variaciones de los supuestos sigue entre los {{count}} primeros; ' +
      'su puesto es el {{p05}} tanto en el percentil 5 como en el 95, una posición {{verdict}}.',
    band: 'Con las {{draws}} variaciones de los supuestos, su puesto va del {{p05}} al {{p95}} (percentiles 5–95), una posición {{verdict}}.',
    bandSame: 'Con las {{draws}} variaciones de los supuestos, su puesto es el {{p05}} tanto en el percentil 5 como en el 95, una posición {{verdict}}.',
    reach_one: 'Llega al primer puesto en el {{pct}} % de las variaciones.',
    reach_many: 'Entra entre los {{count}} primeros en el {{pct}} % de las variaciones.',
    reach_other: 'Entra entre los {{count}} primeros en el {{pct}} % de las variaciones.',
    neverRanked: 'En ninguna de las {{draws}} variaciones de los supuestos tuvo datos suficientes para un puesto.',
    varied: {
      n1: 'Supuestos variados: {{f1}}.',
      n2: 'Supuestos variados: {{f1}} y {{f2}}.',
      n3: 'Supuestos variados: {{f1}}, {{f2}} y {{f3}}.',
      n4: 'Supuestos variados: {{f1}}, {{f2}}, {{f3}} y {{f4}}.',
      n5: 'Supuestos variados: {{f1}}, {{f2}}, {{f3}}, {{f4}} y {{f5}}.',
      n6: 'Supuestos variados: {{f1}}, {{f2}}, {{f3}}, {{f4}}, {{f5}} y {{f6}}.',
      n7: 'Supuestos variados: {{f1}}, {{f2}}, {{f3}}, {{f4}}, {{f5}}, {{f6}} y {{f7}}.',
      n8: 'Supuestos variados: {{f1}}, {{f2}}, {{f3}}, {{f4}}, {{f5}}, {{f6}}, {{f7}} y {{f8}}.',
    },
    // The factor names inside a sentence (the panel's own labels are `stability.factors`).
    factor: {
      weights: 'pesos',
      normalisation: 'normalización',
      aggregation: 'agregación',
      winsorisation: 'winsorización',
      universe: 'universo de establecimientos',
      zeros: 'ceros de SUSALUD',
      outliers: 'atenciones inverosímiles de SUSALUD',
      dates: 'fechas sospechosas',
    },
    weightNoise: 'Cada peso varió hasta ±{{noise}} %.',
    weightDirichlet: 'Los pesos se sortearon de una distribución de Dirichlet alrededor de los elegidos.',
  },
};
