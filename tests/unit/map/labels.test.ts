import { describe, expect, it } from 'vitest';
import { declutter, labelAnchors, labelSizes, labelWidth, type LabelBox } from '../../../src/map/labels';
import type { Boundaries } from '../../../src/data/boundaries';

describe('map labels', () => {
  it('the anchor lies inside the largest polygon, even for a crescent whose centre of mass is outside', () => {
    // a C shape: its centre of mass falls in the opening
    const crescent = [[[0, 0], [10, 0], [10, 2], [2, 2], [2, 8], [10, 8], [10, 10], [0, 10], [0, 0]]];
    const islet = [[[20, 20], [20.5, 20], [20.5, 20.5], [20, 20]]];
    const b = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { ubigeo: '0101' }, geometry: { type: 'MultiPolygon', coordinates: [islet, crescent] } }],
    } as unknown as Boundaries;
    const a = labelAnchors(b);
    expect(a.ids).toEqual(['0101']);
    const [x, y] = [a.lon[0], a.lat[0]];
    // inside the C (not in the islet, not in the opening 2 < x ≤ 10, 2 < y < 8)
    expect(x).toBeGreaterThanOrEqual(0);
    expect(x).toBeLessThanOrEqual(10);
    expect(x > 2 && y > 2 && y < 8).toBe(false);
  });

  it('declutter keeps the most important label and drops what overlaps it or leaves the screen', () => {
    const boxes: LabelBox[] = [
      { x: 50, y: 50, w: 40, h: 12 }, // 0: kept (first in order)
      { x: 60, y: 52, w: 40, h: 12 }, // 1: overlaps 0
      { x: 50, y: 80, w: 40, h: 12 }, // 2: free
      { x: 5, y: 50, w: 40, h: 12 }, // 3: crosses the left edge
      { x: 200, y: 200, w: 30, h: 12 }, // 4: free, far away (another grid cell)
    ];
    expect(declutter(boxes, [0, 1, 2, 3, 4], 300, 300)).toEqual([0, 2, 4]);
    // priority decides: with 1 first, 0 is the one dropped
    expect(declutter(boxes, [1, 0, 2, 3, 4], 300, 300)).toEqual([1, 2, 4]);
  });

  it('a longer name gets a wider box', () => {
    expect(labelWidth('Datem del Marañón', 11)).toBeGreaterThan(labelWidth('Ica', 11));
  });
});

describe('label sizes by zoom (issue 17)', () => {
  it('grow as one zooms in, the top N always the largest and departments between', () => {
    const sizes = [4, 5.5, 7, 9].map(labelSizes);
    for (const s of sizes) {
      expect(s.top).toBeGreaterThan(s.department);
      expect(s.department).toBeGreaterThan(s.unit);
    }
    for (let k = 1; k < sizes.length; k++) expect(sizes[k].unit).toBeGreaterThan(sizes[k - 1].unit);
    expect(labelSizes(4)).toEqual({ top: 13, unit: 11, department: 12 });
  });
});
