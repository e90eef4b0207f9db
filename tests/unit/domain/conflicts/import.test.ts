import { describe, expect, it } from 'vitest';
import { CONFLICT_EVENT_COLUMNS } from '../../../../src/domain/conflicts/schema';
import { conflictEventsFromTable, USER_SERIES, type ConflictImportResult } from '../../../../src/domain/conflicts/import';
import { BAD_ROWS, gaz, table } from './fixtures';

function ok(r: ConflictImportResult) {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}`);
  return r;
}

describe('conflictEventsFromTable', () => {
  it('places rows by UBIGEO (lost zeros padded) or by names, accents and case ignored', () => {
    const r = ok(conflictEventsFromTable(table(`
fecha;ubigeo;departamento;provincia;distrito;estado;caso;empresa;violencia;dialogo;lat;lon
2024-03-15;30506;;;;Activo;CC Chila - Las Bambas;Minera Las Bambas S.A.;Sí;No;-14.1187849;-72.2475967
15/03/2024;;APURIMAC;cotabambas;CHALLHUAHUACHO;latent;Otro;;no;si;;
2024-03;;Huanuco;Huamalies;;resolved;Llata;;;;;
2024-W11;0807;;;;;Espinar;;;;;
`), gaz, { fuente: 'Prueba', serie: 'prueba_v1', idPrefix: 'p' }));
    expect(r.rejected).toEqual([]);
    expect(r.warnings).toEqual([]);
    const [a, b, c, d] = r.events;
    expect(a).toMatchObject({
      id: 'p_001', ubigeo: '030506', ubigeo_prov: '0305', ubigeo_dep: '03', nivel_ubicacion: 'distrito',
      departamento: 'Apurímac', provincia: 'Cotabambas', distrito: 'Challhuahuacho', estado: 'activo', estado_fuente: 'Activo',
      violencia: true, dialogo: false, lon: -72.2475967, lat: -14.1187849, origen_coordenadas: 'fuente',
      periodo: '2024-03-15', precision_fecha: 'dia', fuente: 'Prueba', serie: 'prueba_v1', ubicacion_punto: null,
    });
    expect(b).toMatchObject({ ubigeo: '030506', estado: 'latente', origen_coordenadas: 'centroide', lon: -72.25, lat: -14.12 });
    expect(c).toMatchObject({
      ubigeo: null, ubigeo_prov: '1005', nivel_ubicacion: 'provincia', provincia: 'Huamalíes', distrito: null,
      estado: 'resuelto', periodo: '2024-03', fecha_inicio: '2024-03-01', fecha_fin: '2024-03-31', lon: -76.8,
    });
    expect(d).toMatchObject({ ubigeo: null, ubigeo_prov: '0807', nivel_ubicacion: 'provincia', estado: null, precision_fecha: 'semana' });
    // Every event has exactly the parquet's columns.
    expect(Object.keys(a).sort()).toEqual(CONFLICT_EVENT_COLUMNS.map((col) => col.name).sort());
  });

  it('refuses a file over the row limit whole, naming both numbers', () => {
    const csv = `fecha;ubigeo\n${Array.from({ length: 6 }, () => '2024-03;0807').join('\n')}\n`;
    const over = conflictEventsFromTable(table(csv), gaz, { maxRows: 5 });
    expect(over).toEqual({ ok: false, error: { code: 'demasiadas_filas', params: { filas: 6, limite: 5 } } });
    expect(ok(conflictEventsFromTable(table(csv), gaz, { maxRows: 6 })).events).toHaveLength(6);
  });

  it('falls back to the province when the district is unknown or not given, with a warning', () => {
    const r = ok(conflictEventsFromTable(table(`
