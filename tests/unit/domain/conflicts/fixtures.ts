// A small gazetteer shared by the conflict tests: real names and codes, coordinates rounded.
// "Santa Rosa" is a district in two provinces here (as it is, many times, in Peru); "Huamalíes"
// keeps its accent; Lima province comes only through its districts.
import { buildGazetteer, type GazetteerPlace } from '../../../../src/domain/conflicts/gazetteer';

export const places: GazetteerPlace[] = [
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
  { ubigeo: '150101', departamento: 'Lima', provincia: 'Lima', distrito: 'Lima', lon: -77.04, lat: -12.05 },
  { ubigeo: '150102', departamento: 'Lima', provincia: 'Lima', distrito: 'Ancón', lon: -77.16, lat: -11.75 },
];

export const gaz = buildGazetteer(places);

/** A `;`-separated text table (first line = header) as a RecordTable. */
export const table = (csv: string) => {
  const [header, ...rows] = csv.trim().split('\n').map((l) => l.split(';'));
  return { columns: header, records: rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))) };
};

/** Rows that each fail one way (empty or impossible date, no place, unknown code, misspelt names, ambiguous district, unknown status), lines 2–12; a test appends its own last row. */
export const BAD_ROWS = `
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
`;
