import { describe, expect, it } from 'vitest';
import { findPersonalData, findPersonalDataInText, personalHeaderKind } from '../../../../src/data/userFile/personalData';
import { readUserFile } from '../../../../src/data/userFile/read';
import { userFileWarningText } from '../../../../src/i18n/userFileText';
import { userFileTranslator } from '../../../../src/i18n/translator';
import { ok, utf8 } from './helpers';

const table = (col: string, values: string[]) => ({
  columns: [col], records: values.map((v) => ({ [col]: v })), lines: values.map((_, i) => i + 2),
});

describe('personalHeaderKind', () => {
  it('recognises the usual spellings', () => {
    const kinds = Object.fromEntries([
      'Nro_Documento', 'tipo_doc', 'Nombres', 'nombre_del_paciente', 'apellido_paterno', 'celular', 'Correo electrónico',
      'email', 'Dirección', 'domicilio', 'Fecha de nacimiento', 'fecNac', 'Historia clínica', 'N° HC', 'pasaporte',
    ].map((h) => [h, personalHeaderKind(h)]));
    expect(kinds).toEqual({
      Nro_Documento: 'documento', tipo_doc: 'documento', Nombres: 'nombre', nombre_del_paciente: 'nombre',
      apellido_paterno: 'nombre', celular: 'telefono', 'Correo electrónico': 'correo', email: 'correo',
      Dirección: 'direccion', domicilio: 'direccion', 'Fecha de nacimiento': 'nacimiento', fecNac: 'nacimiento',
      'Historia clínica': 'historia_clinica', 'N° HC': 'historia_clinica', pasaporte: 'documento',
    });
  });

  it('does not flag names of places, cases or companies', () => {
    for (const h of [
      'nombre_establecimiento', 'Nombre del establecimiento', 'nombre', 'caso', 'empresa', 'nombre_caso', 'provincia',
      'telefono_establecimiento', 'direccion_establecimiento', 'Dirección Regional', 'documento_fuente', 'fecha',
      'codigo_renipress', 'ubigeo', 'competencia', 'nombre_empresa', 'historia_del_caso',
    ]) expect(personalHeaderKind(h), h).toBeNull();
  });
});

describe('findPersonalData', () => {
  it('flags personal headers by kind', () => {
    const t = { columns: ['DNI', 'Apellidos y Nombres', 'Teléfono', 'caso'], records: [{ DNI: '1', 'Apellidos y Nombres': 'P', Teléfono: '9', caso: 'X' }], lines: [2] };
    expect(findPersonalData(t)).toEqual([
      { columna: 'DNI', tipo: 'documento' }, { columna: 'Apellidos y Nombres', tipo: 'nombre' }, { columna: 'Teléfono', tipo: 'telefono' },
    ]);
  });

  it('flags 8-digit DNI-like values in id columns, not zero-padded codes', () => {
    expect(findPersonalData(table('id', ['41234567', '07654321']))).toEqual([{ columna: 'id', tipo: 'valores_dni', linea: 2 }]);
    expect(findPersonalData(table('codigo', ['00005848', '00012345']))).toEqual([]);
    expect(findPersonalData(table('codigo_renipress', ['12345678']))).toEqual([]);
    expect(findPersonalData(table('poblacion', ['12345678']))).toEqual([]);
    expect(findPersonalData(table('id', ['1', '2', '3', '41234567']))).toEqual([]);
  });

  it('flags e-mail addresses in any column, with the row', () => {
    expect(findPersonalData(table('observaciones', ['ninguna', 'escribir a juan.perez@gmail.com']))).toEqual([
      { columna: 'observaciones', tipo: 'valores_correo', linea: 3 },
    ]);
  });
});

describe('personal data hidden in free text', () => {
  it('finds a DNI and a phone inside a case description, not codes, amounts or dates in their own columns', () => {
    const t = {
      columns: ['descripcion', 'ubigeo', 'monto', 'fecha'],
      records: [
        { descripcion: 'Protesta por el agua en la comunidad', ubigeo: '080701', monto: '12345678', fecha: '2024-03-01' },
        { descripcion: 'Denuncia de Juan Pérez, DNI 45678912, celular 987 654 321', ubigeo: '080702', monto: '5000', fecha: '2024-03-02' },
      ],
      lines: [2, 3],
    };
    expect(findPersonalDataInText(t)).toEqual([
      { columna: 'descripcion', tipo: 'dni', linea: 3 },
      { columna: 'descripcion', tipo: 'telefono', linea: 3 },
    ]);
    expect(findPersonalDataInText(table('nota', ['Sin datos de personas', 'Mesa de diálogo instalada el 2024-03-05']))).toEqual([]);
    expect(findPersonalDataInText(table('nota', ['Llamar al (01) 315 6600 de la DIRESA']))).toEqual([{ columna: 'nota', tipo: 'telefono', linea: 2 }]);
  });

  it('the reader warns (in Spanish) instead of refusing, naming the column, the kind and the row', async () => {
    const csv = 'fecha;ubigeo;estado;caso\n2024-03-01;080701;activo;Reclamo de María Quispe con DNI 45678912 y teléfono 987654321\n';
    const r = ok(await readUserFile(utf8(csv), 'eventos.csv'));
    const w = r.warnings.find((x) => x.code === 'texto_con_datos_personales');
    expect(w).toBeDefined();
    const t = userFileTranslator('es');
    expect(userFileWarningText(t, w!)).toBe(
      'Atención: hay texto libre que parece contener datos de personas («caso», un número de DNI en la fila 2; «caso», un teléfono en la fila 2). La aplicación no trabaja con datos personales: quite esos datos del archivo antes de compartir el escenario o sus exportaciones.',
    );
  });
});

