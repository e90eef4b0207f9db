/**
 * The gazetteer conflict rows are placed against: districts and provinces by UBIGEO, and by
 * normalised name (department → province → district). Pure; the places themselves come from the
 * INEI boundary layers (src/domain/gazetteer.ts turns those into GazetteerPlace lists).
 */
import { normaliseName } from '../search';

/** A district (6-digit ubigeo, with `distrito`) or a province (4 digits, no `distrito`). */
export interface GazetteerPlace {
  ubigeo: string;
  departamento: string;
  provincia: string;
  distrito?: string | null;
  /** A representative point (centroid) used when a row gives no usable coordinates. */
  lon: number;
  lat: number;
}

export interface ProvinceEntry {
  place: GazetteerPlace;
  districts: Map<string, GazetteerPlace>;
}
export interface DepartmentEntry {
  ubigeo: string;
  name: string;
  provinces: Map<string, ProvinceEntry>;
}

export interface Gazetteer {
  byUbigeo: ReadonlyMap<string, GazetteerPlace>;
  /** Keyed by normalised name (accents and case ignored). */
  departments: ReadonlyMap<string, DepartmentEntry>;
}

/** A place name as the gazetteer keys it: accents, case, punctuation and extra spaces ignored. */
export const placeKey = (s: string) => normaliseName(s).replace(/[^a-z0-9 ]+/g, ' ').replace(/\s+/g, ' ').trim();

/** "District (Province, Department)" or "Province (Department)": how a row issue names a place. */
export const placeLabel = (p: GazetteerPlace) =>
  p.distrito ? `${p.distrito} (${p.provincia}, ${p.departamento})` : `${p.provincia} (${p.departamento})`;

export function buildGazetteer(places: readonly GazetteerPlace[]): Gazetteer {
  const byUbigeo = new Map<string, GazetteerPlace>();
  for (const p of places) byUbigeo.set(p.ubigeo, p);
  const departments = new Map<string, DepartmentEntry>();
  const province = (p: GazetteerPlace): ProvinceEntry => {
    const dk = placeKey(p.departamento);
    let dep = departments.get(dk);
    if (!dep) departments.set(dk, (dep = { ubigeo: p.ubigeo.slice(0, 2), name: p.departamento, provinces: new Map() }));
    const pk = placeKey(p.provincia);
    let prov = dep.provinces.get(pk);
    if (!prov) {
      // A province with districts but no province entry gets one (centroid filled below).
      const code = p.ubigeo.slice(0, 4);
      const own = byUbigeo.get(code);
      prov = { place: own ?? { ubigeo: code, departamento: p.departamento, provincia: p.provincia, lon: NaN, lat: NaN }, districts: new Map() };
      dep.provinces.set(pk, prov);
    }
    return prov;
  };
  const sorted = [...places].sort((a, b) => (a.ubigeo < b.ubigeo ? -1 : a.ubigeo > b.ubigeo ? 1 : 0));
  for (const p of sorted) {
    const prov = province(p);
    if (p.ubigeo.length === 6 && p.distrito) prov.districts.set(placeKey(p.distrito), p);
  }
  for (const dep of departments.values()) {
    for (const prov of dep.provinces.values()) {
      if (Number.isFinite(prov.place.lon) && Number.isFinite(prov.place.lat)) continue;
      const ds = [...prov.districts.values()];
      prov.place = {
        ...prov.place,
        lon: ds.reduce((s, d) => s + d.lon, 0) / ds.length,
        lat: ds.reduce((s, d) => s + d.lat, 0) / ds.length,
      };
      byUbigeo.set(prov.place.ubigeo, prov.place);
    }
  }
  return { byUbigeo, departments };
}
