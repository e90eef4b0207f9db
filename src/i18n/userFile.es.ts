// Messages about a user's file and about conflict rows (src/data/userFile, src/domain/conflicts):
// the checks return codes with parameters; these are their texts. src/i18n/userFileText.ts and
// conflictText.ts fill them in; the pipeline (data/conflicts.ts) uses the same texts through
// src/i18n/translator.ts, so this file and userFile.en.ts are part of the data build's fingerprint.
export const userFileEs = {
  /** A file that cannot be used (nothing is loaded). */
  errors: {
    archivo_vacio: 'El archivo «{{archivo}}» está vacío.',
    archivo_muy_grande:
      'El archivo «{{archivo}}» pesa {{megabytes, number(minimumFractionDigits: 1; maximumFractionDigits: 1)}} MB; ' +
      'el máximo es {{limiteMegabytes, number(minimumFractionDigits: 1; maximumFractionDigits: 1)}} MB.',
    formato_no_soportado: 'El archivo «{{archivo}}» es {{formato}}. Guárdelo como CSV (delimitado por comas o punto y coma), Excel (.xlsx), Parquet o GeoJSON.',
    comillas_sin_cerrar: 'Hay comillas sin cerrar desde la fila {{linea}}.',
    sin_encabezado: 'La primera fila ({{primeraFila}}…) parece de datos: el archivo necesita una fila de encabezado con los nombres de las columnas.',
    encabezado_vacio_one: 'El encabezado no tiene nombre en la columna {{columnas}}, que sí tiene datos.',
    encabezado_vacio_many: 'El encabezado no tiene nombre en las columnas {{columnas}}, que sí tienen datos.',
    encabezado_vacio_other: 'El encabezado no tiene nombre en las columnas {{columnas}}, que sí tienen datos.',
    encabezados_duplicados: 'Hay columnas con el mismo nombre (sin contar mayúsculas ni tildes): {{columnas}}.',
    sin_datos: 'El archivo tiene encabezado pero ninguna fila de datos.',
    filas_irregulares_one: '{{total}} fila no tiene {{esperados}} campos como el encabezado: {{filas}}.',
    filas_irregulares_many: '{{total}} filas no tienen {{esperados}} campos como el encabezado: {{filas}}.',
    filas_irregulares_other: '{{total}} filas no tienen {{esperados}} campos como el encabezado: {{filas}}.',
    /** More ragged rows than those listed (always several). */
    filas_irregulares_more: '{{total}} filas no tienen {{esperados}} campos como el encabezado: {{filas}} y {{more}} más.',
    datos_personales:
      'El archivo parece contener datos personales: {{columnas}}. Quite esas columnas o valores y vuelva a cargarlo; ' +
      'la aplicación no acepta datos de personas.',
    parquet_ilegible: 'No se pudo leer el archivo Parquet: {{detalle}}.',
    xlsx_ilegible: 'No se pudo leer el libro de Excel «{{archivo}}»: está dañado o incompleto ({{detalle}}). Ábralo en Excel y guárdelo de nuevo como .xlsx.',
    hoja_no_encontrada: 'El libro no tiene una hoja «{{hoja}}». Sus hojas son: {{hojas}}.',
    geojson_invalido: 'El archivo «{{archivo}}» no es un GeoJSON que se pueda leer.',
    geojson_invalido_json_invalido: 'El archivo «{{archivo}}» no es JSON válido (está cortado o tiene un error de sintaxis).',
    geojson_invalido_no_es_geojson: 'El archivo «{{archivo}}» es JSON pero no un GeoJSON FeatureCollection.',
    geojson_invalido_sin_geometria: 'El GeoJSON «{{archivo}}» no tiene puntos ni polígonos.',
    // A conflict file without the columns it needs, or without rows.
    faltan_columnas:
      'Faltan columnas obligatorias: {{faltan}}. Nombres aceptados para la fecha: fecha, date, periodo, mes, semana; ' +
      'para la ubicación: ubigeo, departamento, provincia, distrito (o en inglés).',
    sin_filas: 'El archivo no tiene filas de datos.',
    demasiadas_filas:
      'El archivo tiene {{filas, number}} filas y una capa de conflictos admite hasta {{limite, number}} eventos. ' +
      'Filtre el periodo o la región y vuelva a cargarlo; para otros datos tabulares use «Datos propios».',
  },
  /** The file was read, with a caveat. */
  warnings: {
    codificacion_windows_1252:
      'El archivo no está en UTF-8: se leyó como Latin-1 (Windows-1252), la codificación habitual de Excel en Windows. Revise las tildes y eñes.',
    codificacion_utf16: 'El archivo está en {{codificacion}} («Texto Unicode» de Excel): se leyó correctamente.',
    texto_danado_one:
      'El texto tiene {{caracteres}} caracteres dañados (\uFFFD), por ejemplo en la línea {{lineas}}: el archivo perdió sus tildes y eñes en una conversión anterior.',
    texto_danado_many:
      'El texto tiene {{caracteres}} caracteres dañados (\uFFFD), por ejemplo en las líneas {{lineas}}: el archivo perdió sus tildes y eñes en una conversión anterior.',
    texto_danado_other:
      'El texto tiene {{caracteres}} caracteres dañados (\uFFFD), por ejemplo en las líneas {{lineas}}: el archivo perdió sus tildes y eñes en una conversión anterior.',
    filas_vacias_omitidas_one: 'Se omitió {{filas}} fila vacía.',
    filas_vacias_omitidas_many: 'Se omitieron {{filas}} filas vacías.',
    filas_vacias_omitidas_other: 'Se omitieron {{filas}} filas vacías.',
    texto_con_datos_personales:
      'Atención: hay texto libre que parece contener datos de personas ({{hallazgos}}). La aplicación no trabaja con datos personales: quite esos datos del archivo antes de compartir el escenario o sus exportaciones.',
    hallazgo: '«{{columna}}», {{tipo}} en la fila {{linea}}',
    tipoTexto: { dni: 'un número de DNI', telefono: 'un teléfono' },
    encabezado_dos_filas: 'El encabezado ocupa dos filas ({{primera}} y {{segunda}}, celdas combinadas): los nombres se unieron, por ejemplo «{{ejemplo}}».',
    filas_titulo_omitidas_one: 'Se omitió {{filas}} fila de título sobre el encabezado; el encabezado está en la fila {{linea}}.',
    filas_titulo_omitidas_many: 'Se omitieron {{filas}} filas de título sobre el encabezado; el encabezado está en la fila {{linea}}.',
    filas_titulo_omitidas_other: 'Se omitieron {{filas}} filas de título sobre el encabezado; el encabezado está en la fila {{linea}}.',
    columnas_sin_nombre_omitidas: 'Se omitieron columnas vacías y sin nombre ({{columnas}}).',
  },
  /** A conflict row that was left out (rows.<reject code>) or read with a fallback (rows.<warning code>). */
  row: 'fila {{line}}: {{text}}',
  rows: {
    fecha_vacia: 'falta la fecha',
    fecha_invalida: 'fecha "{{valor}}" no válida (use aaaa-mm-dd, dd/mm/aaaa, aaaa-mm o aaaa-Wss)',
    /** Written as a date, but an impossible one (31/02): no format hint. */
    fecha_invalida_reconocido: 'fecha "{{valor}}" no válida',
    sin_ubicacion: 'falta la ubicación (ni UBIGEO ni nombres)',
    ubigeo_desconocido: 'el UBIGEO "{{ubigeo}}" no existe',
    departamento_desconocido: 'el departamento "{{departamento}}" no existe{{hint}}',
    provincia_desconocida: 'la provincia "{{provincia}}" no existe{{hint}}',
    provincia_desconocida_departamento: 'la provincia "{{provincia}}" no existe en el departamento {{departamento}}{{hint}}',
    provincia_ambigua: 'hay varias provincias "{{provincia}}" ({{departamentos}}); indique el departamento',
    distrito_ambiguo: 'hay varios distritos "{{distrito}}" ({{provincias}}); indique la provincia',
    sin_provincia: 'falta la provincia (solo se indicó el departamento {{departamento}})',
    estado_desconocido: 'estado "{{valor}}" no reconocido (use activo, latente, resuelto o retirado)',
    distrito_no_encontrado: 'el distrito "{{distrito}}" no existe en la provincia {{provincia}}{{hint}}; se ubicó en la provincia',
    distrito_no_detallado: 'el distrito no se detalla ("{{distrito}}"); se ubicó en la provincia {{provincia}}',
    ubigeo_distrito_desconocido: 'el UBIGEO "{{ubigeo}}" no es un distrito conocido; se ubicó en su provincia {{provincia}}',
    ubigeo_desconocido_se_usan_nombres: 'el UBIGEO "{{ubigeo}}" no existe; se ubicó por los nombres',
    ubigeo_no_coincide_con_nombres: 'el UBIGEO {{ubigeo}} corresponde a {{lugar}}, no a "{{nombres}}"; se usó el UBIGEO',
    coordenadas_fuera_del_peru: 'las coordenadas ({{lat}}, {{lon}}) están fuera del Perú; se usó el centroide de {{lugar}}',
    coordenadas_intercambiadas: 'latitud y longitud estaban intercambiadas ({{lat}}, {{lon}}); se corrigieron',
    coordenadas_invalidas: 'coordenadas no numéricas o incompletas ("{{lat}}", "{{lon}}"); se usó el centroide de {{lugar}}',
    si_no_invalido: 'la columna {{columna}} tiene "{{valor}}", que no es sí ni no; se dejó vacía',
  },
  /** Pieces the messages above are filled with. */
  parts: {
    /** The `hint` of a row issue when a close name exists (leading space included). */
    suggestion: ' (¿quiso decir "{{sugerencia}}"?)',
    /** A name in a list of names (columns, header cells). */
    quoted: '«{{text}}»',
    listSeparator: ', ',
    /** Between items that hold commas themselves (required columns). */
    groupSeparator: '; ',
    raggedRow: 'fila {{linea}} ({{campos}})',
    personalColumn: '«{{columna}}» ({{tipo}})',
    personalColumnAt: '«{{columna}}» ({{tipo}}, fila {{linea}})',
  },
  /** What a refused file is (formato_no_soportado). */
  formats: {
    xlsx: 'un libro de Excel (.xlsx)',
    xls: 'un libro de Excel antiguo (.xls)',
    ods: 'una hoja de cálculo de LibreOffice (.ods)',
    zip: 'un archivo comprimido ZIP',
    pdf: 'un PDF',
    json: 'un archivo JSON',
    binario: 'un archivo binario, no un texto (¿un archivo de otro tipo con la extensión cambiada?)',
    html: 'una página web (HTML), no una tabla: descargue el archivo original en CSV o Excel',
  },
  /** The kinds of personal data (datos_personales). */
  personalKinds: {
    documento: 'documento de identidad',
    nombre: 'nombre o apellido de una persona',
    telefono: 'teléfono',
    correo: 'correo electrónico',
    direccion: 'dirección o domicilio',
    nacimiento: 'fecha de nacimiento',
    historia_clinica: 'historia clínica',
    valores_dni: 'valores con forma de DNI',
    valores_correo: 'direcciones de correo',
  },
  /** The required columns a conflict file can lack (faltan_columnas). */
  requiredColumns: {
    fecha: 'fecha',
    ubicacion: 'ubicación (ubigeo, o provincia/distrito)',
  },
};
