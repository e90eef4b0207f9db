import { describe, expect, it } from 'vitest';
import type { Topology } from 'topojson-specification';
import {
  DEFAULT_SEED, TIE_TOLERANCE, classify, contiguityFromTopology, localMoran, mulberry32, rowStandardise,
} from '../../../src/domain/hotspots';

/**
 * A w×h grid of unit squares as a TopoJSON topology with one arc per cell edge, so
 * neighbouring cells share arcs and diagonal cells share only an arc endpoint (a corner).
 * Cells are numbered row by row from the top-left; `quantised` delta-encodes the arcs.
 */
function gridTopology(w: number, h: number, quantised = false): Topology {
  const arcs: number[][][] = [];
  const hArc = new Map<string, number>();
  const vArc = new Map<string, number>();
  for (let y = 0; y <= h; y++) for (let x = 0; x < w; x++) {
    hArc.set(`${x},${y}`, arcs.length);
    arcs.push([[x, y], [x + 1, y]]);
  }
  for (let x = 0; x <= w; x++) for (let y = 0; y < h; y++) {
    vArc.set(`${x},${y}`, arcs.length);
    arcs.push([[x, y], [x, y + 1]]);
  }
  const geometries = [];
  for (let row = 0; row < h; row++) for (let col = 0; col < w; col++) {
    const y = h - 1 - row;
    const ring = [hArc.get(`${col},${y}`)!, vArc.get(`${col + 1},${y}`)!, ~hArc.get(`${col},${y + 1}`)!, ~vArc.get(`${col},${y}`)!];
    geometries.push({ type: 'Polygon' as const, arcs: [ring], properties: { ubigeo: `c${row * w + col}` } });
  }
  const topo: Topology = { type: 'Topology', objects: { celdas: { type: 'GeometryCollection', geometries } }, arcs };
  if (quantised) {
    topo.transform = { scale: [1, 1], translate: [0, 0] };
    topo.arcs = arcs.map((arc) => arc.map((p, i) => (i === 0 ? p : [p[0] - arc[i - 1][0], p[1] - arc[i - 1][1]])));
  }
  return topo;
}

describe('contiguityFromTopology', () => {
  it('rook uses shared arcs; queen adds cells touching at a corner', () => {
    const topo = gridTopology(3, 3);
    const rook = contiguityFromTopology(topo, 'celdas', 'rook');
    const queen = contiguityFromTopology(topo, 'celdas', 'queen');
    // 0 1 2
    // 3 4 5
    // 6 7 8
    expect(rook.neighbours).toEqual([[1, 3], [0, 2, 4], [1, 5], [0, 4, 6], [1, 3, 5, 7], [2, 4, 8], [3, 7], [4, 6, 8], [5, 7]]);
    expect(queen.neighbours[0]).toEqual([1, 3, 4]);
    expect(queen.neighbours[4]).toEqual([0, 1, 2, 3, 5, 6, 7, 8]);
    expect(queen.neighbours[2]).toEqual([1, 4, 5]);
    expect(queen.ids[4]).toBe('c4');
    expect(rook.islands).toEqual([]);
    // Links: rook 12 (edges of the 3×3 lattice), queen 12 + 8 diagonals.
    const links = (nb: number[][]) => nb.reduce((s, x) => s + x.length, 0) / 2;
    expect(links(rook.neighbours)).toBe(12);
    expect(links(queen.neighbours)).toBe(20);
  });

  it('decodes quantised (delta-encoded) arcs to the same neighbours', () => {
    expect(contiguityFromTopology(gridTopology(4, 3, true), 'celdas', 'queen').neighbours)
      .toEqual(contiguityFromTopology(gridTopology(4, 3), 'celdas', 'queen').neighbours);
  });

  it('links two squares touching at a single point only under queen, and reports islands', () => {
    // A: [0,1]², B: [1,2]×[1,2] (touches A at (1,1) only), C far away. Separate arcs, no sharing.
    const square = (x: number, y: number) => [[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]];
    const topo: Topology = {
      type: 'Topology',
      arcs: [square(0, 0), square(1, 1), square(5, 5)],
      objects: {
        o: {
          type: 'GeometryCollection',
          geometries: [
            { type: 'Polygon', arcs: [[0]], properties: { ubigeo: 'A' } },
            { type: 'Polygon', arcs: [[1]], properties: { ubigeo: 'B' } },
            { type: 'MultiPolygon', arcs: [[[2]]], properties: { ubigeo: 'C' } },
            { type: null, properties: { ubigeo: 'vacío' } },
          ],
        },
      },
    };
    const queen = contiguityFromTopology(topo, 'o', 'queen');
    expect(queen.neighbours).toEqual([[1], [0], [], []]);
    expect(queen.islands).toEqual([2, 3]);
    const rook = contiguityFromTopology(topo, 'o', 'rook');
    expect(rook.neighbours).toEqual([[], [], [], []]);
    expect(rook.islands).toEqual([0, 1, 2, 3]);
  });

  it('names a missing object', () => {
    expect(() => contiguityFromTopology(gridTopology(2, 2), 'provincias')).toThrow(/provincias/);
  });
});

