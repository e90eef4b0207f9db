// Issue 19: «Tendencias» (series over periods, the gated projection, before/after) and «Seguimiento».
export const trendsEs = {
  open: 'Tendencias',
  title: 'Tendencias, proyección y evaluación',
  close: 'Cerrar tendencias',
  intro:
    'Cada valor lleva su periodo y su tipo (censo, proyección del INEI, registro, reporte). Se dibuja una línea solo donde hay dos periodos o más; ' +
    'la línea gris discontinua es la mediana de {{scope}}.',
  unit: 'Unidad',
  scopeWhole: '{{scope}} (todo el ámbito)',
  compare: 'Comparar con',
  none: '— ninguna —',
  loading: 'Cargando los periodos de los datos…',
  waitingRanking: 'La tabla de prioridades aún se está calculando.',
  median: 'Mediana de {{scope}}',
  period: 'Periodo',
  kinds: { censo: 'censo', proyeccion: 'proyección INEI', registro: 'registro 2017', reporte: 'reporte' },
  series: {
    poblacion: 'Población',
    establecimientos_activos: 'Establecimientos del registro 2017 ya en actividad',
    establecimientos_por_10k_censal: 'Establecimientos en actividad por 10 000 hab. (años censales)',
    conflictos: 'Casos de conflicto socioambiental reportados',
  },
  seriesNotes: {
    poblacion: 'Censos 2007 y 2017; 2020 y 2022 son proyecciones del INEI, no conteos.',
    establecimientos_activos:
      'Cuenta los establecimientos del registro de 2017 cuyo año de inicio de actividad no es posterior: los cerrados antes de 2017 no están en el registro, así que el pasado queda subestimado; los que no tienen fecha no se cuentan.',
    establecimientos_por_10k_censal: 'Establecimientos en actividad en el año del censo entre la población de ese censo, por 10 000.',
    conflictos: 'Casos por periodo de reporte (Defensoría del Pueblo y archivos propios cargados), contados donde están ubicados.',
  },
  singlePeriod: 'Un solo periodo ({{period}}): no hay tendencia que dibujar.',
  noPeriods: 'Sin datos en ningún periodo.',
  chartLabel: '{{series}} de {{unit}} por periodo',
  singleTitle: 'Indicadores con un solo periodo',
  singleIntro: 'Estos indicadores existen para un único año en los datos abiertos: se muestran como están, sin línea de tendencia.',
  projection: {
    title: 'Proyección de la población a {{year}}',
    rule: 'Regla: se ofrece solo con al menos {{periods}} periodos (censos 2007 y 2017, proyección 2022) y al menos {{pct}} % de las unidades de {{scope}} completas.',
    on: 'Proyección disponible: {{periods}} periodos; {{complete}} de {{units}} unidades completas ({{pct}} %).',
    off: 'Datos insuficientes: análisis descriptivo. {{reason}}',
    method:
      'Método: tasa de crecimiento geométrica del INEI, r = (P₂₀₂₂ / P₂₀₁₇)^(1/5) − 1; proyección = P₂₀₂₂ · (1 + r)^5. ' +
      'Rango: la misma cuenta con la menor y la mayor de las tasas 2007–2017 y 2017–2022. Supone que la tendencia reciente continúa; no anticipa migraciones ni cambios de límites.',
    rate: 'Tasa anual 2017–2022',
    value: 'Proyección {{year}}',
    range: 'Rango',
    use: 'Usar la proyección en el ranking',
    inRanking: 'La proyección cuenta en el ranking con {{weight}} puntos (indicador «{{label}}»).',
    offInRanking: 'El indicador de proyección está en el escenario, pero aquí no tiene valores: el ranking lo trata como dato faltante.',
  },
  gate: {
    fewPeriods: 'Solo hay {{periods}} periodo(s) con datos; la regla pide {{need}}.',
    incomplete: 'Solo {{complete}} de {{units}} unidades ({{pct}} %) tienen los tres periodos; la regla pide {{need}} %.',
    noUnits: 'No hay unidades en el ámbito.',
  },
  deterioration: {
    title: '¿Y un modelo de deterioro de la infraestructura?',
    text:
      'No se ofrece: los datos no tienen historia del estado de los establecimientos, solo su año de inicio de actividad, y la edad no es deterioro. ' +
      'Lo haría posible un inventario con el estado de cada establecimiento en varias fechas (por ejemplo, puntajes de inspección o el índice de brecha por año, con el código IPRESS). ' +
      'Ese inventario puede cargarse hoy en «Datos propios»; con tres fechas o más por establecimiento podría evaluarse un modelo.',
  },
  evaluation: {
    title: 'Antes y después: las {{n}} primeras del escenario',
    intro: 'Cómo se movieron sus indicadores entre dos periodos, junto a la mediana de {{scope}}.',
    caveat:
      'Es una comparación descriptiva, no causal: no dice que una política o una inversión haya causado el cambio. Otras causas (migración, nuevos distritos, el registro que solo guarda los establecimientos que seguían abiertos en 2017) pueden explicarlo.',
    rank: 'N.º',
    change: '{{from}} → {{to}}',
    relative: 'variación',
    none: 'El escenario no tiene unidades en el ranking.',
  },
};

