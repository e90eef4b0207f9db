import type { userFileEs } from './userFile.es';
import type { TranslationOf } from './types';

// Messages about a user's file and about conflict rows in English; the same keys as userFile.es.ts.
export const userFileEn: TranslationOf<typeof userFileEs> = {
  errors: {
    archivo_vacio: 'The file «{{archivo}}» is empty.',
    archivo_muy_grande:
      'The file «{{archivo}}» is {{megabytes, number(minimumFractionDigits: 1; maximumFractionDigits: 1)}} MB; ' +
      'the limit is {{limiteMegabytes, number(minimumFractionDigits: 1; maximumFractionDigits: 1)}} MB.',
    formato_no_soportado: 'The file «{{archivo}}» is {{formato}}. Save it as CSV (comma or semicolon delimited), Excel (.xlsx), Parquet or GeoJSON.',
    comillas_sin_cerrar: 'A quote is not closed, from row {{linea}} on.',
    sin_encabezado: 'The first row ({{primeraFila}}…) looks like data: the file needs a header row with the column names.',
    encabezado_vacio_one: 'The header has no name for column {{columnas}}, which holds data.',
    encabezado_vacio_other: 'The header has no name for columns {{columnas}}, which hold data.',
    encabezados_duplicados: 'Several columns have the same name (ignoring case and accents): {{columnas}}.',
    sin_datos: 'The file has a header but no data rows.',
    filas_irregulares_one: '{{total}} row does not have the {{esperados}} fields of the header: {{filas}}.',
    filas_irregulares_other: '{{total}} rows do not have the {{esperados}} fields of the header: {{filas}}.',
    filas_irregulares_more: '{{total}} rows do not have the {{esperados}} fields of the header: {{filas}} and {{more}} more.',
    datos_personales:
      'The file seems to hold personal data: {{columnas}}. Remove those columns or values and load it again; ' +
      'the app does not accept data about people.',
    parquet_ilegible: 'The Parquet file could not be read: {{detalle}}.',
    xlsx_ilegible: 'The Excel workbook «{{archivo}}» could not be read: it is damaged or incomplete ({{detalle}}). Open it in Excel and save it again as .xlsx.',
    hoja_no_encontrada: 'The workbook has no sheet «{{hoja}}». Its sheets are: {{hojas}}.',
    geojson_invalido: 'The file «{{archivo}}» is not a readable GeoJSON.',
    geojson_invalido_json_invalido: 'The file «{{archivo}}» is not valid JSON (it is cut short or has a syntax error).',
    geojson_invalido_no_es_geojson: 'The file «{{archivo}}» is JSON but not a GeoJSON FeatureCollection.',
    geojson_invalido_sin_geometria: 'The GeoJSON «{{archivo}}» has no points or polygons.',
    faltan_columnas:
      'Required columns are missing: {{faltan}}. Accepted names for the date: fecha, date, periodo, mes, semana; ' +
      'for the place: ubigeo, departamento, provincia, distrito (or in English: department, province, district).',
    sin_filas: 'The file has no data rows.',
    demasiadas_filas:
      'The file has {{filas, number}} rows and a conflict layer takes up to {{limite, number}} events. ' +
      'Filter the period or the region and load it again; for other tabular data use «Own data».',
  },
  warnings: {
    codificacion_windows_1252:
      'The file is not UTF-8: it was read as Latin-1 (Windows-1252), the usual encoding of Excel on Windows. Check accents and ñ.',
    codificacion_utf16: 'The file is in {{codificacion}} (Excel’s «Unicode text»): it was read correctly.',
    texto_danado_one:
      'The text has {{caracteres}} damaged characters (\uFFFD), e.g. on line {{lineas}}: the file lost its accents and ñ in an earlier conversion.',
    texto_danado_other:
      'The text has {{caracteres}} damaged characters (\uFFFD), e.g. on lines {{lineas}}: the file lost its accents and ñ in an earlier conversion.',
    filas_vacias_omitidas_one: '{{filas}} empty row was skipped.',
    filas_vacias_omitidas_other: '{{filas}} empty rows were skipped.',
    texto_con_datos_personales:
      'Warning: some free text seems to hold data about people ({{hallazgos}}). The app works with no personal data: remove it from the file before sharing the scenario or its exports.',
    hallazgo: '“{{columna}}”, {{tipo}} on row {{linea}}',
    tipoTexto: { dni: 'a DNI number', telefono: 'a phone number' },
    encabezado_dos_filas: 'The header takes two rows ({{primera}} and {{segunda}}, merged cells): the names were joined, e.g. «{{ejemplo}}».',
    filas_titulo_omitidas_one: '{{filas}} title row above the header was skipped; the header is on row {{linea}}.',
    filas_titulo_omitidas_other: '{{filas}} title rows above the header were skipped; the header is on row {{linea}}.',
    columnas_sin_nombre_omitidas: 'Empty columns without a name were skipped ({{columnas}}).',
  },
  row: 'row {{line}}: {{text}}',
  rows: {
    fecha_vacia: 'the date is missing',
    fecha_invalida: 'date "{{valor}}" is not valid (use yyyy-mm-dd, dd/mm/yyyy, yyyy-mm or yyyy-Www)',
    fecha_invalida_reconocido: 'date "{{valor}}" is not valid',
    sin_ubicacion: 'the place is missing (no UBIGEO and no names)',
    ubigeo_desconocido: 'the UBIGEO "{{ubigeo}}" does not exist',
    departamento_desconocido: 'the department "{{departamento}}" does not exist{{hint}}',
    provincia_desconocida: 'the province "{{provincia}}" does not exist{{hint}}',
    provincia_desconocida_departamento: 'the province "{{provincia}}" does not exist in the department of {{departamento}}{{hint}}',
    provincia_ambigua: 'there are several provinces "{{provincia}}" ({{departamentos}}); give the department',
    distrito_ambiguo: 'there are several districts "{{distrito}}" ({{provincias}}); give the province',
    sin_provincia: 'the province is missing (only the department {{departamento}} was given)',
    estado_desconocido: 'status "{{valor}}" not recognised (use activo, latente, resuelto or retirado)',
    distrito_no_encontrado: 'the district "{{distrito}}" does not exist in the province of {{provincia}}{{hint}}; placed in the province',
    distrito_no_detallado: 'the district is not given ("{{distrito}}"); placed in the province of {{provincia}}',
    ubigeo_distrito_desconocido: 'the UBIGEO "{{ubigeo}}" is not a known district; placed in its province, {{provincia}}',
    ubigeo_desconocido_se_usan_nombres: 'the UBIGEO "{{ubigeo}}" does not exist; placed by the names',
    ubigeo_no_coincide_con_nombres: 'the UBIGEO {{ubigeo}} is {{lugar}}, not "{{nombres}}"; the UBIGEO was used',
    coordenadas_fuera_del_peru: 'the coordinates ({{lat}}, {{lon}}) are outside Peru; the centroid of {{lugar}} was used',
    coordenadas_intercambiadas: 'latitude and longitude were swapped ({{lat}}, {{lon}}); corrected',
    coordenadas_invalidas: 'coordinates not numeric or incomplete ("{{lat}}", "{{lon}}"); the centroid of {{lugar}} was used',
    si_no_invalido: 'the column {{columna}} holds "{{valor}}", which is neither yes nor no; left empty',
  },
  parts: {
    suggestion: ' (did you mean "{{sugerencia}}"?)',
    quoted: '«{{text}}»',
    listSeparator: ', ',
    groupSeparator: '; ',
    raggedRow: 'row {{linea}} ({{campos}})',
    personalColumn: '«{{columna}}» ({{tipo}})',
    personalColumnAt: '«{{columna}}» ({{tipo}}, row {{linea}})',
  },
  formats: {
    xlsx: 'an Excel workbook (.xlsx)',
    xls: 'an old Excel workbook (.xls)',
    ods: 'a LibreOffice spreadsheet (.ods)',
    zip: 'a ZIP archive',
    pdf: 'a PDF',
    json: 'a JSON file',
    binario: 'a binary file, not text (a file of another kind with its extension changed?)',
    html: 'a web page (HTML), not a table: download the original file as CSV or Excel',
  },
  personalKinds: {
    documento: 'identity document',
    nombre: 'a person’s name or surname',
    telefono: 'phone number',
    correo: 'e-mail address',
    direccion: 'street address or home',
    nacimiento: 'date of birth',
    historia_clinica: 'medical record',
    valores_dni: 'values shaped like a DNI',
    valores_correo: 'e-mail addresses',
  },
  requiredColumns: {
    fecha: 'date',
    ubicacion: 'place (ubigeo, or province/district)',
  },
};
