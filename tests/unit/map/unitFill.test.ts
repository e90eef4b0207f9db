import { describe, expect, it } from 'vitest';
import type { Boundaries } from '../../../src/data/boundaries';
import { featureUnits, fillGeometry, vertexColours } from '../../../src/map/unitFill';

// A square with a square hole (unit A) and a two-part unit (B): 5 + 5 + 4 + 4 vertices, rings closed.
const square = (x: number, y: number, s: number) => [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]];
const triangle = (x: number, y: number) => [[x, y], [x + 1, y], [x, y + 1], [x, y]];
const boundaries = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { ubigeo: 'A', nombre: 'A' }, geometry: { type: 'Polygon', coordinates: [square(0, 0, 4), square(1, 1, 2)] } },
    { type: 'Feature', properties: { ubigeo: 'B', nombre: 'B' }, geometry: { type: 'MultiPolygon', coordinates: [[triangle(10, 0)], [triangle(20, 0)]] } },
    { type: 'Feature', properties: { ubigeo: 'Z', nombre: 'Z' }, geometry: { type: 'Polygon', coordinates: [triangle(30, 0)] } },
  ],
} as unknown as Boundaries;

describe('the choropleth as binary data', () => {
  const g = fillGeometry(boundaries);

  it('lays out polygons, vertices and triangles in feature order, holes cut out', () => {
    expect(g.polygons).toBe(4);
    expect(Array.from(g.startIndices)).toEqual([0, 10, 14, 18, 22]);
    expect(Array.from(g.polygonFeature)).toEqual([0, 1, 1, 2]);
    expect(Array.from(g.vertexFeature.slice(0, 10))).toEqual(Array(10).fill(0));
    expect(g.positions.length).toBe(22 * 2);
    // ring ends: no edge from one ring to the next
    expect([4, 9, 13, 17, 21].every((i) => g.vertexValid[i] === 0)).toBe(true);
    expect(g.vertexValid.reduce((a, b) => a + b, 0)).toBe(22 - 5);
    // the holed square's area is 16 − 4 = 12: its triangles add up to that and none lies in the hole
    const area = (t: number) => {
      const [a, b, c] = [g.triangles[t], g.triangles[t + 1], g.triangles[t + 2]].map((i) => [g.positions[i * 2], g.positions[i * 2 + 1]]);
      return Math.abs((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])) / 2;
    };
    let holed = 0;
    for (let t = 0; t < g.triangles.length; t += 3) if (g.triangles[t] < 10) holed += area(t);
    expect(holed).toBeCloseTo(12, 9);
    // the three corners of every triangle belong to one polygon
    const polygonOf = (v: number) => g.startIndices.findIndex((s, p) => v >= s && v < g.startIndices[p + 1]);
    for (let t = 0; t < g.triangles.length; t += 3) {
      expect(polygonOf(g.triangles[t + 1])).toBe(polygonOf(g.triangles[t]));
      expect(polygonOf(g.triangles[t + 2])).toBe(polygonOf(g.triangles[t]));
    }
  });

  it('colours every vertex with its unit colour, and leaves an unranked unit transparent', () => {
    const index = new Map([['A', 1], ['B', 0]]);
    const units = featureUnits(g, index);
    expect(Array.from(units)).toEqual([1, 0, -1]);
    const fill = new Uint8ClampedArray([10, 20, 30, 255, 40, 50, 60, 200]);
    const c = vertexColours(g, units, fill);
    expect(Array.from(c.slice(0, 4))).toEqual([40, 50, 60, 200]);
    expect(Array.from(c.slice(9 * 4, 10 * 4))).toEqual([40, 50, 60, 200]);
    expect(Array.from(c.slice(10 * 4, 11 * 4))).toEqual([10, 20, 30, 255]);
    expect(Array.from(c.slice(17 * 4, 18 * 4))).toEqual([10, 20, 30, 255]);
    expect(Array.from(c.slice(18 * 4))).toEqual(Array(16).fill(0));
    // a recolour writes into the same buffer
    const again = vertexColours(g, units, new Uint8ClampedArray([1, 2, 3, 4, 5, 6, 7, 8]), c);
    expect(again).toBe(c);
    expect(Array.from(c.slice(0, 4))).toEqual([5, 6, 7, 8]);
  });
});
