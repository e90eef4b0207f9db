// Issue 12: the facility universe, the rules of the facility-based indicators, the date flags
// and the indicator card. Same keys in definitions.en.ts.
export const definitionsEs = {
  title: 'Qué establecimientos cuentan y con qué reglas',
  intro:
    'Los indicadores de establecimientos (por habitante, antigüedad, camas, emergencias) se recalculan en SQL sobre este universo y estas reglas.',
  institutions: 'Institución que los administra',
  categories: 'Nivel y categoría',
  status:
    'Estado de funcionamiento: las 7 940 filas del registro MINSA 2017 dicen «ACTIVADO» y «EN FUNCIONAMIENTO»; no hay establecimientos cerrados que excluir.',
  limaNote:
    'Lima Metropolitana (provincia de Lima): ninguno de sus 476 establecimientos del registro es del gobierno regional (387 MINSA, 36 EsSalud, 20 privados, 29 de sanidad de las FF. AA. y la PNP, 4 municipales); su red la administra el MINSA a través de las DIRIS. Sin «MINSA» en el universo, sus indicadores de establecimientos quedan sin dato y la provincia se lista aparte.',
  emptyUniverse: 'Ninguna institución o ningún nivel elegido: los indicadores de establecimientos quedan sin dato.',
  emergencyNumerator: 'Atenciones de emergencia por establecimiento',
  emergencyNumerators: {
    universo: 'Solo los códigos SUSALUD de los establecimientos del universo, sobre esos mismos establecimientos',
    todos: 'Todas las filas SUSALUD de la unidad sobre todos los establecimientos del universo (anterior)',
  },
  emergencyZeros: 'Unidad cuyas filas SUSALUD reportan todas 0 atenciones',
  emergencyZerosOptions: {
    sin_reporte: '«Sin reporte»: dato faltante (el puntaje no la trata como 0)',
    cero: 'Un 0 real (anterior)',
  },
  emergencyZerosWhy:
    'SUSALUD: 3 126 de sus 4 293 filas reportan 0. Que todos los establecimientos de una unidad reporten 0 en un año suele indicar que la red no reporta (p. ej. Canas: 17 filas, todas en 0), no que no haya emergencias.',
  capacity: 'Cómo cuenta cada establecimiento (indicadores de cantidad)',
  capacityOptions: {
    conteo: 'uno por establecimiento',
    camas: 'por camas (las del registro o la mediana de su nivel; mínimo 1)',
    pesos: 'con un peso por nivel',
  },
  capacityWhy:
    'Un hospital III no equivale a un puesto de salud. «Por camas» usa las camas que da el registro y, donde faltan (93,5 %), la mediana de camas de su nivel en todo el registro, con un mínimo de 1: un puesto pesa 1. Se aplica a establecimientos por 10 000 o 100 000 habitantes y a personas por establecimiento.',
  levelWeights: 'Peso de un establecimiento de cada nivel (0 a {{max}})',
  emergencyOutliers: 'Atenciones inverosímiles para el nivel del establecimiento',
  emergencyOutliersOptions: {
    incluir: 'incluirlas como se reportan (antes)',
    recortar: 'recortarlas al máximo del nivel',
    excluir: 'dejarlas fuera (sin dato)',
  },
  emergencyOutliersWhy:
    'Regla: un establecimiento I-1 a I-3 (sin internamiento) que reporta en el año más atenciones de emergencia que el hospital II-1 mediano del país es inverosímil para su nivel (p. ej. el puesto de salud Quinuabamba, código 1781: 74 003). Su valor real no se conoce: por defecto queda fuera de ambos lados de la razón, como un establecimiento que no reporta.',
  emergencyOutlierFlag: 'Atenciones de emergencia inverosímiles para su nivel: más que el hospital II-1 mediano ({{max}}).',
  emergencyOutlierApplied: {
    incluir: 'El escenario las cuenta como se reportan.',
    recortar: 'El escenario las recorta a {{max}}.',
    excluir: 'El escenario deja esta fila fuera de «atenciones por establecimiento».',
  },
  dates: 'Fechas de inicio que cuentan para la antigüedad',
  dateRules: {
    todas: 'Todas las fechas válidas (anterior)',
    sin_implausibles: 'Sin las fechas implausibles (variantes de 1900, primer nivel antes de 1935)',
    sin_alertas: 'Sin fechas con alerta (también las probables fechas de registro en bloque)',
  },
  referenceYear: 'Año de referencia',
  ageBoundary:
    'Un establecimiento es «antiguo» si tiene {{years}} años o más de actividad al {{year}}: es decir, si inició en {{startYear}} o antes (el límite se incluye).',
  previous: 'Usar las definiciones anteriores',
  previousHint: 'Todo el registro, todas las fechas, razón de emergencias y ceros como antes: reproduce el ranking previo.',
  presetDefaults: 'Definiciones del preset',
  reloading: 'Recalculando los indicadores con las nuevas definiciones…',
  summary:
    'Universo: {{institutions}}; niveles: {{categories}}; cada establecimiento cuenta {{capacity}}. Emergencias: {{numerator}}; filas todas en 0: {{zeros}}; atenciones inverosímiles: {{outliers}}. Fechas: {{dates}}. Año de referencia: {{year}}.',
  all: 'todos',
  none: 'ninguno',
  unit: {
    title: 'Establecimientos de esta unidad',
    counts:
      '{{universe}} en el universo, de {{register}} en el registro; {{dated}} con fecha de inicio usable para la antigüedad; {{flagged}} con fecha marcada.',
    missing: 'Sin dato aquí: {{names}}.',
    missingReweight: 'El puntaje reparte el peso entre los indicadores con dato: cubre el {{pct}} % del peso.',
    missingExclude: 'Con la política «excluir», la unidad queda fuera del ranking.',
    missingInsufficient: 'Cubre el {{pct}} % del peso, menos que el umbral: se lista aparte, en gris.',
    lima: 'Lima Metropolitana: la red pública la administra el MINSA (DIRIS), no el gobierno regional.',
  },
  flags: {
    variante_1900: 'Fecha implausible: variante del valor de relleno 1900',
    anterior_al_nivel: 'Fecha implausible: primer nivel antes de 1935 (creación del Ministerio de Salud Pública)',
    bloque_fecha: 'Probable fecha de registro: la misma fecha que 5 o más establecimientos de la provincia',
    bloque_anios: 'Probable fecha de registro: parte de un bloque de la provincia en pocos años',
    excluded: 'Con las definiciones actuales, esta fecha no cuenta para la antigüedad.',
  },
  card: {
    open: 'Ficha del indicador',
    openNamed: 'Ficha del indicador: {{name}}',
    close: 'Cerrar la ficha',
    definition: 'Definición',
    numerator: 'Numerador',
    denominator: 'Denominador',
    universe: 'Universo',
    source: 'Fuente y vigencia',
    period: 'Periodo del valor',
    caveats: 'Advertencias',
    appliesHere: 'Se aplica a {{name}}',
    noneHere: 'Ninguna advertencia particular para {{name}}.',
    notFacility: 'No depende del universo de establecimientos.',
    direction: 'Dirección',
    value: 'Valor de la fuente',
    population: 'Población censada 2017 de la unidad',
  },
  defs: {
    establecimientos_por_10k: { d: 'Establecimientos del universo por cada 10 000 habitantes.', n: 'Establecimientos del universo en la unidad (por UBIGEO declarado)', q: 'Población censada 2017 ÷ 10 000' },
    primer_nivel_por_10k: { d: 'Establecimientos del universo de categoría I-1 a I-4 por cada 10 000 habitantes.', n: 'Establecimientos I-1 a I-4 del universo', q: 'Población censada 2017 ÷ 10 000' },
    hospitales_por_100k: { d: 'Hospitales (II y III) del universo por cada 100 000 habitantes.', n: 'Establecimientos II-* y III-* del universo', q: 'Población censada 2017 ÷ 100 000' },
    personas_por_establecimiento: { d: 'Habitantes por establecimiento del universo; sin dato donde no hay ninguno.', n: 'Población censada 2017', q: 'Establecimientos del universo' },
    antiguedad_mediana: { d: 'Mediana de (año de referencia − año de inicio de actividad), aproximación declarada al estado del establecimiento.', n: 'Años de actividad de cada establecimiento con fecha usable', q: 'Mediana (sin denominador)' },
    pct_antiguos: { d: 'Porcentaje de establecimientos con fecha usable que tienen {{years}} años o más al año de referencia.', n: 'Establecimientos con {{years}} años o más', q: 'Establecimientos del universo con fecha usable' },
    pct_sin_camas: { d: 'Porcentaje de establecimientos sin dato de camas: mide el vacío del dato, no la falta de camas.', n: 'Establecimientos sin dato de camas', q: 'Establecimientos del universo' },
    emergencias_por_establecimiento: { d: 'Atenciones de emergencia SUSALUD 2024 por establecimiento.', n: 'Atenciones de los códigos SUSALUD (según la regla elegida)', q: 'Establecimientos (según la regla elegida)' },
  },
  caveats: {
    ageProxy: 'La antigüedad es una aproximación: no hay datos abiertos del estado de cada establecimiento ni de su última intervención.',
    datesFlagged: 'Fechas con alerta en el registro: {{n}} de los establecimientos del universo aquí.',
    register2017: 'El registro es de 2017: faltan los establecimientos abiertos después.',
    susaludOutside: 'SUSALUD 2024 lista 936 códigos que no están en el registro de 2017 (20,4 % de las atenciones): no cuentan en ningún lado de la razón.',
    zerosRule: 'Filas todas en 0: {{rule}}.',
    capacity: 'Cada establecimiento cuenta: {{rule}}.',
    outlierRows: 'Atenciones inverosímiles para el nivel (I-1 a I-3 por encima del hospital II-1 mediano): {{rule}}.',
    bedsGap: 'Solo el 6,5 % de los establecimientos da un número de camas.',
    noFacility: 'No hay establecimientos del universo en esta unidad: el valor queda sin dato.',
    missingHere: 'Sin dato en esta unidad.',
    lima: 'Lima Metropolitana: su red la administra el MINSA (DIRIS), no el gobierno regional.',
    outlier:
      'Valor atípico en el ámbito: z modificado {{z}} (mediana {{median}}; regla: |0,6745 · (x − mediana) / MAD| > 3,5). Se señala, no se corrige: puede winsorizar el indicador en sus opciones avanzadas.',
  },
  outlierMark: 'atípico',
  compareDiffer:
    'Los dos escenarios cuentan establecimientos distintos o con otras reglas (universo, razón de emergencias, ceros, fechas o año): la comparación usa para ambos los valores de las definiciones del escenario actual. Para comparar definiciones, abra cada escenario y anote su ranking.',
};
