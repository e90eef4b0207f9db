/**
 * A user's uploaded file (CSV/TSV/TXT or Parquet) → a table of text records, with precise typed
 * errors and warnings. Pure: runs in the browser (TextDecoder only) and in Node tests.
 * Errors and warnings carry a `code` and `params` for the UI to translate, plus a default
 * Spanish `message`.
 */
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';

export type Delimiter = ',' | ';' | '\t' | '|';
export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];
export type UserFileEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';
export type UserFileFormat = 'csv' | 'parquet';

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
/** How many offending rows an error lists (the total is given too). */
export const MAX_LISTED = 5;

export interface UserTable {
  /** Header names, trimmed, in file order. */
  columns: string[];
  /** One object per data row; every column present, missing values as ''. */
  records: Array<Record<string, string>>;
  /** Row number of each record as a spreadsheet shows it (header = 1; Parquet row i → i + 2). */
  lines: number[];
}

export type PersonalDataKind =
  | 'documento' | 'nombre' | 'telefono' | 'correo' | 'direccion' | 'nacimiento' | 'historia_clinica'
  | 'valores_dni' | 'valores_correo';

export interface PersonalColumn {
  columna: string;
  tipo: PersonalDataKind;
  /** Where a value gave it away (value checks only). */
  linea?: number;
}

export type UserFileError =
  | { code: 'archivo_vacio'; params: { archivo: string }; message: string }
  | { code: 'archivo_muy_grande'; params: { archivo: string; bytes: number; limite: number }; message: string }
  | { code: 'formato_no_soportado'; params: { archivo: string; formato: 'xlsx' | 'xls' | 'ods' | 'zip' | 'pdf' | 'json' | 'binario' }; message: string }
  | { code: 'comillas_sin_cerrar'; params: { linea: number }; message: string }
  | { code: 'sin_encabezado'; params: { primeraFila: string[] }; message: string }
  | { code: 'encabezado_vacio'; params: { columnas: number[] }; message: string }
  | { code: 'encabezados_duplicados'; params: { columnas: string[] }; message: string }
  | { code: 'sin_datos'; params: Record<string, never>; message: string }
  | { code: 'filas_irregulares'; params: { esperados: number; total: number; filas: Array<{ linea: number; campos: number }> }; message: string }
  | { code: 'datos_personales'; params: { columnas: PersonalColumn[] }; message: string }
  | { code: 'parquet_ilegible'; params: { detalle: string }; message: string };

export type UserFileErrorCode = UserFileError['code'];

export type UserFileWarning =
  | { code: 'codificacion_windows_1252'; params: Record<string, never>; message: string }
  | { code: 'codificacion_utf16'; params: { codificacion: 'utf-16le' | 'utf-16be' }; message: string }
  | { code: 'texto_danado'; params: { caracteres: number; lineas: number[] }; message: string }
  | { code: 'filas_vacias_omitidas'; params: { filas: number }; message: string }
  | { code: 'columnas_sin_nombre_omitidas'; params: { columnas: number[] }; message: string };

export type UserFileWarningCode = UserFileWarning['code'];

export type UserFileResult =
  | {
      ok: true;
      format: UserFileFormat;
      table: UserTable;
      /** The detected delimiter (CSV only; null for a one-column file). */
      delimiter: Delimiter | null;
      /** How the text was decoded (CSV only). */
      encoding: UserFileEncoding | null;
      warnings: UserFileWarning[];
    }
  | { ok: false; error: UserFileError; warnings: UserFileWarning[] };

// ---------------------------------------------------------------------------------------------
// Messages

const DELIMITER_NAMES: Record<Delimiter, string> = { ',': 'coma', ';': 'punto y coma', '\t': 'tabulador', '|': 'barra vertical' };
export const delimiterName = (d: Delimiter) => DELIMITER_NAMES[d];

const FORMAT_NAMES = {
  xlsx: 'un libro de Excel (.xlsx)', xls: 'un libro de Excel antiguo (.xls)', ods: 'una hoja de cálculo de LibreOffice (.ods)',
  zip: 'un archivo comprimido ZIP', pdf: 'un PDF', json: 'un archivo JSON', binario: 'un archivo binario',
} as const;

