import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ACCESS_CATEGORIES, AccessModel, EARTH_RADIUS_KM, beyondThreshold, buildFacilityIndex, categoryRank, groupDistances,
  haversineKm, nearestBruteForce, nearestFacilities, placeSearchOrder, populationBeyond, quantileSorted,
  unitDistanceStats, type FacilityInput, type PlaceInput,
} from '../../../src/domain/access';

/** Spherical law of cosines: an independent formula for the same great-circle distance. */
function cosineLawKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const r = Math.PI / 180;
  const c = Math.sin(lat1 * r) * Math.sin(lat2 * r) + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.cos((lon2 - lon1) * r);
  return EARTH_RADIUS_KM * Math.acos(Math.min(1, Math.max(-1, c)));
}

describe('haversineKm', () => {
  it('gives known great-circle distances (sphere of 6,371 km)', () => {
    // Lima (12.0464 S, 77.0282 W) to Cusco (13.5320 S, 71.9675 W): 573.1 km in a straight line.
    expect(haversineKm(-77.0282, -12.0464, -71.9675, -13.532)).toBeCloseTo(573.06, 1);
    expect(haversineKm(0, 0, 0, 1)).toBeCloseTo((Math.PI / 180) * EARTH_RADIUS_KM, 9); // 111.195 km
    expect(haversineKm(0, 0, 90, 0)).toBeCloseTo((Math.PI / 2) * EARTH_RADIUS_KM, 6); // a quarter of the equator
    expect(haversineKm(-75, -10, -75, -10)).toBe(0);
  });

  it('agrees with the spherical law of cosines and is symmetric', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -82, max: -68, noNaN: true }), fc.double({ min: -19, max: 0, noNaN: true }),
        fc.double({ min: -82, max: -68, noNaN: true }), fc.double({ min: -19, max: 0, noNaN: true }),
        (lon1, lat1, lon2, lat2) => {
          const d = haversineKm(lon1, lat1, lon2, lat2);
          expect(d).toBeCloseTo(haversineKm(lon2, lat2, lon1, lat1), 9);
          if (d > 1) expect(Math.abs(d - cosineLawKm(lon1, lat1, lon2, lat2))).toBeLessThan(1e-6 * d + 1e-6);
        },
      ),
    );
  });
});

describe('categoryRank', () => {
  it('ranks I-1…I-4 as 1…4, II-* as 5, III-* as 6 and the rest as 0', () => {
    expect(['I-1', 'I-2', 'I-3', 'I-4', 'II-1', 'II-2', 'II-E', 'III-1', 'III-2', 'III-E'].map(categoryRank))
      .toEqual([1, 2, 3, 4, 5, 5, 5, 6, 6, 6]);
    expect([null, undefined, '', 'Sin categoría', 'I-5'].map(categoryRank)).toEqual([0, 0, 0, 0, 0]);
  });
});

/** Random places and facilities; coordinates on a coarse grid so exact ties happen too. */
const coord = (min: number, max: number, step: number) => fc.integer({ min: Math.round(min / step), max: Math.round(max / step) }).map((v) => v * step);
const pointsArb = (minLength: number, maxLength: number, step: number) =>
  fc.array(fc.tuple(coord(-81, -69, step), coord(-18, 0, step)), { minLength, maxLength });

function placesOf(points: Array<[number, number]>, withGaps = false): PlaceInput {
  const lon = Float64Array.from(points.map((p, i) => (withGaps && i % 7 === 3 ? NaN : p[0])));
  const lat = Float64Array.from(points.map((p) => p[1]));
  return { lon, lat };
}

const facilityArb = fc.array(
  fc.tuple(coord(-81, -69, 0.05), coord(-18, 0, 0.05), fc.integer({ min: 0, max: 6 }), fc.boolean(), fc.boolean()),
  { minLength: 0, maxLength: 120 },
);

function facilitiesOf(rows: Array<[number, number, number, boolean, boolean]>): FacilityInput {
  return {
    lon: Float64Array.from(rows.map((r) => (r[4] && r[2] === 1 ? NaN : r[0]))), // some without a point
    lat: Float64Array.from(rows.map((r) => r[1])),
    rank: Uint8Array.from(rows.map((r) => r[2])),
    emergency: Uint8Array.from(rows.map((r) => (r[3] ? 1 : 0))),
  };
}

