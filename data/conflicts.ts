// Defensoría del Pueblo monthly report of social conflicts (mining cases, March 2024) →
// conflictos. Rows are placed with the same code that reads a user's conflict file
// (src/domain/conflictEvents.ts), against the INEI boundary names: department → province →
// district, accents and case ignored. A district that cannot be used falls back to its
// province (a quirk); a row that cannot be placed in any province stops the build. Row issues
// are codes; their texts come from the app's i18n resources (src/i18n/userFile.*.ts).
import type { Db, SqlValue } from './db';
import { sqlIdent, sqlString } from './db';
import { DataInputError, malformedFileError } from './errors';
import { indexPolygons, locatePoint } from './geolocation';
import { quirk, type Quirk } from './quirks';
import type { Boundary } from './boundaries';
import {
  CONFLICT_EVENT_COLUMNS, buildGazetteer, conflictEventsFromTable,
  type ConflictEvent, type ConflictRowIssue, type ConflictWarningCode,
} from '../src/domain/conflictEvents';
import { gazetteerPlaces } from '../src/domain/gazetteer';
import { conflictFileErrorText, conflictRowText } from '../src/i18n/conflictText';
import { userFileTranslator } from '../src/i18n/translator';

/** The report this file is: one month, mining cases only. */
export const DEFENSORIA_2024_03 = {
  periodo: '2024-03',
  fuente: 'Defensoría del Pueblo, reporte mensual de conflictos sociales, marzo 2024',
  serie: 'defensoria_mensual_mineria_v1',
  idPrefix: 'defensoria_2024-03',
} as const;

export interface ConflictBuildReport {
  rows: number;
  warnings: ConflictRowIssue<ConflictWarningCode>[];
  /** Points outside their declared province's polygon (raw INEI outlines). */
  outside: Array<{ lugar: string; ubicacion: 'otra_provincia' | 'fuera_de_limites'; provinciaDelPunto: string | null }>;
  centroides: number;
}

/** Reads the CSV, places every row and loads the `conflictos` table. */
export async function buildConflicts(
  db: Db,
  file: string,
  rawFile: string,
  rawDir: string,
  boundaries: { districts: Boundary; provinces: Boundary },
): Promise<ConflictBuildReport> {
  let rows: Array<Record<string, string | null>>;
  try {
    rows = await db.rows(`SELECT * FROM read_csv(${sqlString(file)},
      header = true, delim = ',', quote = '"', escape = '"', all_varchar = true, sample_size = -1)`);
  } catch (e) {
    throw malformedFileError(rawFile, rawDir, `no se pudo leer como CSV (${(e as Error).message.split('\n')[0]})`);
  }
  const columns = rows.length > 0 ? Object.keys(rows[0]) : [];
  const gazetteer = buildGazetteer(gazetteerPlaces(boundaries.districts, boundaries.provinces));
  const result = conflictEventsFromTable({ columns, records: rows }, gazetteer, DEFENSORIA_2024_03);
  const where = `El archivo «${rawFile}» (en «${rawDir}»)`;
  const es = userFileTranslator('es');
  if (!result.ok) throw new DataInputError(`${where}: ${conflictFileErrorText(es, result.error)}`);
  if (result.rejected.length > 0) {
    const first = result.rejected.slice(0, 5).map((r) => conflictRowText(es, r)).join('; ');
    const more = result.rejected.length > 5 ? `; y ${result.rejected.length - 5} más` : '';
    const n = result.rejected.length;
    throw new DataInputError(
      `${where} tiene ${n} ${n === 1 ? 'fila que no se puede' : 'filas que no se pueden'} ubicar ni leer: ${first}${more}. ` +
        'Cada caso debe nombrar al menos un departamento y una provincia existentes.',
    );
  }

  const index = indexPolygons(boundaries.provinces);
  const outside: ConflictBuildReport['outside'] = [];
  const events: ConflictEvent[] = result.events.map((e) => {
    const { ubicacion, ubigeoProvGeo } = locatePoint(index, e.lon, e.lat, e.ubigeo_prov);
    if (ubicacion === 'otra_provincia' || ubicacion === 'fuera_de_limites') {
      outside.push({
        lugar: [e.distrito, e.provincia].filter(Boolean).join(', '),
        ubicacion,
        provinciaDelPunto: ubigeoProvGeo ? (gazetteer.byUbigeo.get(ubigeoProvGeo)?.provincia ?? ubigeoProvGeo) : null,
      });
    }
    return { ...e, ubicacion_punto: ubicacion as ConflictEvent['ubicacion_punto'] };
  });
  await loadConflictTable(db, events);
  return {
    rows: events.length,
    warnings: result.warnings,
    outside,
    centroides: events.filter((e) => e.origen_coordenadas === 'centroide').length,
  };
}