const PERSONAL_NAMES: Record<PersonalDataKind, string> = {
  documento: 'documento de identidad', nombre: 'nombre o apellido de una persona', telefono: 'teléfono',
  correo: 'correo electrónico', direccion: 'dirección o domicilio', nacimiento: 'fecha de nacimiento',
  historia_clinica: 'historia clínica', valores_dni: 'valores con forma de DNI', valores_correo: 'direcciones de correo',
};

const list = (xs: readonly (string | number)[]) => xs.map((x) => (typeof x === 'string' ? `«${x}»` : String(x))).join(', ');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;

type Msgless<T> = T extends { message: string } ? Omit<T, 'message'> : never;

/** Default Spanish text of an error. */
export function userFileErrorMessage(e: Msgless<UserFileError>): string {
  switch (e.code) {
    case 'archivo_vacio':
      return `El archivo «${e.params.archivo}» está vacío.`;
    case 'archivo_muy_grande':
      return `El archivo «${e.params.archivo}» pesa ${mb(e.params.bytes)}; el máximo es ${mb(e.params.limite)}.`;
    case 'formato_no_soportado':
      return `El archivo «${e.params.archivo}» es ${FORMAT_NAMES[e.params.formato]}. Guárdelo como CSV (delimitado por comas o punto y coma) o Parquet.`;
    case 'comillas_sin_cerrar':
      return `Hay comillas sin cerrar desde la fila ${e.params.linea}.`;
    case 'sin_encabezado':
      return `La primera fila (${list(e.params.primeraFila.slice(0, 4))}…) parece de datos: el archivo necesita una fila de encabezado con los nombres de las columnas.`;
    case 'encabezado_vacio':
      return e.params.columnas.length === 1
        ? `El encabezado no tiene nombre en la columna ${e.params.columnas[0]}, que sí tiene datos.`
        : `El encabezado no tiene nombre en las columnas ${list(e.params.columnas)}, que sí tienen datos.`;
    case 'encabezados_duplicados':
      return `Hay columnas con el mismo nombre (sin contar mayúsculas ni tildes): ${list(e.params.columnas)}.`;
    case 'sin_datos':
      return 'El archivo tiene encabezado pero ninguna fila de datos.';
    case 'filas_irregulares': {
      const shown = e.params.filas.map((f) => `fila ${f.linea} (${f.campos})`).join(', ');
      const more = e.params.total > e.params.filas.length ? ` y ${e.params.total - e.params.filas.length} más` : '';
      return `${e.params.total} ${e.params.total === 1 ? 'fila no tiene' : 'filas no tienen'} ${e.params.esperados} campos como el encabezado: ${shown}${more}.`;
    }
    case 'datos_personales': {
      const cols = e.params.columnas.map((c) => `«${c.columna}» (${PERSONAL_NAMES[c.tipo]}${c.linea ? `, fila ${c.linea}` : ''})`).join(', ');
      return `El archivo parece contener datos personales: ${cols}. Quite esas columnas o valores y vuelva a cargarlo; la aplicación no acepta datos de personas.`;
    }
    case 'parquet_ilegible':
      return `No se pudo leer el archivo Parquet: ${e.params.detalle}.`;
  }
}

/** Default Spanish text of a warning. */
export function userFileWarningMessage(w: Msgless<UserFileWarning>): string {
  switch (w.code) {
    case 'codificacion_windows_1252':
      return 'El archivo no está en UTF-8: se leyó como Latin-1 (Windows-1252), la codificación habitual de Excel en Windows. Revise las tildes y eñes.';
    case 'codificacion_utf16':
      return `El archivo está en ${w.params.codificacion.toUpperCase()} («Texto Unicode» de Excel): se leyó correctamente.`;
    case 'texto_danado':
      return `El texto tiene ${w.params.caracteres} caracteres dañados (\uFFFD), por ejemplo en ${w.params.lineas.length === 1 ? 'la línea' : 'las líneas'} ${list(w.params.lineas)}: ` +
        'el archivo perdió sus tildes y eñes en una conversión anterior.';
    case 'filas_vacias_omitidas':
      return `Se omitieron ${w.params.filas} filas vacías.`;
    case 'columnas_sin_nombre_omitidas':
      return `Se omitieron columnas vacías y sin nombre (${list(w.params.columnas)}).`;
  }
}

