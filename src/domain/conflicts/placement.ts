/**
 * Where a conflict row is: by UBIGEO (lost leading zeros restored) or by names (department →
 * province → district, accents and case ignored), falling back to the province when the district
 * cannot be used; then its point, the row's own if it lies in Peru, else the place's centroid.
 */
import { placeKey, placeLabel, type Gazetteer, type GazetteerPlace } from './gazetteer';
import { issue, type ConflictRejectCode, type ConflictRowIssue, type ConflictWarningCode, type IssueParams } from './issues';
import type { CoordinateOrigin, LocationLevel } from './schema';
import { suggestName } from './suggest';
import { parseNumber } from './values';

export type Placement =
  | { ok: true; place: GazetteerPlace; level: LocationLevel; warnings: ConflictRowIssue<ConflictWarningCode>[] }
  | { ok: false; reject: ConflictRowIssue<ConflictRejectCode> };

/** District text that means "not given" ("No detalla", "s/d", "-"). */
const PLACEHOLDER = /^(no detalla|no se detalla|no precisa|no especifica|sin dato|sin datos|s d|sd|nd|n d|desconocido|varios|-+|\?+)$/;
export const isPlaceholder = (t: string) => PLACEHOLDER.test(placeKey(t)) || /^[-?]+$/.test(t.trim());

/** The `sugerencia` param, when a close name exists. */
const withSuggestion = (sugerencia: string | undefined): IssueParams => (sugerencia ? { sugerencia } : {});

/** Places a row from its UBIGEO text and names (each '' when not given); `line` numbers its issues. */
export function placeRow(
  gaz: Gazetteer,
  line: number,
  ubigeoText: string,
  dep: string,
  prov: string,
  dist: string,
): Placement {
  const warnings: ConflictRowIssue<ConflictWarningCode>[] = [];
  const hasNames = dep !== '' || prov !== '' || dist !== '';
  if (ubigeoText !== '') {
    const byCode = placeByUbigeo(gaz, ubigeoText);
    if (byCode) {
      if (byCode.level === 'provincia' && byCode.unknownDistrict) {
        warnings.push(issue(line, 'ubigeo_distrito_desconocido', { ubigeo: ubigeoText, provincia: byCode.place.provincia }));
      }
      if (hasNames) {
        const byName = placeByNames(gaz, line, dep, prov, dist);
        const p = byCode.place;
        if (byName.ok && byName.place.ubigeo.slice(0, 4) !== p.ubigeo.slice(0, 4)) {
          warnings.push(issue(line, 'ubigeo_no_coincide_con_nombres', {
            ubigeo: p.ubigeo, lugar: placeLabel(p), nombres: [dist, prov, dep].filter(Boolean).join(', '),
          }));
        }
      }
      return { ok: true, place: byCode.place, level: byCode.level, warnings };
    }
    if (!hasNames) return { ok: false, reject: issue(line, 'ubigeo_desconocido', { ubigeo: ubigeoText }) };
    warnings.push(issue(line, 'ubigeo_desconocido_se_usan_nombres', { ubigeo: ubigeoText }));
  }
  if (!hasNames) return { ok: false, reject: issue(line, 'sin_ubicacion') };
  const byName = placeByNames(gaz, line, dep, prov, dist);
  if (!byName.ok) return byName;
  return { ...byName, warnings: [...warnings, ...byName.warnings] };
}

/** A district (5-6 digits) or province (3-4 digits) code; a district code of a known province but no known district gives the province. */
export function placeByUbigeo(
  gaz: Gazetteer,
  text: string,
): { place: GazetteerPlace; level: LocationLevel; unknownDistrict: boolean } | null {
  const digits = /^(\d+)(?:\.0+)?$/.exec(text.trim())?.[1];
  if (!digits) return null;
  // Spreadsheets drop leading zeros: 5 digits is a district of departments 01-09, 3 a province.
  if (digits.length === 5 || digits.length === 6) {
    const code = digits.padStart(6, '0');
    const d = gaz.byUbigeo.get(code);
    if (d) return { place: d, level: 'distrito', unknownDistrict: false };
    const p = gaz.byUbigeo.get(code.slice(0, 4));
    return p ? { place: p, level: 'provincia', unknownDistrict: true } : null;
  }
  if (digits.length === 3 || digits.length === 4) {
    const p = gaz.byUbigeo.get(digits.padStart(4, '0'));
    return p ? { place: p, level: 'provincia', unknownDistrict: false } : null;
  }
  return null;
}

