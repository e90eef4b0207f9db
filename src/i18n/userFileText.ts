/**
 * Errors and warnings of reading a user's file (src/data/userFile/codes.ts) as text: code +
 * params through i18next (`userFile.errors.*`, `userFile.warnings.*`). Lists, sizes and names of
 * formats and personal-data kinds are rendered in the same language.
 */
import type { TFunction } from 'i18next';
import type { PersonalColumn, UserFileError, UserFileWarning } from '../data/userFile/codes';

const MEGABYTE = 1024 * 1024;

/** Names as «name», numbers as they are, separated as the language does (`userFile.parts`). */
export function listText(t: TFunction, items: readonly (string | number)[]): string {
  return items
    .map((x) => (typeof x === 'string' ? t('userFile.parts.quoted', { text: x }) : String(x)))
    .join(t('userFile.parts.listSeparator'));
}

function personalColumnText(t: TFunction, c: PersonalColumn): string {
  const tipo = t(`userFile.personalKinds.${c.tipo}`);
  return c.linea ? t('userFile.parts.personalColumnAt', { columna: c.columna, tipo, linea: c.linea }) : t('userFile.parts.personalColumn', { columna: c.columna, tipo });
}

export function userFileErrorText(t: TFunction, e: UserFileError): string {
  const key = `userFile.errors.${e.code}`;
  const sep = t('userFile.parts.listSeparator');
  switch (e.code) {
    case 'archivo_vacio':
    case 'comillas_sin_cerrar':
    case 'parquet_ilegible':
    case 'sin_datos':
      return t(key, { ...e.params });
    case 'archivo_muy_grande':
      return t(key, { archivo: e.params.archivo, megabytes: e.params.bytes / MEGABYTE, limiteMegabytes: e.params.limite / MEGABYTE });
    case 'formato_no_soportado':
      return t(key, { archivo: e.params.archivo, formato: t(`userFile.formats.${e.params.formato}`) });
    case 'sin_encabezado':
      return t(key, { primeraFila: listText(t, e.params.primeraFila.slice(0, 4)) });
    case 'encabezado_vacio':
      return t(key, { count: e.params.columnas.length, columnas: listText(t, e.params.columnas) });
    case 'encabezados_duplicados':
      return t(key, { columnas: listText(t, e.params.columnas) });
    case 'filas_irregulares': {
      const { esperados, total, filas } = e.params;
      const more = total - filas.length;
      return t(key, {
        count: total,
        total,
        esperados,
        filas: filas.map((f) => t('userFile.parts.raggedRow', { linea: f.linea, campos: f.campos })).join(sep),
        more,
        context: more > 0 ? 'more' : undefined,
      });
    }
    case 'datos_personales':
      return t(key, { columnas: e.params.columnas.map((c) => personalColumnText(t, c)).join(sep) });
    case 'xlsx_ilegible':
      return t(key, { ...e.params });
    case 'hoja_no_encontrada':
      return t(key, { hoja: e.params.hoja, hojas: listText(t, e.params.hojas) });
    case 'geojson_invalido':
      return t(key, { archivo: e.params.archivo, context: e.params.motivo });
  }
}

export function userFileWarningText(t: TFunction, w: UserFileWarning): string {
  const key = `userFile.warnings.${w.code}`;
  switch (w.code) {
    case 'codificacion_windows_1252':
      return t(key);
    case 'codificacion_utf16':
      return t(key, { codificacion: w.params.codificacion.toUpperCase() });
    case 'texto_danado':
      return t(key, { count: w.params.lineas.length, caracteres: w.params.caracteres, lineas: listText(t, w.params.lineas) });
    case 'filas_vacias_omitidas':
      return t(key, { count: w.params.filas, filas: w.params.filas });
    case 'columnas_sin_nombre_omitidas':
      return t(key, { columnas: listText(t, w.params.columnas) });
    case 'filas_titulo_omitidas':
      return t(key, { count: w.params.filas, filas: w.params.filas, linea: w.params.linea });
    case 'encabezado_dos_filas':
      return t(key, { primera: w.params.lineas[0], segunda: w.params.lineas[1], ejemplo: w.params.ejemplo });
    case 'texto_con_datos_personales':
      return t(key, {
        hallazgos: w.params.hallazgos.map((h) => t('userFile.warnings.hallazgo', { columna: h.columna, tipo: t(`userFile.warnings.tipoTexto.${h.tipo}`), linea: h.linea })).join('; '),
      });
  }
}