function fail(e: Msgless<UserFileError>, warnings: UserFileWarning[] = []): UserFileResult {
  return { ok: false, error: { ...e, message: userFileErrorMessage(e) } as UserFileError, warnings };
}
function warn(w: Msgless<UserFileWarning>): UserFileWarning {
  return { ...w, message: userFileWarningMessage(w) } as UserFileWarning;
}

// ---------------------------------------------------------------------------------------------
// Bytes → text

const startsWith = (b: Uint8Array, sig: readonly number[]) => sig.every((x, i) => b[i] === x);

/** Recognises files that are not text tables by their first bytes. */
export function sniffFormat(
  bytes: Uint8Array,
  fileName: string,
): 'parquet' | 'text' | 'utf-16le' | 'utf-16be' | Extract<UserFileError, { code: 'formato_no_soportado' }>['params']['formato'] {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if (startsWith(bytes, [0x50, 0x41, 0x52, 0x31])) return 'parquet'; // "PAR1"
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return ext === 'xlsx' || ext === 'xlsm' ? 'xlsx' : ext === 'ods' ? 'ods' : 'zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return 'xls';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf'; // "%PDF"
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be';
  const head = bytes.subarray(0, 8192);
  let zerosOdd = 0;
  let zerosEven = 0;
  for (let i = 0; i < head.length; i++) if (head[i] === 0) (i % 2 ? zerosOdd++ : zerosEven++);
  // UTF-16 without a BOM: ASCII text leaves every other byte zero.
  if (head.length >= 4 && zerosOdd > head.length / 4 && zerosEven === 0) return 'utf-16le';
  if (head.length >= 4 && zerosEven > head.length / 4 && zerosOdd === 0) return 'utf-16be';
  if (zerosOdd + zerosEven > 0) return 'binario';
  const firstChar = new TextDecoder().decode(bytes.subarray(0, 64)).trimStart()[0];
  if ((ext === 'json' || ext === 'geojson') && (firstChar === '{' || firstChar === '[')) return 'json';
  return 'text';
}

