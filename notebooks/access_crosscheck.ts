/**
 * Cross-check notebook, executable: `npx tsx notebooks/access_crosscheck.ts`
 *
 * Recomputes the district access metrics with the app's own code (src/domain/access.ts, the
 * code the worker runs) on the built Parquet, for settings comparable to a third party's file
 * (access/acceso_emergencia_distrito_2024.csv): emergency facilities (at least one emergency
 * attention reported to SUSALUD in 2024) and a 30 km threshold. Then joins both by UBIGEO and
 * prints the agreement (Spearman's ρ, differences) and the largest disagreements.
 * Findings and reasons: docs/access-crosscheck.md. Needs the built data (`npm run data`).
 *
 * Two variants of ours:
 *   A. as the app computes it: all 136,543 places, district from the code or the polygon;
 *   B. only the places with an INEI code (the third party's place set, see the doc).
 */
import path from 'node:path';
import { resolveDataPaths } from '../data/config';
import { openDb, sqlString } from '../data/db';
import { AccessModel, categoryRank, quantileSorted, type UnitAccess } from '../src/domain/access';
import { spearman } from '../src/domain/rankCorrelation';

const THRESHOLD_KM = 30;
const { rawDir, outDir } = resolveDataPaths();
const parquet = (name: string) => `read_parquet(${sqlString(path.join(outDir, name))})`;
const db = await openDb();

const districts = await db.rows<{ ubigeo: string; ubigeo_prov: string; distrito: string; provincia: string; pob_2017: number | null }>(
  `SELECT ubigeo, ubigeo_prov, distrito, provincia, pob_2017 FROM ${parquet('distritos.parquet')} ORDER BY ubigeo`,
);
const districtIndex = new Map(districts.map((d, i) => [d.ubigeo, i]));
const provinceCodes = [...new Set(districts.map((d) => d.ubigeo_prov))].sort();
const places = await db.rows<{ lon: number; lat: number; ubigeo: string | null; origen: string | null }>(
  `SELECT CAST(lon AS DOUBLE) AS lon, CAST(lat AS DOUBLE) AS lat, ubigeo, ubigeo_origen AS origen FROM ${parquet('centros_poblados.parquet')}`,
);
const facilities = await db.rows<{ lon: number | null; lat: number | null; categoria: string | null; ubigeo: string; emergencia: boolean }>(
  `SELECT f.lon, f.lat, f.categoria, f.ubigeo, coalesce(e.atenciones > 0, false) AS emergencia
   FROM ${parquet('establecimientos.parquet')} f LEFT JOIN ${parquet('emergencias_2024.parquet')} e USING (codigo)
   ORDER BY f.codigo`,
);
const theirs = await db.rows<{
  ubigeo: string; distrito: string; provincia: string; n_emergency_facilities: number; n_ccpp: number;
  mean_dist_km: number | null; median_dist_km: number | null; max_dist_km: number | null; share_cp_within_30km: number | null;
}>(`SELECT lpad(CAST(ubigeo AS VARCHAR), 6, '0') AS ubigeo, distrito, provincia, n_emergency_facilities, n_ccpp,
      mean_dist_km, median_dist_km, max_dist_km, share_cp_within_30km
    FROM read_csv(${sqlString(path.join(rawDir, 'access/acceso_emergencia_distrito_2024.csv'))}, header = true)`);

const facilityInput = {
  lon: Float64Array.from(facilities, (f) => f.lon ?? NaN),
  lat: Float64Array.from(facilities, (f) => f.lat ?? NaN),
  rank: Uint8Array.from(facilities, (f) => categoryRank(f.categoria)),
  emergency: Uint8Array.from(facilities, (f) => (f.emergencia ? 1 : 0)),
};
const placeInput = { lon: Float64Array.from(places, (p) => p.lon), lat: Float64Array.from(places, (p) => p.lat) };
const units = (onlyCoded: boolean) => ({
  placeDistrict: Int32Array.from(places, (p) => (p.ubigeo && (!onlyCoded || p.origen === 'codigo') ? districtIndex.get(p.ubigeo) ?? -1 : -1)),
  districtCount: districts.length,
  districtProvince: Int32Array.from(districts, (d) => provinceCodes.indexOf(d.ubigeo_prov)),
  provinceCount: provinceCodes.length,
  districtPopulation: Float64Array.from(districts, (d) => d.pob_2017 ?? NaN),
});