describe('nearestFacilities', () => {
  it('returns exactly what brute force returns, for every category (random data, with ties)', () => {
    fc.assert(
      fc.property(pointsArb(1, 300, 0.05), facilityArb, (pts, facs) => {
        const places = placesOf(pts, true);
        const facilities = facilitiesOf(facs);
        const order = placeSearchOrder(places);
        for (const category of ACCESS_CATEGORIES) {
          const fast = nearestFacilities(places, buildFacilityIndex(facilities, category), order);
          const brute = nearestBruteForce(places, facilities, category);
          expect(Array.from(fast.facility)).toEqual(Array.from(brute.facility));
          expect(Array.from(fast.distanceKm)).toEqual(Array.from(brute.distanceKm));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('selects facilities by minimum rank, or by the emergency flag', () => {
    const places = placesOf([[-75, -10]]);
    const facilities: FacilityInput = {
      lon: Float64Array.from([-75.01, -75.1, -75.2, -75.3, -75.4]),
      lat: Float64Array.from([-10, -10, -10, -10, -10]),
      rank: Uint8Array.from([0, 2, 3, 4, 6]),
      emergency: Uint8Array.from([0, 0, 0, 1, 0]),
    };
    const nearest = (c: (typeof ACCESS_CATEGORIES)[number]) => nearestFacilities(places, buildFacilityIndex(facilities, c)).facility[0];
    expect(nearest('any')).toBe(0);
    expect(nearest('min_I3')).toBe(2);
    expect(nearest('min_I4')).toBe(3);
    expect(nearest('hospital')).toBe(4);
    expect(nearest('emergency')).toBe(3);
  });

  it('handles no facility, places without a point and the antimeridian', () => {
    const places = placesOf([[179.9, 10], [NaN, 0], [-179.95, 10]]);
    const empty: FacilityInput = { lon: new Float64Array(0), lat: new Float64Array(0), rank: new Uint8Array(0) };
    const none = nearestFacilities(places, buildFacilityIndex(empty, 'any'));
    expect(Array.from(none.facility)).toEqual([-1, -1, -1]);
    expect(none.distanceKm.every(Number.isNaN)).toBe(true);
    const facilities: FacilityInput = { lon: Float64Array.from([-179.9, 170]), lat: Float64Array.from([10, 10]), rank: Uint8Array.from([1, 1]) };
    const r = nearestFacilities(places, buildFacilityIndex(facilities, 'any'));
    expect(r.facility[0]).toBe(0); // across the antimeridian, 0.2° away, not 9.9°
    expect(r.distanceKm[0]).toBeCloseTo(haversineKm(179.9, 10, -179.9, 10), 3);
    expect(r.facility[1]).toBe(-1);
    expect(r.facility[2]).toBe(0);
  });
});

describe('aggregation per unit', () => {
  // Unit 0: 1, 2, 3, 4, 10 km. Unit 1: one place at 40 km. Unit 2: no place. One place has no unit.
  const distances = Float32Array.from([3, 10, 1, 40, 4, 2, 99]);
  const unitOf = Int32Array.from([0, 0, 0, 1, 0, 0, -1]);
  const g = groupDistances(distances, unitOf, 3);

  it('groups and sorts distances per unit', () => {
    expect(Array.from(g.offsets)).toEqual([0, 5, 6, 6]);
    expect(Array.from(g.sorted)).toEqual([1, 2, 3, 4, 10, 40]);
  });

  it('median and 90th percentile interpolate between closest ranks (type 7)', () => {
    const s = unitDistanceStats(g);
    expect(Array.from(s.places)).toEqual([5, 1, 0]);
    expect(s.medianKm[0]).toBe(3);
    // h = (5 − 1) × 0.9 = 3.6 → 4 + 0.6 × (10 − 4) = 7.6
    expect(s.p90Km[0]).toBeCloseTo(7.6, 10);
    expect(s.meanKm[0]).toBe(4);
    expect([s.medianKm[1], s.p90Km[1]]).toEqual([40, 40]);
    expect(Number.isNaN(s.medianKm[2])).toBe(true);
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
  });

  it('counts places strictly beyond the threshold', () => {
    const b = beyondThreshold(g, 3); // 3 km itself is not beyond
    expect(Array.from(b.beyond)).toEqual([2, 1, 0]);
    expect(b.shareBeyond[0]).toBe(0.4);
    expect(b.shareBeyond[1]).toBe(1);
    expect(Number.isNaN(b.shareBeyond[2])).toBe(true);
    expect(Array.from(beyondThreshold(g, 0).beyond)).toEqual([5, 1, 0]);
    expect(Array.from(beyondThreshold(g, 60).beyond)).toEqual([0, 0, 0]);
  });

  it('estimates population beyond: district population × share of its places beyond', () => {
    const share = Float64Array.from([0.4, 1, NaN, 0.5]);
    const pop = Float64Array.from([1000, 200, 500, NaN]);
    const byDistrict = populationBeyond(share, pop, null, 4);
    expect(byDistrict.populationBeyond[0]).toBeCloseTo(400, 10);
    expect(byDistrict.populationBeyond[1]).toBe(200);
    expect(Number.isNaN(byDistrict.populationBeyond[2])).toBe(true); // no places
    expect(Number.isNaN(byDistrict.populationBeyond[3])).toBe(true); // no population
    // Districts 0, 1 → province 0; districts 2, 3 → province 1.
    const byProvince = populationBeyond(share, pop, Int32Array.from([0, 0, 1, 1]), 2);
    expect(byProvince.populationBeyond[0]).toBeCloseTo(600, 10);
    expect(byProvince.populationCovered[0]).toBe(1200);
    expect(Number.isNaN(byProvince.populationBeyond[1])).toBe(true);
  });
});

describe('AccessModel', () => {
  const places = placesOf([[-75, -10], [-75.5, -10], [-76, -10], [-77, -10], [-75, -11]]);
  const facilities: FacilityInput = {
    lon: Float64Array.from([-75, -77]), lat: Float64Array.from([-10, -10]), rank: Uint8Array.from([1, 5]),
  };
  // Districts: 0 = places 0–2, 1 = place 3, 2 = place 4; provinces: {0, 1} → 0, {2} → 1.
  const units = {
    placeDistrict: Int32Array.from([0, 0, 0, 1, 2]), districtCount: 3,
    districtProvince: Int32Array.from([0, 0, 1]), provinceCount: 2,
    districtPopulation: Float64Array.from([3000, 100, NaN]),
  };
  const model = new AccessModel(places, facilities, units);

  it('caches the nearest search per category', () => {
    expect(model.nearest('any')).toBe(model.nearest('any'));
    expect(model.nearest('any')).not.toBe(model.nearest('hospital'));
  });

  it('aggregates per district and per province, re-using the cached search for a new threshold', () => {
    const km = (a: number, b: number) => haversineKm(a, -10, b, -10);
    const d = model.aggregate('any', 30, 'distrito');
    expect(Array.from(d.places)).toEqual([3, 1, 1]);
    expect(d.medianKm[0]).toBeCloseTo(km(-75, -75.5), 4);
    // Place 2 (-76) is 109.6 km from both facilities: beyond 30 km, as is place 1 (54.8 km).
    expect(Array.from(d.beyond)).toEqual([2, 0, 1]);
    expect(d.populationBeyond[0]).toBeCloseTo(2000, 6);
    expect(d.populationBeyond[1]).toBe(0);
    expect(Number.isNaN(d.populationBeyond[2])).toBe(true);
    const before = model.nearest('any');
    const p = model.aggregate('any', 60, 'provincia');
    expect(model.nearest('any')).toBe(before);
    expect(Array.from(p.places)).toEqual([4, 1]);
    expect(Array.from(p.beyond)).toEqual([1, 1]);
    expect(p.populationBeyond[0]).toBeCloseTo(1000, 6); // 3000 × 1/3 + 100 × 0
    const h = model.aggregate('hospital', 60, 'distrito');
    expect(Array.from(h.beyond)).toEqual([3, 0, 1]); // only the hospital at -77 counts
  });

  it('rejects arrays of different lengths', () => {
    expect(() => new AccessModel(places, facilities, { ...units, placeDistrict: new Int32Array(2) })).toThrow();
  });

  it('searches only the facilities of the universe once it is set, and every one again when it is lifted', () => {
    const m = new AccessModel(places, facilities, units);
    expect(Array.from(m.nearest('any').facility)).toEqual([0, 0, 0, 1, 0]);
    m.setIncluded(Uint8Array.from([0, 1])); // only the hospital at -77 is in the universe
    const only = m.nearest('any');
    expect(Array.from(only.facility)).toEqual([1, 1, 1, 1, 1]);
    expect(only.distanceKm[0]).toBeCloseTo(haversineKm(-75, -10, -77, -10), 3);
    expect(Array.from(m.aggregate('any', 60, 'distrito').beyond)).toEqual([3, 0, 1]);
    // exact against brute force over the same universe
    const brute = nearestBruteForce(places, m.searchedFacilities, 'any');
    expect(Array.from(only.facility)).toEqual(Array.from(brute.facility));
    m.setIncluded(Uint8Array.from([0, 0]));
    expect(Array.from(m.nearest('any').facility)).toEqual([-1, -1, -1, -1, -1]);
    m.setIncluded(null);
    expect(Array.from(m.nearest('any').facility)).toEqual([0, 0, 0, 1, 0]);
    expect(() => m.setIncluded(new Uint8Array(3))).toThrow();
  });
});
