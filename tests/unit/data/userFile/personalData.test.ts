import { describe, expect, it } from 'vitest';
import { findPersonalData, personalHeaderKind } from '../../../../src/data/userFile/personalData';

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