const emergencyWithPoint = facilities.filter((f) => f.emergencia && f.lon !== null).length;
const emergencyByDistrict = new Map<string, number>();
for (const f of facilities) if (f.emergencia) emergencyByDistrict.set(f.ubigeo, (emergencyByDistrict.get(f.ubigeo) ?? 0) + 1);

console.log('# Cross-check: access to emergency facilities, districts, 30 km\n');
console.log(`Ours: ${places.length} populated places (${places.filter((p) => p.origen === 'codigo').length} with an INEI code), ` +
  `${emergencyWithPoint} emergency facilities with a point (atenciones 2024 > 0; ${facilities.filter((f) => f.emergencia).length} in the register), ` +
  `${districts.length} districts.`);
console.log(`Theirs: ${theirs.length} districts, ${theirs.reduce((s, t) => s + t.n_ccpp, 0)} populated places, ` +
  `${theirs.reduce((s, t) => s + t.n_emergency_facilities, 0)} emergency facilities, ` +
  `${theirs.filter((t) => t.median_dist_km !== null).length} districts with distances.`);
const theirsBy = new Map(theirs.map((t) => [t.ubigeo, t]));
console.log(`Districts only in theirs: ${theirs.filter((t) => !districtIndex.has(t.ubigeo)).map((t) => t.ubigeo).join(', ') || 'none'}; ` +
  `only in ours: ${districts.filter((d) => !theirsBy.has(d.ubigeo)).length} ` +
  `(${districts.filter((d) => !theirsBy.has(d.ubigeo) && d.pob_2017 === null).length} of them created after 2017)`);

const fmt = (x: number, d = 3) => (Number.isFinite(x) ? x.toFixed(d) : '—');

function compare(label: string, a: UnitAccess, counted: Int32Array) {
  const rows = districts.map((d, i) => ({ d, i, t: theirsBy.get(d.ubigeo) })).filter((r) => r.t !== undefined);
  const ours = (f: (i: number) => number) => rows.map((r) => f(r.i));
  const them = (f: (t: NonNullable<(typeof rows)[number]['t']>) => number | null) => rows.map((r) => f(r.t!) ?? NaN);
  const withinOurs = ours((i) => 1 - a.shareBeyond[i]);
  const withinTheirs = them((t) => t.share_cp_within_30km);
  console.log(`\n## ${label}`);
  const sp = (name: string, x: number[], y: number[]) => {
    const r = spearman(x, y);
    console.log(`- Spearman ρ, ${name}: ${fmt(r.rho)} (n = ${r.n})`);
  };
  sp('mean distance', ours((i) => a.meanKm[i]), them((t) => t.mean_dist_km));
  sp('median distance', ours((i) => a.medianKm[i]), them((t) => t.median_dist_km));
  sp(`share of places within ${THRESHOLD_KM} km`, withinOurs, withinTheirs);
  sp('places per district (ours vs n_ccpp)', ours((i) => counted[i]), them((t) => t.n_ccpp));
  const diffs = withinOurs.map((w, k) => w - withinTheirs[k]).filter(Number.isFinite);
  const abs = diffs.map(Math.abs).sort((x, y) => x - y);
  console.log(`- share within ${THRESHOLD_KM} km, |ours − theirs| over ${abs.length} districts: mean ${fmt(100 * abs.reduce((s, x) => s + x, 0) / abs.length, 1)} pp, ` +
    `median ${fmt(100 * abs[Math.floor(abs.length / 2)], 1)} pp; identical in ${abs.filter((x) => x < 1e-9).length}, ` +
    `within 5 pp in ${abs.filter((x) => x <= 0.05).length}, more than 20 pp apart in ${abs.filter((x) => x > 0.2).length}`);
  const ratio = rows.map((r) => a.medianKm[r.i] / (r.t!.median_dist_km ?? NaN)).filter((x) => Number.isFinite(x) && x > 0).sort((x, y) => x - y);
  console.log(`- median distance, ours / theirs: quartiles ${fmt(ratio[Math.floor(ratio.length / 4)])}, ${fmt(ratio[Math.floor(ratio.length / 2)])}, ` +
    `${fmt(ratio[Math.floor((3 * ratio.length) / 4)])} (n = ${ratio.length}); within 1 % in ${ratio.filter((x) => Math.abs(x - 1) <= 0.01).length}`);
  const countSame = rows.filter((r) => counted[r.i] === r.t!.n_ccpp).length;
  console.log(`- same number of places as n_ccpp in ${countSame} of ${rows.length} districts`);
  return rows.map((r, k) => ({ ...r, withinOurs: withinOurs[k], withinTheirs: withinTheirs[k] }));
}

