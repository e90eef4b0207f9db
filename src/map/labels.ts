/**
 * Place names on the map (issue 17): one anchor per unit, inside its largest polygon, and a
 * greedy declutter in screen space — the top N first (with their rank), then the rest by rank —
 * recomputed when the camera stops. Pure: MapView projects the anchors, this decides who shows.
 */
import { area, booleanPointInPolygon, centerOfMass, pointOnFeature, polygon } from '@turf/turf';
import type { Position } from 'geojson';
import type { Boundaries } from '../data/boundaries';

export interface LabelAnchors {
  /** UBIGEO per anchor, in the boundaries' feature order. */
  ids: string[];
  lon: Float64Array;
  lat: Float64Array;
  /** Area of the unit's largest polygon (m²): larger units get their name first, as on printed maps. */
  area: Float64Array;
}

const cache = new WeakMap<Boundaries, LabelAnchors>();

/** A point well inside the unit: the centre of mass of its largest polygon, or a point on it when that falls outside (a crescent). */
export function labelAnchors(b: Boundaries): LabelAnchors {
  const hit = cache.get(b);
  if (hit) return hit;
  const n = b.features.length;
  const out: LabelAnchors = { ids: new Array<string>(n), lon: new Float64Array(n), lat: new Float64Array(n), area: new Float64Array(n) };
  b.features.forEach((f, i) => {
    out.ids[i] = f.properties.ubigeo;
    const g = f.geometry;
    const rings: Position[][][] = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    let best: Position[][] | null = null;
    let bestArea = -1;
    for (const r of rings) {
      const a = area(polygon(r));
      if (a > bestArea) {
        bestArea = a;
        best = r;
      }
    }
    if (!best) {
      out.lon[i] = NaN;
      out.lat[i] = NaN;
      return;
    }
    out.area[i] = bestArea;
    const p = polygon(best);
    let c = centerOfMass(p).geometry.coordinates;
    if (!booleanPointInPolygon(c, p)) c = pointOnFeature(p).geometry.coordinates;
    out.lon[i] = c[0];
    out.lat[i] = c[1];
  });
  cache.set(b, out);
  return out;
}

export interface LabelBox {
  /** Screen position of the anchor (px) and the label's size (px), centred on it. */
  x: number;
  y: number;
  w: number;
  h: number;
}

/** An estimate of a label's width in px (DejaVu Sans averages about 0.6 em per character). */
export const labelWidth = (text: string, sizePx: number) => Math.ceil(text.length * sizePx * 0.6) + 4;

/**
 * Greedy declutter: boxes taken in `order` (most important first), each kept unless it leaves
 * the viewport or overlaps one already kept (with `gap` px between). A uniform grid makes each
 * test look at a few neighbours only. Returns the kept indices, in order.
 */
export function declutter(boxes: readonly LabelBox[], order: readonly number[], width: number, height: number, gap = 2): number[] {
  const CELL = 64;
  const cols = Math.max(1, Math.ceil(width / CELL));
  const rows = Math.max(1, Math.ceil(height / CELL));
  const grid: number[][] = Array.from({ length: cols * rows }, () => []);
  const kept: number[] = [];
  for (const i of order) {
    const b = boxes[i];
    const x0 = b.x - b.w / 2 - gap;
    const x1 = b.x + b.w / 2 + gap;
    const y0 = b.y - b.h / 2 - gap;
    const y1 = b.y + b.h / 2 + gap;
    if (!(x0 >= 0 && y0 >= 0 && x1 <= width && y1 <= height)) continue;
    const c0 = Math.floor(x0 / CELL);
    const c1 = Math.min(cols - 1, Math.floor(x1 / CELL));
    const r0 = Math.floor(y0 / CELL);
    const r1 = Math.min(rows - 1, Math.floor(y1 / CELL));
    let free = true;
    for (let r = r0; r <= r1 && free; r++) {
      for (let c = c0; c <= c1 && free; c++) {
        for (const j of grid[r * cols + c]) {
          const o = boxes[j];
          if (x0 < o.x + o.w / 2 && x1 > o.x - o.w / 2 && y0 < o.y + o.h / 2 && y1 > o.y - o.h / 2) {
            free = false;
            break;
          }
        }
      }
    }
    if (!free) continue;
    kept.push(i);
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) grid[r * cols + c].push(i);
  }
  return kept;
}

/** Every character the labels can use (names, digits, «. »): deck.gl builds its glyph atlas once from it. */
export function labelCharacters(names: readonly string[]): string[] {
  const set = new Set<string>('0123456789. ');
  for (const n of names) for (const ch of n) set.add(ch);
  return [...set];
}

/**
 * Label sizes (px) at a zoom level: a top-N name, another unit's, a department's. They grow as
 * one zooms in (more room per unit), as on printed maps, within a readable range.
 */
export function labelSizes(zoom: number): { top: number; unit: number; department: number } {
  const k = zoom < 5 ? 1 : zoom < 6.5 ? 1.1 : zoom < 8 ? 1.2 : 1.3;
  return { top: Math.round(13 * k), unit: Math.round(11 * k), department: Math.round(12 * k) };
}
