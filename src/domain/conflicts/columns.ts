/** Which column of a conflict file feeds which field: header synonyms in Spanish and English. */
import { normaliseName } from '../search';

export type ConflictField =
  | 'fecha' | 'ubigeo' | 'departamento' | 'provincia' | 'distrito' | 'lat' | 'lon' | 'tipo' | 'estado'
  | 'caso' | 'empresa' | 'violencia' | 'dialogo' | 'fuente' | 'actividad' | 'fase' | 'competencia';

/** Accepted header names per field (compared normalised: accents, case, spaces and punctuation ignored). */
export const COLUMN_SYNONYMS: Readonly<Record<ConflictField, readonly string[]>> = {
  fecha: ['fecha', 'date', 'fecha_evento', 'event_date', 'fecha_inicio', 'start_date', 'fecha_reporte', 'periodo', 'period', 'mes', 'month', 'semana', 'week'],
  ubigeo: ['ubigeo', 'ubigeo_distrito', 'ubigeo_inei', 'cod_ubigeo', 'codigo_ubigeo', 'ubigeo_provincia', 'ubigeo_prov'],
  departamento: ['departamento', 'department', 'dpto', 'depto', 'region'],
  provincia: ['provincia', 'province', 'prov'],
  distrito: ['distrito', 'district', 'dist'],
  lat: ['lat', 'latitud', 'latitude', 'y'],
  lon: ['lon', 'lng', 'long', 'longitud', 'longitude', 'x'],
  tipo: ['tipo', 'type', 'tipo_conflicto', 'conflict_type'],
  estado: ['estado', 'status', 'state', 'situacion'],
  caso: ['caso', 'case', 'nombre_caso', 'case_name', 'conflicto', 'conflict'],
  empresa: ['empresa', 'company', 'empresa_minera', 'operador', 'operator'],
  violencia: ['violencia', 'violence', 'vio_if', 'hechos_de_violencia'],
  dialogo: ['dialogo', 'dialogue', 'dialog', 'dial_if', 'mesa_de_dialogo'],
  fuente: ['fuente', 'source'],
  actividad: ['actividad', 'activity', 'sector'],
  fase: ['fase', 'phase'],
  competencia: ['competencia', 'competence', 'nivel_de_gobierno', 'jurisdiccion', 'jurisdiction'],
};

const headerKey = (h: string) => normaliseName(h).replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');

/** Which file column feeds each field: the first synonym (in list order) present in the header. */
export function mapColumns(columns: readonly string[]): Partial<Record<ConflictField, string>> {
  const byKey = new Map<string, string>();
  for (const c of columns) if (!byKey.has(headerKey(c))) byKey.set(headerKey(c), c);
  const out: Partial<Record<ConflictField, string>> = {};
  for (const [field, names] of Object.entries(COLUMN_SYNONYMS) as Array<[ConflictField, readonly string[]]>) {
    for (const n of names) {
      const col = byKey.get(headerKey(n));
      if (col !== undefined) {
        out[field] = col;
        break;
      }
    }
  }
  return out;
}