const all = new AccessModel(placeInput, facilityInput, units(false));
const a = all.aggregate('emergency', THRESHOLD_KM, 'distrito');
const coded = new AccessModel(placeInput, facilityInput, units(true));
const b = coded.aggregate('emergency', THRESHOLD_KM, 'distrito');
const codedCount = b.places;
const rowsA = compare('A. Ours as the app computes it (all places) vs theirs', a, a.places);
const rowsB = compare('B. Ours on the coded places only (their place set) vs theirs', b, b.places);

function largest(label: string, rows: ReturnType<typeof compare>, r: UnitAccess, top: number) {
  console.log(`\n## Largest disagreements on the share within 30 km (${label})`);
  console.log('ubigeo | district | within 30 km: ours / theirs | median km: ours / theirs | places: ours (coded) / theirs | emergency facilities: ours / theirs | census 2017');
  const worst = rows.filter((x) => Number.isFinite(x.withinOurs) && Number.isFinite(x.withinTheirs))
    .sort((x, y) => Math.abs(y.withinOurs - y.withinTheirs) - Math.abs(x.withinOurs - x.withinTheirs)).slice(0, top);
  for (const x of worst) {
    console.log(`${x.d.ubigeo} | ${x.d.distrito} (${x.d.provincia}) | ${fmt(100 * x.withinOurs, 0)} % / ${fmt(100 * x.withinTheirs, 0)} % | ` +
      `${fmt(r.medianKm[x.i], 1)} / ${fmt(x.t!.median_dist_km ?? NaN, 1)} | ${a.places[x.i]} (${codedCount[x.i]}) / ${x.t!.n_ccpp} | ` +
      `${emergencyByDistrict.get(x.d.ubigeo) ?? 0} / ${x.t!.n_emergency_facilities} | ${x.d.pob_2017 ?? 'sin censo'}`);
  }
}
largest('variant A', rowsA, a, 12);
largest('variant B', rowsB, b, 6);

console.log('\n## Districts with distances in ours but none in theirs (n_ccpp = 0)');
const noneTheirs = rowsA.filter((r) => r.t!.median_dist_km === null && a.places[r.i] > 0);
console.log(`${noneTheirs.length} districts, ${noneTheirs.reduce((s, r) => s + a.places[r.i], 0)} of our places; e.g. ` +
  noneTheirs.slice(0, 6).map((r) => `${r.d.ubigeo} ${r.d.distrito} (${a.places[r.i]} places, ${codedCount[r.i]} coded)`).join('; '));

// The third party's max distance against ours (variant B), as one more check of the distance method.
const nearestB = coded.nearest('emergency');
const maxB = new Float64Array(districts.length);
const placeDistrictB = units(true).placeDistrict;
for (let i = 0; i < places.length; i++) {
  const d = placeDistrictB[i];
  if (d >= 0) maxB[d] = Math.max(maxB[d], nearestB.distanceKm[i]);
}
const maxPairs = districts.map((d, i) => [maxB[i], theirsBy.get(d.ubigeo)?.max_dist_km ?? NaN] as const).filter(([x, y]) => x > 0 && Number.isFinite(y));
const maxRel = maxPairs.map(([x, y]) => Math.abs(x / y - 1)).sort((x, y) => x - y);
console.log(`\n## Max distance (variant B): |ours / theirs − 1| median ${fmt(100 * maxRel[Math.floor(maxRel.length / 2)], 2)} %, ` +
  `90th percentile ${fmt(100 * maxRel[Math.floor(0.9 * maxRel.length)], 2)} % (n = ${maxRel.length}); ` +
  `Spearman ρ ${fmt(spearman(maxPairs.map((p) => p[0]), maxPairs.map((p) => p[1])).rho)}`);