/** UTF-8 when the bytes are valid UTF-8, else Windows-1252 (Excel's "CSV" on Windows). */
export function decodeText(bytes: Uint8Array, encoding?: 'utf-16le' | 'utf-16be'): { text: string; encoding: UserFileEncoding } {
  if (encoding) return { text: stripBom(new TextDecoder(encoding).decode(bytes)), encoding };
  try {
    return { text: stripBom(new TextDecoder('utf-8', { fatal: true }).decode(bytes)), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

const stripBom = (t: string) => (t.charCodeAt(0) === 0xfeff ? t.slice(1) : t);

// ---------------------------------------------------------------------------------------------
// Delimited text

export interface ParsedRows {
  rows: string[][];
  /** Line where each row starts (1-based). */
  lines: number[];
  /** Set when a quoted field never closes: the line where it opened. */
  unclosedQuoteLine?: number;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

function newlinesBetween(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) n++;
  }
  return n;
}

/**
 * RFC 4180 splitting: a field that starts with `"` may hold delimiters, newlines and `""`.
 * Lenient where Excel is: text after a closing quote is kept. CRLF, LF and CR all end rows.
 */
export function splitDelimited(text: string, delimiter: Delimiter): ParsedRows {
  const d = delimiter.charCodeAt(0);
  const rows: string[][] = [];
  const lines: number[] = [];
  const n = text.length;
  let row: string[] = [];
  let i = 0;
  let line = 1;
  let rowLine = 1;
  const isEnd = (c: number) => c === d || c === LF || c === CR;
  for (;;) {
    let value: string;
    if (i < n && text.charCodeAt(i) === QUOTE) {
      const openLine = line;
      let j = i + 1;
      let close = -1;
      for (;;) {
        const k = text.indexOf('"', j);
        if (k < 0) break;
        if (text.charCodeAt(k + 1) === QUOTE) j = k + 2;
        else {
          close = k;
          break;
        }
      }
      if (close < 0) {
        if (row.length > 0) {
          rows.push(row);
          lines.push(rowLine);
        }
        return { rows, lines, unclosedQuoteLine: openLine };
      }
      line += newlinesBetween(text, i + 1, close);
      value = text.slice(i + 1, close).replace(/""/g, '"').replace(/\r\n?/g, '\n');
      i = close + 1;
      let e = i;
      while (e < n && !isEnd(text.charCodeAt(e))) e++;
      value += text.slice(i, e);
      i = e;
    } else {
      let e = i;
      while (e < n && !isEnd(text.charCodeAt(e))) e++;
      value = text.slice(i, e);
      i = e;
    }
    row.push(value);
    if (i >= n) {
      rows.push(row);
      lines.push(rowLine);
      break;
    }
    const c = text.charCodeAt(i);
    if (c === d) {
      i++;
      continue;
    }
    rows.push(row);
    lines.push(rowLine);
    row = [];
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    line++;
    rowLine = line;
    if (i >= n) break;
  }
  return { rows, lines };
}

const isBlankRow = (r: readonly string[]) => r.every((v) => v.trim() === '');
/** Same width as the header, or wider only by empty trailing fields (Excel writes those). */
const fits = (r: readonly string[], width: number) => r.length === width || (r.length > width && r.slice(width).every((v) => v.trim() === ''));

/**
 * The delimiter that splits the first rows most consistently into at least two columns
 * (ties: more columns, then the order of DELIMITERS). Peruvian Excel writes `;` because the
 * decimal separator is the comma. Null for a one-column file.
 */
export function detectDelimiter(text: string, sampleChars = 64 * 1024): Delimiter | null {
  let sample = text.slice(0, sampleChars);
  if (text.length > sampleChars) sample = sample.slice(0, Math.max(sample.lastIndexOf('\n'), 0));
  let best: { d: Delimiter; share: number; width: number } | null = null;
  for (const d of DELIMITERS) {
    const rows = splitDelimited(sample, d).rows.filter((r) => !isBlankRow(r)).slice(0, 200);
    if (rows.length === 0 || rows[0].length < 2) continue;
    const width = rows[0].length;
    const data = rows.slice(1);
    const share = data.length === 0 ? 1 : data.filter((r) => fits(r, width)).length / data.length;
    if (!best || share > best.share || (share === best.share && width > best.width)) best = { d, share, width };
  }
  return best?.d ?? null;
}

const VALUE_LIKE = [
  /^[-+]?\d+([.,]\d+)?$/, // numbers, codes
  /^\d{4}-\d{1,2}(-\d{1,2})?$/, // ISO dates, months
  /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/, // dd/mm/yyyy
];
const looksLikeValue = (s: string) => VALUE_LIKE.some((re) => re.test(s.trim()));

/** Header checks and records, shared by CSV and Parquet. */
function buildTable(
  header: string[],
  rows: string[][],
  lines: number[],
  warnings: UserFileWarning[],
): { ok: true; table: UserTable } | { ok: false; result: UserFileResult } {
  const names = header.map((h) => h.trim());
  const filled = names.filter((h) => h !== '');
  if (filled.length > 0 && filled.every(looksLikeValue)) {
    return { ok: false, result: fail({ code: 'sin_encabezado', params: { primeraFila: names } }, warnings) };
  }
  // Nameless columns: dropped if empty in every row, an error otherwise.
  const keep: number[] = [];
  const droppedEmpty: number[] = [];
  const namelessWithData: number[] = [];
  names.forEach((name, c) => {
    if (name !== '') keep.push(c);
    else if (rows.every((r) => (r[c] ?? '').trim() === '')) droppedEmpty.push(c + 1);
    else namelessWithData.push(c + 1);
  });
  if (namelessWithData.length > 0) {
    return { ok: false, result: fail({ code: 'encabezado_vacio', params: { columnas: namelessWithData } }, warnings) };
  }
  if (droppedEmpty.length > 0) warnings.push(warn({ code: 'columnas_sin_nombre_omitidas', params: { columnas: droppedEmpty } }));
  const seen = new Map<string, string>();
  const dup: string[] = [];
  for (const c of keep) {
    const k = columnKey(names[c]);
    if (seen.has(k)) {
      if (!dup.includes(seen.get(k)!)) dup.push(seen.get(k)!);
      dup.push(names[c]);
    } else seen.set(k, names[c]);
  }
  if (dup.length > 0) return { ok: false, result: fail({ code: 'encabezados_duplicados', params: { columnas: dup } }, warnings) };
  if (rows.length === 0) return { ok: false, result: fail({ code: 'sin_datos', params: {} }, warnings) };
  const columns = keep.map((c) => names[c]);
  const records = rows.map((r) => {
    const rec: Record<string, string> = {};
    for (const c of keep) rec[names[c]] = r[c] ?? '';
    return rec;
  });
  return { ok: true, table: { columns, records, lines } };
}

/** Parses decoded text (no encoding or size checks): the CSV half of readUserFile. */
export function parseDelimitedText(
  text: string,
  fileName = 'archivo',
): UserFileResult {
  const warnings: UserFileWarning[] = [];
  if (text.trim() === '') return fail({ code: 'archivo_vacio', params: { archivo: fileName } });
  const detected = detectDelimiter(text);
  const parsed = splitDelimited(text, detected ?? ',');
  if (parsed.unclosedQuoteLine !== undefined) {
    return fail({ code: 'comillas_sin_cerrar', params: { linea: parsed.unclosedQuoteLine } });
  }
  let blankRows = 0;
  const rows: string[][] = [];
  const lines: number[] = [];
  parsed.rows.forEach((r, i) => {
    if (isBlankRow(r)) {
      // A lone empty line is formatting; ";;;;" is an empty spreadsheet row worth mentioning.
      if (r.length > 1) blankRows++;
      return;
    }
    rows.push(r);
    lines.push(parsed.lines[i]);
  });
  if (rows.length === 0) return fail({ code: 'archivo_vacio', params: { archivo: fileName } });
  if (blankRows > 0) warnings.push(warn({ code: 'filas_vacias_omitidas', params: { filas: blankRows } }));
  const [header, ...data] = rows;
  const dataLines = lines.slice(1);
  const width = header.length;
  const bad = data.flatMap((r, i) => (fits(r, width) ? [] : [{ linea: dataLines[i], campos: r.length }]));
  if (bad.length > 0) {
    return fail({ code: 'filas_irregulares', params: { esperados: width, total: bad.length, filas: bad.slice(0, MAX_LISTED) } }, warnings);
  }
  const built = buildTable(header, data, dataLines, warnings);
  if (!built.ok) return built.result;
  return { ok: true, format: 'csv', table: built.table, delimiter: detected, encoding: null, warnings };
}

// ---------------------------------------------------------------------------------------------
// Parquet

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) {
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (v instanceof Uint8Array) return new TextDecoder().decode(v);
  return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? String(x) : x));
}

