/** Personal data in a user's table, by header and by values: the app accepts no data about people. */
import type { PersonalColumn, PersonalDataKind } from './codes';
import { columnKey, type UserTable } from './table';

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
  // «Responsable del EESS», «Director médico», «Jefe de establecimiento»: a person's name, even when
  // the header names the place they run (the IPRESS register's director column is one).
  const ROLE = ['responsable', 'director', 'directora', 'jefe', 'jefa', 'encargado', 'encargada', 'representante', 'titular', 'contacto'];
  const NOT_A_NAME = ['unidad', 'oficina', 'area', 'entidad', 'institucion', 'organo', 'dependencia', 'cargo', 'tipo', 'numero', 'nro', 'cantidad', 'n', 'codigo', 'cod'];
  if (has(...ROLE) && !has(...NOT_A_NAME)) return 'nombre';
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

/** An 8-digit number on its own inside text («DNI 45678912», «D.N.I. N° 45678912,»), not part of a longer or decimal number. */
const DNI_IN_TEXT = /(?<!\d|\d[.,])(?!00)\d{8}(?!\d|[.,]\d)/;
/** A Peruvian mobile (9 digits starting with 9, spaces or dashes allowed) or a Lima landline with its area code. */
const PHONE_IN_TEXT = /(?<!\d|\d[.,])(?:\+?51[\s-]?)?9\d{2}[\s-]?\d{3}[\s-]?\d{3}(?!\d|[.,]\d)|\(0?1\)\s?\d{3}[\s-]?\d{4}/;

/**
 * Free text that holds a DNI-like number or a phone (a case description naming who reported it):
 * the file is not refused — a number in a sentence may be something else — but the user is warned,
 * column by column, with the first row where it appears. Text columns only: a column of numbers is
 * a measure, not a description.
 */
export function findPersonalDataInText(table: UserTable): { columna: string; tipo: 'dni' | 'telefono'; linea: number }[] {
  const out: { columna: string; tipo: 'dni' | 'telefono'; linea: number }[] = [];
  for (const col of table.columns) {
    let dni = -1;
    let phone = -1;
    let text = 0;
    table.records.forEach((r, i) => {
      const v = r[col];
      // a sentence, not a code or a number: letters and at least one space
      if (!/\p{L}/u.test(v) || !/\s/.test(v)) return;
      text++;
      if (dni < 0 && DNI_IN_TEXT.test(v)) dni = i;
      if (phone < 0 && PHONE_IN_TEXT.test(v)) phone = i;
    });
    if (text === 0) continue;
    if (dni >= 0) out.push({ columna: col, tipo: 'dni', linea: table.lines[dni] });
    if (phone >= 0) out.push({ columna: col, tipo: 'telefono', linea: table.lines[phone] });
  }
  return out;
}

/** A short label (a participant's alias) that holds a DNI-like number, a phone or an e-mail address. */
export function personalDataInLabel(text: string): 'dni' | 'telefono' | 'correo' | null {
  if (/[^\s@]+@[^\s@]+\.[^\s@]+/.test(text)) return 'correo';
  if (DNI_IN_TEXT.test(text)) return 'dni';
  if (PHONE_IN_TEXT.test(text)) return 'telefono';
  return null;
}