// Distance method: the same place–facility pairs (variant B) measured on the WGS84 ellipsoid.
/** Vincenty's inverse formula on WGS84, in km (converges everywhere in Peru). */
function vincentyKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const a = 6378137;
  const f = 1 / 298.257223563;
  const b = a * (1 - f);
  const r = Math.PI / 180;
  const L = (lon2 - lon1) * r;
  const U1 = Math.atan((1 - f) * Math.tan(lat1 * r));
  const U2 = Math.atan((1 - f) * Math.tan(lat2 * r));
  const [sU1, cU1, sU2, cU2] = [Math.sin(U1), Math.cos(U1), Math.sin(U2), Math.cos(U2)];
  let lambda = L;
  let sinS = 0, cosS = 0, sigma = 0, cos2A = 0, cos2Sm = 0;
  for (let it = 0; it < 200; it++) {
    const sl = Math.sin(lambda);
    const cl = Math.cos(lambda);
    sinS = Math.hypot(cU2 * sl, cU1 * sU2 - sU1 * cU2 * cl);
    if (sinS === 0) return 0;
    cosS = sU1 * sU2 + cU1 * cU2 * cl;
    sigma = Math.atan2(sinS, cosS);
    const sinA = (cU1 * cU2 * sl) / sinS;
    cos2A = 1 - sinA * sinA;
    cos2Sm = cos2A !== 0 ? cosS - (2 * sU1 * sU2) / cos2A : 0;
    const C = (f / 16) * cos2A * (4 + f * (4 - 3 * cos2A));
    const prev = lambda;
    lambda = L + (1 - C) * f * sinA * (sigma + C * sinS * (cos2Sm + C * cosS * (-1 + 2 * cos2Sm * cos2Sm)));
    if (Math.abs(lambda - prev) < 1e-12) break;
  }
  const u2 = (cos2A * (a * a - b * b)) / (b * b);
  const A = 1 + (u2 / 16384) * (4096 + u2 * (-768 + u2 * (320 - 175 * u2)));
  const B = (u2 / 1024) * (256 + u2 * (-128 + u2 * (74 - 47 * u2)));
  const dSigma = B * sinS * (cos2Sm + (B / 4) * (cosS * (-1 + 2 * cos2Sm * cos2Sm) - (B / 6) * cos2Sm * (-3 + 4 * sinS * sinS) * (-3 + 4 * cos2Sm * cos2Sm)));
  return (b * A * (sigma - dSigma)) / 1000;
}
const sphereBy: number[][] = districts.map(() => []);
const ellipsoidBy: number[][] = districts.map(() => []);
for (let i = 0; i < places.length; i++) {
  const d = placeDistrictB[i];
  const j = nearestB.facility[i];
  if (d < 0 || j < 0) continue;
  sphereBy[d].push(nearestB.distanceKm[i]);
  ellipsoidBy[d].push(vincentyKm(places[i].lon, places[i].lat, facilityInput.lon[j], facilityInput.lat[j]));
}
console.log('\n## Distance method: median distance ours / theirs (variant B), percentiles 5, 25, 50, 75, 95');
for (const [name, groups] of [['sphere, R = 6,371 km (the app)', sphereBy], ['WGS84 ellipsoid (Vincenty)', ellipsoidBy]] as const) {
  const ratios: number[] = [];
  districts.forEach((d, k) => {
    const t = theirsBy.get(d.ubigeo);
    if (!t || t.median_dist_km === null || groups[k].length === 0) return;
    ratios.push(quantileSorted([...groups[k]].sort((x, y) => x - y), 0.5) / t.median_dist_km);
  });
  ratios.sort((x, y) => x - y);
  const q = (p: number) => fmt(ratios[Math.floor(p * (ratios.length - 1))], 4);
  console.log(`- ${name}: ${q(0.05)}, ${q(0.25)}, ${q(0.5)}, ${q(0.75)}, ${q(0.95)}; within 0.1 % in ${ratios.filter((x) => Math.abs(x - 1) <= 0.001).length} of ${ratios.length}`);
}

db.close();