async function readParquet(bytes: Uint8Array): Promise<{ ok: true; header: string[]; rows: string[][] } | { ok: false; detalle: string }> {
  // hyparquet wants an ArrayBuffer of exactly the file.
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  try {
    const metadata = parquetMetadata(buffer);
    const header = parquetSchema(metadata).children.map((c) => c.element.name);
    const objects = await parquetReadObjects({ file: buffer, metadata, compressors });
    return { ok: true, header, rows: objects.map((o) => header.map((h) => cellText(o[h]))) };
  } catch (e) {
    return { ok: false, detalle: e instanceof Error ? e.message : String(e) };
  }
}

// ---------------------------------------------------------------------------------------------
// Personal data

const columnKey = (h: string) =>
  h
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');

/** Words that make a name, phone, address or e-mail column about a place or an organisation. */
const NOT_A_PERSON = new Set([
  'establecimiento', 'eess', 'ipress', 'renipress', 'institucion', 'institucional', 'entidad', 'empresa', 'oficina',
  'municipalidad', 'municipio', 'sede', 'local', 'centro', 'unidad', 'red', 'microrred', 'caso', 'conflicto',
  'distrito', 'provincia', 'departamento', 'region', 'lugar', 'proyecto', 'comunidad', 'organizacion', 'gobierno',
  'dependencia', 'hospital', 'posta', 'mina', 'minera', 'ugel', 'colegio', 'escuela', 'ccpp', 'regional', 'diresa', 'geresa',
  'poblado', 'localidad', 'sector', 'zona', 'cuenca', 'rio', 'corredor', 'frente', 'ong', 'asociacion', 'gremio',
  'fuente', 'reporte', 'informe', 'referencia', 'resolucion', 'norma', 'ley', 'archivo', 'indicador',
]);
const PERSON = new Set([
  'persona', 'paciente', 'completo', 'titular', 'representante', 'responsable', 'director', 'contacto', 'usuario',
  'ciudadano', 'denunciante', 'afectado', 'trabajador', 'primer', 'segundo', 'pila', 'beneficiario', 'asegurado',
  'medico', 'solicitante', 'propietario', 'dirigente', 'lider', 'vocero', 'jefe', 'encargado', 'full', 'first', 'last',
]);