/** Loads events into the `conflictos` table with the contract's SQL types. */
export async function loadConflictTable(db: Db, events: readonly ConflictEvent[]): Promise<void> {
  const staged = CONFLICT_EVENT_COLUMNS.map((c) => ({ name: c.name, type: c.type === 'DOUBLE' ? ('DOUBLE' as const) : ('VARCHAR' as const) }));
  const values: SqlValue[][] = events.map((e) =>
    CONFLICT_EVENT_COLUMNS.map((c) => {
      const v = e[c.name];
      return typeof v === 'boolean' ? String(v) : (v as SqlValue);
    }),
  );
  await db.insertRows('conflictos_staging', staged, values);
  const select = CONFLICT_EVENT_COLUMNS.map((c) =>
    c.type === 'DATE' || c.type === 'BOOLEAN'
      ? `CAST(${sqlIdent(c.name)} AS ${c.type}) AS ${sqlIdent(c.name)}`
      : sqlIdent(c.name),
  );
  await db.run(`CREATE OR REPLACE TABLE conflictos AS SELECT ${select.join(', ')} FROM conflictos_staging`);
  await db.run(`DROP TABLE conflictos_staging`);
}

export async function writeConflicts(db: Db, file: string): Promise<void> {
  await db.run(`COPY (SELECT * FROM conflictos ORDER BY fecha_inicio, serie, id)
    TO ${sqlString(file)} (FORMAT parquet, COMPRESSION snappy)`);
}

/** Each distinct district text that could not be used, with its count ("No detalla" ×7, …). */
function fallbackList(warnings: readonly ConflictRowIssue[], lang: 'es' | 'en'): string {
  const byText = new Map<string, number>();
  for (const w of warnings) {
    const maybe = w.params.sugerencia ? (lang === 'es' ? `; ¿${w.params.sugerencia}?` : `; ${w.params.sugerencia}?`) : '';
    const label = w.code === 'distrito_no_encontrado' ? `"${w.params.distrito}" (${w.params.provincia}${maybe})` : `"${w.params.distrito}"`;
    byText.set(label, (byText.get(label) ?? 0) + 1);
  }
  return [...byText].map(([t, n]) => (n > 1 ? `${t} ×${n}` : t)).join(', ');
}

function outsideList(r: ConflictBuildReport, kind: 'otra_provincia' | 'fuera_de_limites'): string {
  return r.outside
    .filter((o) => o.ubicacion === kind)
    .map((o) => (o.provinciaDelPunto ? `${o.lugar} → ${o.provinciaDelPunto}` : o.lugar))
    .join('; ');
}

export function conflictQuirks(r: ConflictBuildReport): Quirk[] {
  const fallback = r.warnings.filter((w) => w.code === 'distrito_no_detallado' || w.code === 'distrito_no_encontrado');
  const out: Quirk[] = [
    quirk('punto_nivel_distrito', r.rows,
      'La ubicación de cada caso es un punto de referencia del distrito (o de la provincia), no el lugar exacto del conflicto.',
      'Each case\'s location is a reference point of its district (or province), not the exact site of the conflict.'),
  ];
  if (fallback.length > 0) {
    out.push(quirk('distrito_no_reconocido', fallback.length,
      `${fallback.length} casos sin distrito reconocible: ubicados en su provincia (${fallbackList(fallback, 'es')}).`,
      `${fallback.length} cases without a recognisable district: placed in their province (${fallbackList(fallback, 'en')}).`));
  }
  const otra = r.outside.filter((o) => o.ubicacion === 'otra_provincia').length;
  if (otra > 0) {
    out.push(quirk('punto_en_otra_provincia', otra,
      `El punto del caso cae en otra provincia que la declarada (coordenadas aproximadas o erradas): ${outsideList(r, 'otra_provincia')}. Se cuenta en la provincia declarada.`,
      `The case's point falls in another province than the declared one (approximate or wrong coordinates): ${outsideList(r, 'otra_provincia')}. Counted in the declared province.`));
  }
  const fuera = r.outside.filter((o) => o.ubicacion === 'fuera_de_limites').length;
  if (fuera > 0) {
    out.push(quirk('punto_fuera_de_limites', fuera,
      `El punto del caso no cae en ninguna provincia (por ejemplo, en el mar): ${outsideList(r, 'fuera_de_limites')}.`,
      `The case's point falls in no province (e.g. at sea): ${outsideList(r, 'fuera_de_limites')}.`));
  }
  if (r.centroides > 0) {
    out.push(quirk('coordenadas_de_centroide', r.centroides,
      'Sin coordenadas utilizables: se usó el centroide del distrito o de la provincia.',
      'No usable coordinates: the district or province centroid was used.'));
  }
  // Warnings the current file does not raise (coordinates, yes/no values): reported by code.
  const others = new Map<string, ConflictRowIssue[]>();
  for (const w of r.warnings) if (!fallback.includes(w)) others.set(w.code, [...(others.get(w.code) ?? []), w]);
  const [es, en] = [userFileTranslator('es'), userFileTranslator('en')];
  for (const [code, ws] of [...others].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    out.push(quirk(code, ws.length, `${ws.length} avisos al leer las filas, p. ej. ${conflictRowText(es, ws[0])}.`,
      `${ws.length} warnings while reading the rows, e.g. ${conflictRowText(en, ws[0])}.`));
  }
  return out;
}
