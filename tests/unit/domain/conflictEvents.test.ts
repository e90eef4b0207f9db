import { describe, expect, it } from 'vitest';
import {
  CONFLICT_EVENT_COLUMNS, buildGazetteer, conflictEventsFromTable, mapColumns, normaliseStatus, parseNumber,
  parsePeriod, parseYesNo, type ConflictImportResult, type GazetteerPlace,
} from '../../../src/domain/conflictEvents';

// A small gazetteer: real names and codes, coordinates rounded. "Santa Rosa" is a district in
// two provinces here (as it is, many times, in Peru); "Huamalíes" keeps its accent.
const places: GazetteerPlace[] = [
  { ubigeo: '0305', departamento: 'Apurímac', provincia: 'Cotabambas', lon: -72.2, lat: -14.0 },
  { ubigeo: '030506', departamento: 'Apurímac', provincia: 'Cotabambas', distrito: 'Challhuahuacho', lon: -72.25, lat: -14.12 },
  { ubigeo: '030502', departamento: 'Apurímac', provincia: 'Cotabambas', distrito: 'Cotabambas', lon: -72.35, lat: -13.75 },
  { ubigeo: '0601', departamento: 'Cajamarca', provincia: 'Cajamarca', lon: -78.5, lat: -7.1 },
  { ubigeo: '060101', departamento: 'Cajamarca', provincia: 'Cajamarca', distrito: 'Cajamarca', lon: -78.52, lat: -7.16 },
  { ubigeo: '060108', departamento: 'Cajamarca', provincia: 'Cajamarca', distrito: 'Los Baños del Inca', lon: -78.47, lat: -7.16 },
  { ubigeo: '0807', departamento: 'Cusco', provincia: 'Espinar', lon: -71.4, lat: -14.8 },
  { ubigeo: '080701', departamento: 'Cusco', provincia: 'Espinar', distrito: 'Espinar', lon: -71.41, lat: -14.79 },
  { ubigeo: '080704', departamento: 'Cusco', provincia: 'Espinar', distrito: 'Santa Rosa', lon: -71.5, lat: -14.7 },
  { ubigeo: '1005', departamento: 'Huánuco', provincia: 'Huamalíes', lon: -76.8, lat: -9.5 },
  { ubigeo: '100501', departamento: 'Huánuco', provincia: 'Huamalíes', distrito: 'Llata', lon: -76.82, lat: -9.55 },
  { ubigeo: '100511', departamento: 'Huánuco', provincia: 'Huamalíes', distrito: 'Santa Rosa', lon: -76.7, lat: -9.4 },
  // A province given only through its districts: its point is their mean.
  { ubigeo: '150101', departamento: 'Lima', provincia: 'Lima', distrito: 'Lima', lon: -77.04, lat: -12.05 },
  { ubigeo: '150102', departamento: 'Lima', provincia: 'Lima', distrito: 'Ancón', lon: -77.16, lat: -11.75 },
];
const gaz = buildGazetteer(places);

const table = (csv: string) => {
  const [header, ...rows] = csv.trim().split('\n').map((l) => l.split(';'));
  return { columns: header, records: rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))) };
};
function ok(r: ConflictImportResult) {
  if (!r.ok) throw new Error(r.error.message);
  return r;
}