/** The kind of personal data a header names, or null. */
export function personalHeaderKind(header: string): PersonalDataKind | null {
  const k = columnKey(header);
  const t = k.split('_').filter(Boolean);
  const has = (...ws: string[]) => ws.some((w) => t.includes(w));
  const aboutPlace = t.some((w) => NOT_A_PERSON.has(w));
  const aboutPerson = t.some((w) => PERSON.has(w));
  if (has('dni', 'pasaporte') || k.includes('carnet_de_extranjeria') || k.includes('carnet_extranjeria')) return 'documento';
  if (has('documento') && !aboutPlace) return 'documento';
  if (has('doc') && has('nro', 'num', 'numero', 'n', 'tipo', 'identidad')) return 'documento';
  if (has('apellido', 'apellidos', 'paterno', 'materno', 'surname', 'lastname')) return 'nombre';
  if (has('nombres') && !aboutPlace) return 'nombre';
  if (has('nombre', 'name') && aboutPerson) return 'nombre';
  if (has('telefono', 'celular', 'movil', 'whatsapp', 'fono', 'tel', 'phone', 'telf') && !aboutPlace) return 'telefono';
  if (has('correo', 'email', 'mail', 'e_mail') && !aboutPlace) return 'correo';
  if (k === 'e_mail' || k === 'e_mail_address') return 'correo';
  if (has('domicilio', 'residencia')) return 'direccion';
  if (has('direccion', 'address') && !aboutPlace) return 'direccion';
  if (has('nacimiento', 'birth', 'birthdate') || (has('nac') && has('fecha', 'fec', 'f'))) return 'nacimiento';
  if ((has('historia') && has('clinica')) || has('hc', 'nhc')) return 'historia_clinica';
  return null;
}

/** Columns named like an identifier (where 8-digit values would be DNIs). */
function idLikeColumn(header: string): boolean {
  const t = columnKey(header).split('_').filter(Boolean);
  const idWord = t.some((w) => ['id', 'dni', 'doc', 'documento', 'codigo', 'cod', 'numero', 'nro', 'num', 'identificacion', 'identidad', 'ident'].includes(w));
  const knownCode = t.some((w) => ['ubigeo', 'ruc', 'renipress', 'ipress', 'inei', 'ccpp', 'expediente', 'establecimiento', 'eess', 'caso', 'proyecto', 'concesion'].includes(w));
  return idWord && !knownCode;
}