describe('rowStandardise', () => {
  it('gives each neighbour 1/k and islands an empty row', () => {
    const w = rowStandardise([[1, 2], [0], [0], []]);
    expect([...w.offsets]).toEqual([0, 2, 3, 4, 4]);
    expect([...w.neighbours]).toEqual([1, 2, 0, 0]);
    expect([...w.weights]).toEqual([0.5, 0.5, 1, 1]);
  });
});

describe('localMoran', () => {
  // Hand computation on the 3×3 grid, values
  //   4 4 1
  //   4 1 1
  //   1 1 1
  // mean = 18/9 = 2; deviations d = [2, 2, -1, 2, -1, -1, -1, -1, -1]; m2 = Σd²/9 = 18/9 = 2,
  // sd = √2; z = d/√2. With row-standardised weights, I_i = (d_i / m2) · mean of the neighbours' d.
  // Rook:
  //   cell 0: neighbours 1, 3 → d 2, 2 → mean 2;            I_0 = (2/2)·2 = 2
  //   cell 4: neighbours 1, 3, 5, 7 → 2, 2, -1, -1 → 0.5;    I_4 = (-1/2)·0.5 = -0.25
  //   cell 8: neighbours 5, 7 → -1, -1 → -1;                 I_8 = (-1/2)·(-1) = 0.5
  //   cell 2: neighbours 1, 5 → 2, -1 → 0.5;                  I_2 = -0.25
  // Queen:
  //   cell 0: neighbours 1, 3, 4 → 2, 2, -1 → 1;              I_0 = 1
  //   cell 4: all eight others → (2+2-1+2-1-1-1-1)/8 = 1/8;   I_4 = (-1/2)·(1/8) = -0.0625
  // Spatial lag of z for cell 0 (rook) = 2/√2 = √2; z_0 = √2.
  const values = [4, 4, 1, 4, 1, 1, 1, 1, 1];

  it('matches the hand computation (rook and queen)', () => {
    const topo = gridTopology(3, 3);
    const rook = localMoran(values, contiguityFromTopology(topo, 'celdas', 'rook').neighbours, { permutations: 99 });
    expect(rook.mean).toBe(2);
    expect(rook.sd).toBeCloseTo(Math.SQRT2, 12);
    expect(rook.units[0].i).toBeCloseTo(2, 12);
    expect(rook.units[0].z).toBeCloseTo(Math.SQRT2, 12);
    expect(rook.units[0].lag).toBeCloseTo(Math.SQRT2, 12);
    expect(rook.units[0].lagValue).toBeCloseTo(4, 12);
    expect(rook.units[4].i).toBeCloseTo(-0.25, 12);
    expect(rook.units[8].i).toBeCloseTo(0.5, 12);
    expect(rook.units[2].i).toBeCloseTo(-0.25, 12);
    const queen = localMoran(values, contiguityFromTopology(topo, 'celdas', 'queen').neighbours, { permutations: 99 });
    expect(queen.units[0].i).toBeCloseTo(1, 12);
    expect(queen.units[4].i).toBeCloseTo(-0.0625, 12);
    for (const u of queen.units) {
      expect(u.p).toBeGreaterThan(0);
      expect(u.p).toBeLessThanOrEqual(1);
    }
  });

  it('gives the same p-values for the same seed, and follows the documented algorithm', () => {
    const nb = contiguityFromTopology(gridTopology(5, 5), 'celdas', 'queen').neighbours;
    const random = mulberry32(7);
    const vals = Array.from({ length: 25 }, () => Math.round(random() * 100));
    const a = localMoran(vals, nb, { seed: 123 });
    const b = localMoran(vals, nb, { seed: 123 });
    expect(a.units.map((u) => u.p)).toEqual(b.units.map((u) => u.p));
    expect(a.seed).toBe(123);
    const c = localMoran(vals, nb, { seed: 124 });
    expect(c.units.map((u) => u.p)).not.toEqual(a.units.map((u) => u.p));
    expect(localMoran(vals, nb).seed).toBe(DEFAULT_SEED);

    // A slow reference of the same procedure, with the exported PRNG.
    const reference = (seed: number, perms: number) => {
      const rnd = mulberry32(seed);
      const mean = vals.reduce((s, v) => s + v, 0) / vals.length;
      const sd = Math.sqrt(vals.reduce((s, v) => s + (v - mean) ** 2, 0) / vals.length);
      const z = vals.map((v) => (v - mean) / sd);
      return nb.map((n, i) => {
        const lag = n.reduce((s, j) => s + z[j], 0) / n.length;
        const ii = z[i] * lag;
        const pool = z.map((_, j) => j).filter((j) => j !== i);
        let larger = 0;
        let smaller = 0;
        for (let p = 0; p < perms; p++) {
          let sum = 0;
          for (let t = 0; t < n.length; t++) {
            const r = t + Math.floor(rnd() * (pool.length - t));
            [pool[t], pool[r]] = [pool[r], pool[t]];
            sum += z[pool[t]] / n.length;
          }
          const tie = TIE_TOLERANCE * Math.max(1, Math.abs(ii));
          if (z[i] * sum >= ii - tie) larger++;
          if (z[i] * sum <= ii + tie) smaller++;
        }
        return (Math.min(larger, smaller) + 1) / (perms + 1);
      });
    };
    const fast = localMoran(vals, nb, { seed: 99, permutations: 199 }).units.map((u) => u.p);
    expect(fast).toEqual(reference(99, 199));
  });

  it('classifies a clear cluster of high values as alto-alto', () => {
    // 12×12 grid, low noise (0-10) everywhere except a 4×4 block of 100 in rows/cols 1-4.
    const w = 12;
    const nb = contiguityFromTopology(gridTopology(w, w), 'celdas', 'queen').neighbours;
    const random = mulberry32(1);
    const inBlock = (i: number) => Math.floor(i / w) >= 1 && Math.floor(i / w) <= 4 && i % w >= 1 && i % w <= 4;
    const vals = Array.from({ length: w * w }, (_, i) => (inBlock(i) ? 100 : random() * 10));
    const res = localMoran(vals, nb);
    const block = res.units.filter((u) => inBlock(u.index));
    expect(block.every((u) => u.class === 'alto-alto')).toBe(true);
    // The block's four inner cells beat all 999 permutations: p = 1/1000, the smallest possible.
    expect(block.filter((u) => [26, 27, 38, 39].includes(u.index)).map((u) => u.p)).toEqual([0.001, 0.001, 0.001, 0.001]);
    expect(res.units.filter((u) => u.class === 'alto-alto').every((u) => inBlock(u.index))).toBe(true);
    expect(res.globalI).toBeGreaterThan(0.3);
  });

  it('marks islands as sin vecinos and missing values as sin datos', () => {
    // 0-1-2 in a chain, 3 isolated, 4 missing (its neighbour 2 keeps only 1).
    const nb = [[1], [0, 2], [1, 4], [], [2]];
    const res = localMoran([1, 2, 3, 10, NaN], nb, { permutations: 9 });
    expect(res.units.map((u) => u.class).slice(3)).toEqual(['sin vecinos', 'sin datos']);
    expect(res.n).toBe(4);
    expect(Number.isNaN(res.units[3].p)).toBe(true);
    expect(Number.isNaN(res.units[3].i)).toBe(true);
    // Unit 2's only remaining neighbour is 1 (the missing unit 4 is dropped).
    expect(res.units[2].lagValue).toBe(2);
  });

  it('never calls a unit at the mean significant, nor anything when all values are equal', () => {
    const nb = contiguityFromTopology(gridTopology(3, 3), 'celdas', 'rook').neighbours;
    const flat = localMoran(Array(9).fill(5), nb);
    expect(flat.units.every((u) => u.class === 'no significativo' && u.p === 1)).toBe(true);
  });

  it('classify uses the Moran scatterplot quadrants at alpha', () => {
    expect(classify(1, 1, 0.01, 0.05)).toBe('alto-alto');
    expect(classify(-1, -1, 0.01, 0.05)).toBe('bajo-bajo');
    expect(classify(1, -1, 0.01, 0.05)).toBe('alto-bajo');
    expect(classify(-1, 1, 0.01, 0.05)).toBe('bajo-alto');
    expect(classify(1, 1, 0.06, 0.05)).toBe('no significativo');
    expect(classify(1, 1, 0.06, 0.1)).toBe('alto-alto');
  });

  it('runs 196 units × 999 permutations well under 100 ms', () => {
    const nb = contiguityFromTopology(gridTopology(14, 14), 'celdas', 'queen').neighbours;
    const random = mulberry32(3);
    const vals = Array.from({ length: 196 }, () => random());
    // CPU time, not wall time: the suite shares 2 cores with other processes. Fastest of five.
    const times: number[] = [];
    for (let r = 0; r < 5; r++) {
      const t = process.cpuUsage();
      localMoran(vals, nb, { permutations: 999 });
      const d = process.cpuUsage(t);
      times.push((d.user + d.system) / 1000);
    }
    expect(Math.min(...times)).toBeLessThan(100);
  });
});