fecha;departamento;provincia;distrito
2024-03;Cajamarca;Cajamarca;Cajamarca
2024-03;Cajamarca;Cajamarca;Sn Marcos
2024-03;Apurímac;Cotabambas;No detalla
2024-03;Apurímac;Cotabambas;Cotabamba
`), gaz));
    expect(r.events.map((e) => [e.nivel_ubicacion, e.ubigeo ?? e.ubigeo_prov, e.distrito_fuente])).toEqual([
      ['distrito', '060101', null], ['provincia', '0601', 'Sn Marcos'], ['provincia', '0305', 'No detalla'], ['provincia', '0305', 'Cotabamba'],
    ]);
    expect(r.warnings).toEqual([
      { line: 3, code: 'distrito_no_encontrado', params: { distrito: 'Sn Marcos', provincia: 'Cajamarca', departamento: 'Cajamarca' } },
      { line: 4, code: 'distrito_no_detallado', params: { distrito: 'No detalla', provincia: 'Cotabambas' } },
      { line: 5, code: 'distrito_no_encontrado', params: { distrito: 'Cotabamba', provincia: 'Cotabambas', departamento: 'Apurímac', sugerencia: 'Cotabambas' } },
    ]);
    // Issues are codes with params: no text.
    expect(r.warnings.every((w) => !('message' in w))).toBe(true);
  });

  it('rejects rows it cannot read, with codes, params and spreadsheet row numbers', () => {
    const r = ok(conflictEventsFromTable(table(`${BAD_ROWS}2024-03;;;;Llata;\n`), gaz));
    expect(r.events.map((e) => e.ubigeo ?? e.ubigeo_prov)).toEqual(['0807', '100501']);
    expect(r.rejected).toEqual([
      { line: 3, code: 'fecha_invalida', params: { valor: '31/02/2024', formato: 'reconocido' } },
      { line: 4, code: 'fecha_invalida', params: { valor: 'marzo', formato: 'desconocido' } },
      { line: 5, code: 'fecha_vacia', params: {} },
      { line: 6, code: 'sin_ubicacion', params: {} },
      { line: 7, code: 'ubigeo_desconocido', params: { ubigeo: '999999' } },
      { line: 8, code: 'departamento_desconocido', params: { departamento: 'Cuzco', sugerencia: 'Cusco' } },
      { line: 9, code: 'provincia_desconocida', params: { provincia: 'Espinal', departamento: 'Cusco', sugerencia: 'Espinar' } },
      { line: 10, code: 'sin_provincia', params: { departamento: 'Cusco' } },
      { line: 11, code: 'distrito_ambiguo', params: { distrito: 'Santa Rosa', provincias: 'Espinar, Cusco; Huamalíes, Huánuco' } },
      { line: 12, code: 'estado_desconocido', params: { valor: 'en pausa' } },
    ]);
  });

  it('uses the row numbers it is given (records spanning several lines)', () => {
    const r = ok(conflictEventsFromTable({ columns: ['fecha', 'provincia'], records: [{ fecha: 'x', provincia: 'Espinar' }], lines: [7] }, gaz));
    expect(r.rejected).toEqual([{ line: 7, code: 'fecha_invalida', params: { valor: 'x', formato: 'desconocido' } }]);
  });

  it('says which required columns are missing, as codes', () => {
    const r = conflictEventsFromTable(table('caso;empresa\nA;B'), gaz);
    expect(r).toEqual({ ok: false, error: { code: 'faltan_columnas', params: { faltan: ['fecha', 'ubicacion'] } } });
    // A default period makes the date column optional.
    expect(conflictEventsFromTable(table('provincia\nEspinar'), gaz, { periodo: '2024-03' }).ok).toBe(true);
    expect(conflictEventsFromTable(table('fecha\n2024-03'), gaz)).toEqual({ ok: false, error: { code: 'faltan_columnas', params: { faltan: ['ubicacion'] } } });
    const empty = conflictEventsFromTable({ columns: ['fecha', 'ubigeo'], records: [] }, gaz);
    expect(empty).toEqual({ ok: false, error: { code: 'sin_filas', params: {} } });
  });

  it('keeps points in Peru, swaps crossed coordinates back and otherwise uses the centroid', () => {
    const r = ok(conflictEventsFromTable(table(`
fecha;ubigeo;lat;lon
2024-03;080701;-14,79;-71,41
2024-03;080701;-71.41;-14.79
2024-03;080701;40.4;-3.7
2024-03;080701;abc;-71
2024-03;080701;;
`), gaz));
    expect(r.events.map((e) => [e.lat, e.lon, e.origen_coordenadas])).toEqual([
      [-14.79, -71.41, 'fuente'], [-14.79, -71.41, 'fuente'], [-14.79, -71.41, 'centroide'], [-14.79, -71.41, 'centroide'], [-14.79, -71.41, 'centroide'],
    ]);
    expect(r.warnings.map((w) => [w.line, w.code])).toEqual([[3, 'coordenadas_intercambiadas'], [4, 'coordenadas_fuera_del_peru'], [5, 'coordenadas_invalidas']]);
  });

  it('warns when the UBIGEO and the names disagree (the UBIGEO wins) or the UBIGEO is unknown', () => {
    const r = ok(conflictEventsFromTable(table(`
fecha;ubigeo;provincia;distrito
2024-03;080701;Cajamarca;
2024-03;080799;;
2024-03;990101;Espinar;
2024-03;1501;;
`), gaz));
    expect(r.events.map((e) => e.ubigeo ?? e.ubigeo_prov)).toEqual(['080701', '0807', '0807', '1501']);
    expect(r.warnings.map((w) => [w.line, w.code])).toEqual([
      [2, 'ubigeo_no_coincide_con_nombres'], [3, 'ubigeo_distrito_desconocido'], [4, 'ubigeo_desconocido_se_usan_nombres'],
    ]);
    // Lima province has no entry of its own: its point is the mean of its districts.
    expect(r.events[3].lon).toBeCloseTo(-77.1, 10);
  });

  it('leaves a yes/no it cannot read empty, with a warning naming the file column', () => {
    const r = ok(conflictEventsFromTable(table('fecha;ubigeo;Violencia\n2024-03;080701;tal vez'), gaz));
    expect(r.events[0].violencia).toBeNull();
    expect(r.warnings).toEqual([{ line: 2, code: 'si_no_invalido', params: { columna: 'Violencia', valor: 'tal vez' } }]);
  });

  it('fills the defaults: user series, source and ids', () => {
    const r = ok(conflictEventsFromTable(table('fecha;ubigeo;fuente\n2024-03;080701;\n2024-03;080701;Mi fuente'), gaz));
    expect(r.events.map((e) => [e.id, e.serie, e.fuente])).toEqual([
      ['usuario_001', USER_SERIES, 'Archivo del usuario'], ['usuario_002', USER_SERIES, 'Mi fuente'],
    ]);
    expect(r.columns).toEqual({ fecha: 'fecha', ubigeo: 'ubigeo', fuente: 'fuente' });
  });
});
