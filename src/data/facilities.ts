import type { DataSource } from './source';
import { FACILITY_GROUPS, INSTITUTION_GROUPS, facilityGroup, institutionGroup } from '../domain/facilities';

/** Geolocated health facilities, column-wise, for the map layer and the facility card. */
export interface Facilities {
  count: number;
  codigo: Int32Array;
  lon: Float64Array;
  lat: Float64Array;
  /** Index into FACILITY_GROUPS. */
  group: Uint8Array;
  nombre: string[];
  categoria: string[];
  institucion: string[];
  /** Index into INSTITUTION_GROUPS. */
  institution: Uint8Array;
  distrito: string[];
  provincia: string[];
  departamento: string[];
  ubigeoProv: string[];
  anioInicio: Float64Array;
  camas: Float64Array;
  altitud: Float64Array;
  /** Pipeline quality flag: ok, otra_provincia, fuera_de_limites. */
  ubicacion: string[];
  /** Start-date plausibility flag (issue 12), '' when none: see src/domain/datePlausibility.ts. */
  inicioAlerta: string[];
  /** SUSALUD 2024 emergency attentions; NaN when SUSALUD does not list the facility. */
  atenciones: Float64Array;
  /** The level's plausible maximum of attentions (NaN for levels without one) and its flag ('' when none): src/domain/emergencyPlausibility.ts. */
  maximoPlausible: Float64Array;
  atencionesAlerta: string[];
}

export const FACILITIES_SQL = `
SELECT f.codigo, nombre, coalesce(categoria, 'Sin categoría') AS categoria, institucion, distrito, provincia,
       departamento, f.ubigeo_prov, lon, lat, anio_inicio::DOUBLE AS anio_inicio, camas::DOUBLE AS camas,
       altitud_m, ubicacion, coalesce(inicio_alerta, '') AS inicio_alerta,
       e.atenciones, e.maximo_plausible, coalesce(e.alerta, '') AS atenciones_alerta
FROM establecimientos f LEFT JOIN emergencias_2024 e ON e.codigo = f.codigo
WHERE lon IS NOT NULL AND lat IS NOT NULL
ORDER BY f.codigo`;

export async function loadFacilities(source: DataSource): Promise<Facilities> {
  const t = await source.query(FACILITIES_SQL, 'establecimientos');
  const n = t.numRows;
  const col = (name: string) => t.getChild(name)!;
  const strings = (name: string) => Array.from({ length: n }, (_, r) => String(col(name).get(r) ?? ''));
  const numbers = (name: string) => Float64Array.from({ length: n }, (_, r) => (col(name).get(r) as number | null) ?? NaN);
  const categoria = strings('categoria');
  const institucion = strings('institucion');
  return {
    count: n,
    codigo: Int32Array.from({ length: n }, (_, r) => Number(col('codigo').get(r))),
    lon: numbers('lon'),
    lat: numbers('lat'),
    group: Uint8Array.from(categoria, (c) => FACILITY_GROUPS.indexOf(facilityGroup(c))),
    nombre: strings('nombre'),
    categoria,
    institucion,
    institution: Uint8Array.from(institucion, (x) => INSTITUTION_GROUPS.indexOf(institutionGroup(x))),
    distrito: strings('distrito'),
    provincia: strings('provincia'),
    departamento: strings('departamento'),
    ubigeoProv: strings('ubigeo_prov'),
    anioInicio: numbers('anio_inicio'),
    camas: numbers('camas'),
    altitud: numbers('altitud_m'),
    ubicacion: strings('ubicacion'),
    inicioAlerta: strings('inicio_alerta'),
    atenciones: numbers('atenciones'),
    maximoPlausible: numbers('maximo_plausible'),
    atencionesAlerta: strings('atenciones_alerta'),
  };
}