describe('parsePeriod', () => {
  it('reads days, months and ISO weeks, rejecting impossible dates', () => {
    expect(parsePeriod('2024-03-15')).toEqual({ periodo: '2024-03-15', fecha_inicio: '2024-03-15', fecha_fin: '2024-03-15', precision_fecha: 'dia' });
    expect(parsePeriod('15/03/2024')?.fecha_inicio).toBe('2024-03-15');
    expect(parsePeriod('5-3-2024')?.fecha_inicio).toBe('2024-03-05');
    expect(parsePeriod('2024-03-15T10:30:00Z')?.fecha_inicio).toBe('2024-03-15');
    expect(parsePeriod('2024-03')).toEqual({ periodo: '2024-03', fecha_inicio: '2024-03-01', fecha_fin: '2024-03-31', precision_fecha: 'mes' });
    expect(parsePeriod('02/2024')?.fecha_fin).toBe('2024-02-29');
    expect(parsePeriod('2024-W01')).toEqual({ periodo: '2024-W01', fecha_inicio: '2024-01-01', fecha_fin: '2024-01-07', precision_fecha: 'semana' });
    expect(parsePeriod('2021W01')?.fecha_inicio).toBe('2021-01-04');
    expect(parsePeriod('2020-W53')?.fecha_fin).toBe('2021-01-03');
    expect(parsePeriod('2021-W53')).toBeNull();
    expect(parsePeriod('31/02/2024')).toBeNull();
    expect(parsePeriod('2023-02-29')).toBeNull();
    expect(parsePeriod('2024-13')).toBeNull();
    expect(parsePeriod('marzo 2024')).toBeNull();
  });
});

