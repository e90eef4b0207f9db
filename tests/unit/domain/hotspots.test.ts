import { describe, expect, it } from 'vitest';
import type { Topology } from 'topojson-specification';
import {
  DEFAULT_SEED, TIE_TOLERANCE, benjaminiHochberg, classify, contiguityFromTopology, localMoran, mulberry32, rowStandardise,
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

describe('benjaminiHochberg', () => {
  it('matches a hand computation', () => {
    // p = [0.01, 0.04, 0.03, 0.005, 0.2], m = 5, q = 0.05. Sorted, with rank i and (m/i)·p:
    //   i=1  0.005 (unit 3)  5/1 · 0.005 = 0.025
    //   i=2  0.01  (unit 0)  5/2 · 0.01  = 0.025
    //   i=3  0.03  (unit 2)  5/3 · 0.03  = 0.05
    //   i=4  0.04  (unit 1)  5/4 · 0.04  = 0.05
    //   i=5  0.2   (unit 4)  5/5 · 0.2   = 0.2
    // Running minimum from the largest down: 0.2, 0.05, 0.05, 0.025, 0.025 → adjusted, in the
    // input's order, [0.025, 0.05, 0.05, 0.025, 0.2]. Step-up: the largest i with p(i) ≤ i·q/m
    // (0.01, 0.02, 0.03, 0.04, 0.05) is i = 4 (0.04 ≤ 0.04), so units 3, 0, 2, 1 are significant
    // and the cutoff is 0.04. Without correction, 0.04 and 0.03 would pass too, 0.2 not.
    const bh = benjaminiHochberg([0.01, 0.04, 0.03, 0.005, 0.2], 0.05);
    [0.025, 0.05, 0.05, 0.025, 0.2].forEach((x, k) => expect(bh.adjusted[k]).toBeCloseTo(x, 15));
    expect([...bh.significant]).toEqual([1, 1, 1, 1, 0]);
    expect(bh.cutoff).toBe(0.04);
    // At q = 0.01 the thresholds are 0.002, 0.004, 0.006, 0.008, 0.01: every p(i) is above its
    // own (0.005 > 0.002, …, 0.2 > 0.01), so none passes.
    const strict = benjaminiHochberg([0.01, 0.04, 0.03, 0.005, 0.2], 0.01);
    expect([...strict.significant]).toEqual([0, 0, 0, 0, 0]);
    expect(strict.cutoff).toBe(0);
  });

  it('is step-up: a later rank can carry earlier ones that fail their own threshold', () => {
    // m = 4, q = 0.05: thresholds 0.0125, 0.025, 0.0375, 0.05. p(1) = 0.02 fails 0.0125, but
    // p(4) = 0.05 ≤ 0.05, so all four pass; every adjusted p is 4/4 · 0.05 = 0.05.
    const bh = benjaminiHochberg([0.05, 0.02, 0.03, 0.04], 0.05);
    expect([...bh.significant]).toEqual([1, 1, 1, 1]);
    expect([...bh.adjusted]).toEqual([0.05, 0.05, 0.05, 0.05]);
    expect(bh.cutoff).toBe(0.05);
  });

  it('leaves NaN out of m, keeps it NaN and never significant', () => {
    const withNaN = benjaminiHochberg([NaN, 0.01, 0.04, NaN, 0.03, 0.005, 0.2], 0.05);
    const without = benjaminiHochberg([0.01, 0.04, 0.03, 0.005, 0.2], 0.05);
    expect(Number.isNaN(withNaN.adjusted[0])).toBe(true);
    expect(Number.isNaN(withNaN.adjusted[3])).toBe(true);
    expect(withNaN.significant[0]).toBe(0);
    expect(withNaN.significant[3]).toBe(0);
    expect([1, 2, 4, 5, 6].map((k) => withNaN.adjusted[k])).toEqual([...without.adjusted]);
    expect(withNaN.cutoff).toBe(without.cutoff);
    const none = benjaminiHochberg([NaN, NaN], 0.05);
    expect([...none.significant]).toEqual([0, 0]);
    expect(none.cutoff).toBe(0);
    expect(benjaminiHochberg([], 0.05).adjusted.length).toBe(0);
  });

  it('gives adjusted p-values monotone in p, at least p, at most 1, as the definition', () => {
    const random = mulberry32(11);
    // Permutation-like p-values (k/1000, with ties) and a few near 1.
    const p = Array.from({ length: 300 }, (_, k) => (k % 50 === 0 ? 0.999 : Math.ceil(random() ** 3 * 1000) / 1000));
    const bh = benjaminiHochberg(p, 0.1);
    const m = p.length;
    const order = p.map((_, k) => k).sort((a, b) => p[a] - p[b]);
    for (let r = 1; r < m; r++) expect(bh.adjusted[order[r]]).toBeGreaterThanOrEqual(bh.adjusted[order[r - 1]]);
    p.forEach((x, k) => {
      expect(bh.adjusted[k]).toBeGreaterThanOrEqual(x);
      expect(bh.adjusted[k]).toBeLessThanOrEqual(1);
      // The definition: the minimum over the ranks at or above this p's last rank of (m/j)·p(j).
      const last = Math.max(...order.map((o, r) => (p[o] === x ? r + 1 : 0)));
      const direct = Math.min(1, ...order.slice(last - 1).map((o, r) => (m / (last + r)) * p[o]));
      expect(bh.adjusted[k]).toBeCloseTo(direct, 14);
      expect(bh.significant[k]).toBe(bh.adjusted[k] <= 0.1 ? 1 : 0);
      if (bh.significant[k]) expect(x).toBeLessThanOrEqual(bh.cutoff);
      else expect(x).toBeGreaterThan(bh.cutoff);
    });
    expect(bh.cutoff).toBeGreaterThan(0);
  });
});

describe('localMoran with correction', () => {
  /** 20×20 queen grid: a high block, a low block and smooth noise, as a conflict rate might be. */
  function example() {
    const w = 20;
    const nb = contiguityFromTopology(gridTopology(w, w), 'celdas', 'queen').neighbours;
    const random = mulberry32(42);
    const vals = Array.from({ length: w * w }, (_, i) => {
      const [r, c] = [Math.floor(i / w), i % w];
      if (r >= 2 && r <= 5 && c >= 2 && c <= 6) return 40 + random() * 20;
      if (r >= 12 && r <= 16 && c >= 10 && c <= 15) return random() * 2;
      return 10 + random() * 15 + (c / w) * 5;
    });
    vals[399] = NaN;
    return { nb, vals };
  }

  it("keeps p, sets pAdjusted = p and reports 'none' by default", () => {
    const { nb, vals } = example();
    const res = localMoran(vals, nb, { permutations: 199 });
    expect(res.correction).toBe('none');
    for (const u of res.units) expect(Object.is(u.pAdjusted, u.p)).toBe(true);
  });

  it('with fdr never flags more units than without, nor changes p, and uses BH at alpha', () => {
    const { nb, vals } = example();
    for (const alpha of [0.01, 0.05, 0.1]) {
      const none = localMoran(vals, nb, { alpha, permutations: 999 });
      const fdr = localMoran(vals, nb, { alpha, permutations: 999, correction: 'fdr' });
      expect(fdr.correction).toBe('fdr');
      expect(fdr.units.map((u) => u.p)).toEqual(none.units.map((u) => u.p));
      const flagged = (r: typeof none) => r.units.filter((u) => u.class !== 'no significativo' && u.class !== 'sin vecinos' && u.class !== 'sin datos');
      expect(flagged(fdr).length).toBeLessThanOrEqual(flagged(none).length);
      // Each unit flagged with fdr is flagged without, in the same quadrant.
      for (const u of flagged(fdr)) expect(none.units[u.index].class).toBe(u.class);
      const bh = benjaminiHochberg(none.units.map((u) => u.p), alpha);
      fdr.units.forEach((u, k) => {
        if (Number.isNaN(u.p)) expect(Number.isNaN(u.pAdjusted)).toBe(true);
        else expect(u.pAdjusted).toBe(bh.adjusted[k]);
        expect(u.class !== 'no significativo' && !Number.isNaN(u.p)).toBe(bh.significant[k] === 1);
      });
      expect(fdr.units[399].class).toBe('sin datos');
    }
    // The correction matters here: some units pass alone at 0.05 but not under FDR, and the
    // core of the high block survives it.
    const none = localMoran(vals, nb, { permutations: 999 });
    const fdr = localMoran(vals, nb, { permutations: 999, correction: 'fdr' });
    const count = (r: typeof none) => r.units.filter((u) => u.pAdjusted <= 0.05).length;
    expect(count(fdr)).toBeLessThan(count(none));
    expect(fdr.units.filter((u) => u.class === 'alto-alto').length).toBeGreaterThan(0);
  });
});
