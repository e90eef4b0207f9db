/**
 * The row shape of a social-conflict event: one row of conflictos.parquet and one event read from
 * a user's file (the pipeline and the browser share it), with the parquet's column order and
 * SQL types.
 */

export type ConflictStatus = 'activo' | 'latente' | 'resuelto' | 'retirado';
export const CONFLICT_STATUSES: readonly ConflictStatus[] = ['activo', 'latente', 'resuelto', 'retirado'];
export type DatePrecision = 'mes' | 'semana' | 'dia';
export type LocationLevel = 'distrito' | 'provincia';
/** Where lon/lat come from: the file's point, or the centroid of the place it was put in. */
export type CoordinateOrigin = 'fuente' | 'centroide';
/** Point-in-polygon check against the province (pipeline only; null when not checked). */
export type PointCheck = 'ok' | 'otra_provincia' | 'fuera_de_limites';

/** One row of conflictos.parquet, and one event read from a user's file. Dates are ISO `yyyy-mm-dd`. */
export interface ConflictEvent {
  id: string;
  /** Label of the period the row covers: `2024-03` (mes), `2024-W12` (semana), `2024-03-15` (dia). */
  periodo: string;
  fecha_inicio: string;
  fecha_fin: string;
  precision_fecha: DatePrecision;
  caso: string | null;
  empresa: string | null;
  tipo: string | null;
  actividad: string | null;
  estado: ConflictStatus | null;
  estado_fuente: string | null;
  fase: string | null;
  violencia: boolean | null;
  dialogo: boolean | null;
  competencia: string | null;
  ubigeo: string | null;
  ubigeo_prov: string;
  ubigeo_dep: string;
  nivel_ubicacion: LocationLevel;
  departamento: string;
  provincia: string;
  distrito: string | null;
  /** The district text as given ("No detalla"), kept when it could not be used. */
  distrito_fuente: string | null;
  lon: number;
  lat: number;
  origen_coordenadas: CoordinateOrigin;
  ubicacion_punto: PointCheck | null;
  fuente: string;
  serie: string;
}

export type ConflictColumnType = 'VARCHAR' | 'DOUBLE' | 'DATE' | 'BOOLEAN';

/** Column order and SQL types of conflictos.parquet; `satisfies` keeps it in step with ConflictEvent. */
export const CONFLICT_EVENT_COLUMNS = [
  { name: 'id', type: 'VARCHAR' },
  { name: 'periodo', type: 'VARCHAR' },
  { name: 'fecha_inicio', type: 'DATE' },
  { name: 'fecha_fin', type: 'DATE' },
  { name: 'precision_fecha', type: 'VARCHAR' },
  { name: 'caso', type: 'VARCHAR' },
  { name: 'empresa', type: 'VARCHAR' },
  { name: 'tipo', type: 'VARCHAR' },
  { name: 'actividad', type: 'VARCHAR' },
  { name: 'estado', type: 'VARCHAR' },
  { name: 'estado_fuente', type: 'VARCHAR' },
  { name: 'fase', type: 'VARCHAR' },
  { name: 'violencia', type: 'BOOLEAN' },
  { name: 'dialogo', type: 'BOOLEAN' },
  { name: 'competencia', type: 'VARCHAR' },
  { name: 'ubigeo', type: 'VARCHAR' },
  { name: 'ubigeo_prov', type: 'VARCHAR' },
  { name: 'ubigeo_dep', type: 'VARCHAR' },
  { name: 'nivel_ubicacion', type: 'VARCHAR' },
  { name: 'departamento', type: 'VARCHAR' },
  { name: 'provincia', type: 'VARCHAR' },
  { name: 'distrito', type: 'VARCHAR' },
  { name: 'distrito_fuente', type: 'VARCHAR' },
  { name: 'lon', type: 'DOUBLE' },
  { name: 'lat', type: 'DOUBLE' },
  { name: 'origen_coordenadas', type: 'VARCHAR' },
  { name: 'ubicacion_punto', type: 'VARCHAR' },
  { name: 'fuente', type: 'VARCHAR' },
  { name: 'serie', type: 'VARCHAR' },
] as const satisfies ReadonlyArray<{ name: keyof ConflictEvent; type: ConflictColumnType }>;

// Compile-time check that no ConflictEvent field is missing from the column list.
type MissingColumn = Exclude<keyof ConflictEvent, (typeof CONFLICT_EVENT_COLUMNS)[number]['name']>;
const everyFieldHasAColumn: MissingColumn extends never ? true : never = true;
void everyFieldHasAColumn;