describe('value helpers', () => {
  it('normalises status, yes/no and numbers', () => {
    expect(['Activo', 'ACTIVE', 'activa', 'Latente', 'latent', 'Resuelto', 'resolved', 'Retirado', 'withdrawn', 'Retirado del registro', 'inactivo']
      .map(normaliseStatus)).toEqual(['activo', 'activo', 'activo', 'latente', 'latente', 'resuelto', 'resuelto', 'retirado', 'retirado', 'retirado', null]);
    expect(['Sí', 'si', 'YES', 'No', '0', '', 'tal vez'].map(parseYesNo)).toEqual([true, true, true, false, false, null, undefined]);
    expect(['-12.5', '-12,5', ' 3 ', '1e-3', '1.234,5', 'abc', ''].map(parseNumber)).toEqual([-12.5, -12.5, 3, 0.001, null, null, null]);
  });

  it('maps Spanish and English headers, accents and case ignored', () => {
    expect(mapColumns(['Date', 'Department', 'PROVINCE', 'District', 'Latitude', 'lng', 'Status', 'Case', 'Company', 'Violencia', 'Diálogo', 'Fuente']))
      .toEqual({
        fecha: 'Date', departamento: 'Department', provincia: 'PROVINCE', distrito: 'District', lat: 'Latitude', lon: 'lng',
        estado: 'Status', caso: 'Case', empresa: 'Company', violencia: 'Violencia', dialogo: 'Diálogo', fuente: 'Fuente',
      });
    expect(mapColumns(['vio_if', 'dial_if', 'Latitud', 'Longitud', 'UBIGEO'])).toEqual({
      violencia: 'vio_if', dialogo: 'dial_if', lat: 'Latitud', lon: 'Longitud', ubigeo: 'UBIGEO',
    });
  });
});

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
    expect(r.warnings.map((w) => w.message)).toEqual([
      'fila 3: el distrito "Sn Marcos" no existe en la provincia Cajamarca; se ubicó en la provincia',
      'fila 4: el distrito no se detalla ("No detalla"); se ubicó en la provincia Cotabambas',
      'fila 5: el distrito "Cotabamba" no existe en la provincia Cotabambas (¿quiso decir "Cotabambas"?); se ubicó en la provincia',
    ]);
    expect(r.warnings[2]).toMatchObject({ line: 5, code: 'distrito_no_encontrado', params: { sugerencia: 'Cotabambas' } });
  });

  it('rejects rows it cannot read, with precise messages and spreadsheet row numbers', () => {
    const r = ok(conflictEventsFromTable(table(`
fecha;ubigeo;departamento;provincia;distrito;estado
2024-03-01;;Cusco;Espinar;;
31/02/2024;;Cusco;Espinar;;
marzo;;Cusco;Espinar;;
;;Cusco;Espinar;;
2024-03;;;;;
2024-03;999999;;;;
2024-03;;Cuzco;Espinar;;
2024-03;;Cusco;Espinal;;
2024-03;;Cusco;;;
2024-03;;;;Santa Rosa;
2024-03;;Cusco;Espinar;;en pausa
2024-03;;;;Llata;
`), gaz));
    expect(r.events.map((e) => e.ubigeo ?? e.ubigeo_prov)).toEqual(['0807', '100501']);
    expect(r.rejected.map((x) => [x.line, x.code])).toEqual([
      [3, 'fecha_invalida'], [4, 'fecha_invalida'], [5, 'fecha_vacia'], [6, 'sin_ubicacion'], [7, 'ubigeo_desconocido'],
      [8, 'departamento_desconocido'], [9, 'provincia_desconocida'], [10, 'sin_provincia'], [11, 'distrito_ambiguo'],
      [12, 'estado_desconocido'],
    ]);
    expect(r.rejected.map((x) => x.message)).toEqual([
      'fila 3: fecha "31/02/2024" no válida',
      'fila 4: fecha "marzo" no válida (use aaaa-mm-dd, dd/mm/aaaa, aaaa-mm o aaaa-Wss)',
      'fila 5: falta la fecha',
      'fila 6: falta la ubicación (ni UBIGEO ni nombres)',
      'fila 7: el UBIGEO "999999" no existe',
      'fila 8: el departamento "Cuzco" no existe (¿quiso decir "Cusco"?)',
      'fila 9: la provincia "Espinal" no existe en el departamento Cusco (¿quiso decir "Espinar"?)',
      'fila 10: falta la provincia (solo se indicó el departamento Cusco)',
      'fila 11: hay varios distritos "Santa Rosa" (Espinar, Cusco; Huamalíes, Huánuco); indique la provincia',
      'fila 12: estado "en pausa" no reconocido (use activo, latente, resuelto o retirado)',
    ]);
  });

  it('uses the row numbers it is given (records spanning several lines)', () => {
    const r = ok(conflictEventsFromTable({ columns: ['fecha', 'provincia'], records: [{ fecha: 'x', provincia: 'Espinar' }], lines: [7] }, gaz));
    expect(r.rejected[0].message).toBe('fila 7: fecha "x" no válida (use aaaa-mm-dd, dd/mm/aaaa, aaaa-mm o aaaa-Wss)');
  });

  it('says which required columns are missing', () => {
    const r = conflictEventsFromTable(table('caso;empresa\nA;B'), gaz);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('faltan_columnas');
    expect(r.error.params).toEqual({ faltan: ['fecha', 'ubicación (ubigeo, o provincia/distrito)'] });
    expect(r.error.message).toMatch(/^Faltan columnas obligatorias: fecha; ubicación/);
    // A default period makes the date column optional.
    expect(conflictEventsFromTable(table('provincia\nEspinar'), gaz, { periodo: '2024-03' }).ok).toBe(true);
    const empty = conflictEventsFromTable({ columns: ['fecha', 'ubigeo'], records: [] }, gaz);
    expect(!empty.ok && empty.error.code).toBe('sin_filas');
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
    expect(r.warnings.map((w) => w.code)).toEqual(['coordenadas_intercambiadas', 'coordenadas_fuera_del_peru', 'coordenadas_invalidas']);
    expect(r.warnings[1].message).toBe('fila 4: las coordenadas (40.4, -3.7) están fuera del Perú; se usó el centroide de Espinar (Espinar, Cusco)');
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
    expect(r.warnings.map((w) => w.message)).toEqual([
      'fila 2: el UBIGEO 080701 corresponde a Espinar (Espinar, Cusco), no a "Cajamarca"; se usó el UBIGEO',
      'fila 3: el UBIGEO "080799" no es un distrito conocido; se ubicó en su provincia Espinar',
      'fila 4: el UBIGEO "990101" no existe; se ubicó por los nombres',
    ]);
    // Lima province has no entry of its own: its point is the mean of its districts.
    expect(r.events[3].lon).toBeCloseTo(-77.1, 10);
  });

  it('leaves a yes/no it cannot read empty, with a warning', () => {
    const r = ok(conflictEventsFromTable(table('fecha;ubigeo;violencia\n2024-03;080701;tal vez'), gaz));
    expect(r.events[0].violencia).toBeNull();
    expect(r.warnings[0].message).toBe('fila 2: la columna violencia tiene "tal vez", que no es sí ni no; se dejó vacía');
  });
});