export function placeByNames(gaz: Gazetteer, line: number, dep: string, prov: string, dist: string): Placement {
  const warnings: ConflictRowIssue<ConflictWarningCode>[] = [];
  let departments = [...gaz.departments.values()];
  if (dep !== '') {
    const d = gaz.departments.get(placeKey(dep));
    if (!d) {
      const sugerencia = suggestName(dep, departments.map((x) => x.name));
      return { ok: false, reject: issue(line, 'departamento_desconocido', { departamento: dep, ...withSuggestion(sugerencia) }) };
    }
    departments = [d];
  }
  const distGiven = dist !== '' && !isPlaceholder(dist);
  if (prov === '') {
    if (!distGiven) {
      return dep !== ''
        ? { ok: false, reject: issue(line, 'sin_provincia', { departamento: departments[0].name }) }
        : { ok: false, reject: issue(line, 'sin_ubicacion') };
    }
    // District without province: accept it when the name is unique (in the department, if given).
    const found = departments.flatMap((d) => [...d.provinces.values()].flatMap((p) => p.districts.get(placeKey(dist)) ?? []));
    if (found.length === 1) return { ok: true, place: found[0], level: 'distrito', warnings };
    if (found.length > 1) {
      return { ok: false, reject: issue(line, 'distrito_ambiguo', { distrito: dist, provincias: found.map((f) => `${f.provincia}, ${f.departamento}`).join('; ') }) };
    }
    return dep !== ''
      ? { ok: false, reject: issue(line, 'sin_provincia', { departamento: departments[0].name }) }
      : { ok: false, reject: issue(line, 'sin_ubicacion') };
  }
  const provinces = departments.flatMap((d) => d.provinces.get(placeKey(prov)) ?? []);
  if (provinces.length === 0) {
    const names = departments.flatMap((d) => [...d.provinces.values()].map((p) => p.place.provincia));
    const sugerencia = suggestName(prov, names);
    return {
      ok: false,
      reject: issue(line, 'provincia_desconocida', {
        provincia: prov, ...(dep !== '' ? { departamento: departments[0].name } : {}), ...withSuggestion(sugerencia),
      }),
    };
  }
  if (provinces.length > 1) {
    return { ok: false, reject: issue(line, 'provincia_ambigua', { provincia: prov, departamentos: provinces.map((p) => p.place.departamento).join(', ') }) };
  }
  const p = provinces[0];
  if (dist === '') return { ok: true, place: p.place, level: 'provincia', warnings };
  if (!distGiven) {
    warnings.push(issue(line, 'distrito_no_detallado', { distrito: dist, provincia: p.place.provincia }));
    return { ok: true, place: p.place, level: 'provincia', warnings };
  }
  const d = p.districts.get(placeKey(dist));
  if (d) return { ok: true, place: d, level: 'distrito', warnings };
  const sugerencia = suggestName(dist, [...p.districts.values()].map((x) => x.distrito ?? ''));
  warnings.push(issue(line, 'distrito_no_encontrado', {
    distrito: dist, provincia: p.place.provincia, departamento: p.place.departamento, ...withSuggestion(sugerencia),
  }));
  return { ok: true, place: p.place, level: 'provincia', warnings };
}

/** Peru with a margin (the same box the pipeline tests use). */
export const PERU_BBOX = { minLon: -82, maxLon: -68, minLat: -19, maxLat: 0.5 } as const;
const inPeru = (lon: number, lat: number) =>
  lon >= PERU_BBOX.minLon && lon <= PERU_BBOX.maxLon && lat >= PERU_BBOX.minLat && lat <= PERU_BBOX.maxLat;

/**
 * The row's point: its own lat/lon when they lie in Peru (swapped back when crossed), else the
 * centroid of the place it was put in, with a warning when coordinates were given but not used.
 */
export function placePoint(
  line: number,
  latText: string,
  lonText: string,
  place: GazetteerPlace,
): { lon: number; lat: number; origen: CoordinateOrigin; warnings: ConflictRowIssue<ConflictWarningCode>[] } {
  const centroid = { lon: place.lon, lat: place.lat, origen: 'centroide' as const };
  if (latText === '' && lonText === '') return { ...centroid, warnings: [] };
  const la = parseNumber(latText);
  const lo = parseNumber(lonText);
  if (la === null || lo === null) {
    return { ...centroid, warnings: [issue(line, 'coordenadas_invalidas', { lat: latText, lon: lonText, lugar: placeLabel(place) })] };
  }
  if (inPeru(lo, la)) return { lon: lo, lat: la, origen: 'fuente', warnings: [] };
  if (inPeru(la, lo)) {
    return { lon: la, lat: lo, origen: 'fuente', warnings: [issue(line, 'coordenadas_intercambiadas', { lat: latText, lon: lonText })] };
  }
  return { ...centroid, warnings: [issue(line, 'coordenadas_fuera_del_peru', { lat: la, lon: lo, lugar: placeLabel(place) })] };
}