// A DNI has 8 digits; codes zero-padded to 8 (RENIPRESS "00005848") start with "00".
const DNI = /^(?!00)\d{8}$/;
const EMAIL = /[^\s@,;:<>()"']+@[^\s@,;:<>()"']+\.[a-z]{2,}/i;

/** Personal-data columns, by header and by values; empty when none. */
export function findPersonalData(table: UserTable): PersonalColumn[] {
  const out: PersonalColumn[] = [];
  for (const col of table.columns) {
    const tipo = personalHeaderKind(col);
    if (tipo) {
      out.push({ columna: col, tipo });
      continue;
    }
    let filled = 0;
    let dni = 0;
    let firstDni = -1;
    let emailLine = -1;
    table.records.forEach((r, i) => {
      const v = r[col].trim();
      if (v === '') return;
      filled++;
      if (DNI.test(v)) {
        dni++;
        if (firstDni < 0) firstDni = i;
      }
      if (emailLine < 0 && EMAIL.test(v)) emailLine = i;
    });
    if (emailLine >= 0) out.push({ columna: col, tipo: 'valores_correo', linea: table.lines[emailLine] });
    else if (idLikeColumn(col) && dni > 0 && dni >= filled / 2) {
      out.push({ columna: col, tipo: 'valores_dni', linea: table.lines[firstDni] });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The entry point

export interface ReadUserFileOptions {
  /** Largest accepted file, in bytes (default 50 MB). */
  maxBytes?: number;
}

/** Reads an uploaded file's bytes into a table of text records. */
export async function readUserFile(
  input: Uint8Array | ArrayBuffer,
  fileName: string,
  options: ReadUserFileOptions = {},
): Promise<UserFileResult> {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.byteLength === 0) return fail({ code: 'archivo_vacio', params: { archivo: fileName } });
  if (bytes.byteLength > maxBytes) {
    return fail({ code: 'archivo_muy_grande', params: { archivo: fileName, bytes: bytes.byteLength, limite: maxBytes } });
  }
  const kind = sniffFormat(bytes, fileName);
  let result: UserFileResult;
  if (kind === 'parquet') {
    const pq = await readParquet(bytes);
    if (!pq.ok) return fail({ code: 'parquet_ilegible', params: { detalle: pq.detalle } });
    const warnings: UserFileWarning[] = [];
    const built = buildTable(pq.header, pq.rows, pq.rows.map((_, i) => i + 2), warnings);
    if (!built.ok) return built.result;
    result = { ok: true, format: 'parquet', table: built.table, delimiter: null, encoding: null, warnings };
  } else if (kind === 'text' || kind === 'utf-16le' || kind === 'utf-16be') {
    const { text, encoding } = decodeText(bytes, kind === 'text' ? undefined : kind);
    const pre: UserFileWarning[] = [];
    if (encoding === 'windows-1252') pre.push(warn({ code: 'codificacion_windows_1252', params: {} }));
    if (encoding === 'utf-16le' || encoding === 'utf-16be') pre.push(warn({ code: 'codificacion_utf16', params: { codificacion: encoding } }));
    const damaged = damagedText(text);
    if (damaged) pre.push(warn({ code: 'texto_danado', params: damaged }));
    const parsed = parseDelimitedText(text, fileName);
    if (!parsed.ok) return { ...parsed, warnings: [...pre, ...parsed.warnings] };
    result = { ...parsed, encoding, warnings: [...pre, ...parsed.warnings] };
  } else {
    return fail({ code: 'formato_no_soportado', params: { archivo: fileName, formato: kind } });
  }
  const personal = findPersonalData(result.table);
  if (personal.length > 0) return fail({ code: 'datos_personales', params: { columnas: personal } }, result.warnings);
  return result;
}

/** U+FFFD left by an earlier bad conversion: how many, and the first lines holding one. */
function damagedText(text: string): { caracteres: number; lineas: number[] } | null {
  let count = 0;
  const lineas: number[] = [];
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) line++;
    else if (c === 0xfffd) {
      count++;
      if (lineas.length < MAX_LISTED && lineas[lineas.length - 1] !== line) lineas.push(line);
    }
  }
  return count > 0 ? { caracteres: count, lineas } : null;
}