export const monitoringEs = {
  open: 'Seguimiento',
  title: 'Seguimiento de la inversión: presupuesto y gasto',
  close: 'Cerrar seguimiento',
  intro:
    'Registre la inversión decidida por unidad (monto planificado y ejecutado, con la fecha del dato) o cárguela de un CSV. ' +
    'Se guarda con el escenario y sale en su archivo y en su CSV.',
  unit: 'Unidad',
  planned: 'Planificado (S/)',
  executed: 'Ejecutado (S/)',
  date: 'Fecha del dato',
  share: '% ejecutado',
  gap: 'Brecha (S/)',
  add: 'Agregar o actualizar',
  addTop: 'Agregar las {{n}} primeras del ranking',
  removeShort: 'Quitar',
  remove: 'Quitar {{unit}}',
  empty: 'Aún no hay montos registrados.',
  total: 'Total',
  summary: 'Planificado S/ {{planned}} · ejecutado S/ {{executed}} ({{share}}) · brecha S/ {{gap}}',
  over_one: '{{count}} unidad gastó más de lo planificado.',
  over_many: '{{count}} unidades gastaron más de lo planificado.',
  over_other: '{{count}} unidades gastaron más de lo planificado.',
  invalidAmount: '«{{text}}» no es un monto válido: escriba un número mayor o igual a 0 (p. ej. 1250000.50 o 1,250,000.50).',
  needAmount: 'Escriba al menos un monto, planificado o ejecutado.',
  import: 'Cargar CSV de montos',
  importHelp: 'Columnas: ubigeo, planificado (o presupuesto, PIM), ejecutado (o devengado, gasto) y, si la tiene, fecha. Acepta «;» y coma decimal.',
  readFailed: 'No se pudo leer {{file}} ({{detail}}). Los montos registrados no cambiaron.',
  reading: 'Leyendo {{file}}…',
  imported_one: '{{file}}: {{count}} unidad cargada.',
  imported_many: '{{file}}: {{count}} unidades cargadas.',
  imported_other: '{{file}}: {{count}} unidades cargadas.',
  rejected: 'Filas no usadas: {{lines}}.',
  problems: { ubigeo: 'sin UBIGEO válido', amount: 'monto no válido o vacío', date: 'fecha no válida', unknownUnit: 'UBIGEO que la aplicación no conoce' },
  errors: {
    sin_columna_ubigeo: 'El archivo no tiene una columna de UBIGEO (columnas: {{columnas}}).',
    sin_montos: 'El archivo no tiene una columna de montos: planificado, presupuesto, PIM, ejecutado o devengado (columnas: {{columnas}}).',
    demasiadas_filas: 'El archivo tiene {{filas}} filas; el límite es {{limite}}.',
    sin_filas_validas: 'Ninguna de las {{filas}} filas tiene un UBIGEO conocido y un monto válido.',
  },
  download: 'Descargar CSV',
  chart: 'Presupuesto y gasto por unidad',
  chartNote: 'Barra clara: planificado; barra oscura: ejecutado.',
};
