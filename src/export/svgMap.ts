import type { Geometry, Position } from 'geojson';
import type { Boundaries } from '../data/boundaries';
import type { UnitColours } from '../map/classes';
import { declutter, labelAnchors, labelWidth, type LabelBox } from '../map/labels';
import { NO_DATA, OUT_OF_SCOPE, cssColour, paletteFor } from '../map/palette';
import type { ClassMode } from '../state/scenario';
import type { Tr } from './provenance';

/**
 * A static map for print, comparison and PNG: the loaded (already simplified) boundaries drawn
 * as SVG paths with a plain equirectangular projection, coloured with the map's own palette and
 * classes. Pure: strings in, strings out; the browser only rasterises it for the PNG.
 */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

type Ring = Position[];
function rings(g: Geometry): Ring[][] {
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  if (g.type === 'GeometryCollection') return g.geometries.flatMap(rings);
  return [];
}

function bboxOf(polys: Ring[][], into: [number, number, number, number]) {
  for (const poly of polys)
    for (const ring of poly)
      for (const [x, y] of ring) {
        if (x < into[0]) into[0] = x;
        if (y < into[1]) into[1] = y;
        if (x > into[2]) into[2] = x;
        if (y > into[3]) into[3] = y;
      }
  return into;
}

export interface ProjectedUnit {
  ubigeo: string;
  d: string;
}

/**
 * Paths of the units, fitted into `box` around the units in `fit` (all when empty). Units wholly
 * outside the fitted view are left out, so a department's map stays small.
 */
/** The frame that fits the `fit` units into `box` (equirectangular, scaled by cos of the mid-latitude). */
function frameOf(b: Boundaries, fit: Set<string>, box: Box) {
  const all = b.features.map((f) => ({ ubigeo: f.properties.ubigeo, polys: rings(f.geometry) }));
  const fitted = fit.size ? all.filter((u) => fit.has(u.ubigeo)) : all;
  const bb: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const u of fitted) bboxOf(u.polys, bb);
  if (!Number.isFinite(bb[0])) return null;
  const kx = Math.cos((((bb[1] + bb[3]) / 2) * Math.PI) / 180);
  const scale = Math.min(box.width / Math.max(1e-9, (bb[2] - bb[0]) * kx), box.height / Math.max(1e-9, bb[3] - bb[1]));
  const ox = box.x + (box.width - (bb[2] - bb[0]) * kx * scale) / 2;
  const oy = box.y + (box.height - (bb[3] - bb[1]) * scale) / 2;
  return { all, bb, x: (lon: number) => ox + (lon - bb[0]) * kx * scale, y: (lat: number) => oy + (bb[3] - lat) * scale };
}

export function projectUnits(b: Boundaries, fit: Set<string>, box: Box): ProjectedUnit[] {
  const frame = frameOf(b, fit, box);
  if (!frame) return [];
  const { all, bb } = frame;
  const px = (lon: number) => frame.x(lon).toFixed(1);
  const py = (lat: number) => frame.y(lat).toFixed(1);
  const margin = 0.05 * Math.max(bb[2] - bb[0], bb[3] - bb[1]);
  const out: ProjectedUnit[] = [];
  for (const u of all) {
    const ub = bboxOf(u.polys, [Infinity, Infinity, -Infinity, -Infinity]);
    if (ub[2] < bb[0] - margin || ub[0] > bb[2] + margin || ub[3] < bb[1] - margin || ub[1] > bb[3] + margin) continue;
    let d = '';
    for (const poly of u.polys)
      for (const ring of poly) {
        ring.forEach(([x, y], k) => {
          d += `${k === 0 ? 'M' : 'L'}${px(x)} ${py(y)}`;
        });
        d += 'Z';
      }
    out.push({ ubigeo: u.ubigeo, d });
  }
  return out;
}

export const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Greedy word wrap at `max` characters. */
export function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

export interface LegendItem {
  colour: string;
  label: string;
  outline?: boolean;
}

/** One class of the legend: score bounds, rank bounds, probability bounds (in %) or an indicator's values. */
export function classLabel(mode: ClassMode, range: { from: number; to: number }, t: Tr, fmt: (x: number) => string): string {
  if (mode.kind === 'quantile') return t('map.rankRange', { from: range.from, to: range.to });
  if (mode.kind === 'ptop') return t('map.pTopRange', { from: fmt(range.from), to: fmt(range.to) });
  if (mode.kind === 'indicator' && range.from === range.to) return fmt(range.from);
  return `${fmt(range.from)} – ${fmt(range.to)}`;
}

/** The legend's title for a class mode (`indicatorName`: the mapped indicator's label). */
export function classTitle(mode: ClassMode, topN: number, t: Tr, indicatorName?: string): string {
  if (mode.kind === 'indicator') return t('map.legendTitleIndicator', { name: indicatorName ?? mode.indicator });
  return mode.kind === 'quantile' ? t('map.legendTitleRank') : mode.kind === 'ptop' ? t('map.legendTitlePTop', { n: topN }) : t('map.legendTitle');
}

/**
 * The legend the interactive map shows, for the static one: `ranges` from classRanges (an empty
 * class, null, is left out); darkest class first.
 */
export function legendItems(mode: ClassMode, ranges: readonly ({ from: number; to: number } | null)[], topN: number, t: Tr, fmt: (x: number) => string): LegendItem[] {
  const palette = paletteFor(mode.count);
  const items: LegendItem[] = [];
  for (let c = palette.length - 1; c >= 0; c--) {
    const range = ranges[c];
    if (!range) continue;
    items.push({
      colour: cssColour(palette[c]),
      label: classLabel(mode, range, t, fmt) + (c === palette.length - 1 ? ` (${t('map.legendHigh')})` : c === 0 ? ` (${t('map.legendLow')})` : ''),
    });
  }
  items.push({ colour: '#ffffff', label: t('map.topN', { n: topN }), outline: true });
  items.push({ colour: cssColour(NO_DATA), label: t('map.noData') });
  items.push({ colour: cssColour(OUT_OF_SCOPE), label: t('map.outOfScope') });
  return items;
}

export interface MapSvgOptions {
  boundaries: Boundaries;
  /** unit UBIGEO → index into the colours */
  index: Map<string, number>;
  colours: UnitColours;
  /** units the view is fitted to (the scope) */
  fit: Set<string>;
  width: number;
  height: number;
  title?: string;
  subtitle?: string;
  legend?: LegendItem[];
  legendTitle?: string;
  footer?: string[];
  /** department outlines drawn over the units */
  outlines?: Boundaries;
  /** Names to write on the map, most important first (the top N with their rank); dropped where they would overlap. */
  labels?: { ubigeo: string; text: string }[];
  /** Also write the outlines' department names (after the labels), as the interactive map does with all of Peru in scope. */
  departmentNames?: boolean;
}

/**
 * The labels that fit: anchored inside each unit (src/map/labels.ts), decluttered in the map's box;
 * the top N first, then (with `departmentNames`) the departments of the outlines in capitals.
 */
function svgLabels(o: MapSvgOptions, box: Box, font: string): string[] {
  if (!o.labels?.length && !o.departmentNames) return [];
  const frame = frameOf(o.boundaries, o.fit, box);
  if (!frame) return [];
  const placed: { x: number; y: number; text: string; size: number; fill: string }[] = [];
  const add = (b: Boundaries, wanted: { ubigeo: string; text: string }[], size: number, fill: string) => {
    const anchors = labelAnchors(b);
    const at = new Map(anchors.ids.map((id, k) => [id, k]));
    for (const l of wanted) {
      const k = at.get(l.ubigeo);
      if (k === undefined || Number.isNaN(anchors.lon[k])) continue;
      const x = frame.x(anchors.lon[k]) - box.x;
      const y = frame.y(anchors.lat[k]) - box.y;
      // a department's anchor outside the map's box (a neighbour of the scope) is not written
      if (x < 0 || y < 0 || x > box.width || y > box.height) continue;
      placed.push({ x, y, text: l.text, size, fill });
    }
  };
  add(o.boundaries, o.labels ?? [], 12, '#111');
  if (o.departmentNames && o.outlines) {
    const names = o.outlines.features.map((f) => ({ ubigeo: f.properties.ubigeo, text: String(f.properties.departamento ?? '').toLocaleUpperCase('es') }));
    add(o.outlines, names, 10, '#23375f');
  }
  const boxes: LabelBox[] = placed.map((p) => ({ x: p.x, y: p.y, w: labelWidth(p.text, p.size), h: p.size + 4 }));
  const kept = declutter(boxes, boxes.map((_, i) => i), box.width, box.height);
  return kept.map((i) => {
    const p = placed[i];
    return `<text x="${(p.x + box.x).toFixed(1)}" y="${(p.y + box.y + p.size * 0.35).toFixed(1)}" text-anchor="middle" ${font} font-size="${p.size}" font-weight="bold" fill="${p.fill}" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke">${escapeXml(p.text)}</text>`;
  });
}

let clipCount = 0;

/** A complete SVG document: title, map, legend and footer (sources). */
export function mapSvg(o: MapSvgOptions): string {
  const font = `font-family="DejaVu Sans, Arial, sans-serif"`;
  const titleLines = o.title ? wrap(o.title, Math.floor(o.width / 11)) : [];
  const subtitleLines = o.subtitle ? wrap(o.subtitle, Math.floor(o.width / 8)) : [];
  const footer = (o.footer ?? []).flatMap((l) => wrap(l, Math.floor(o.width / 6.2)));
  const top = 12 + titleLines.length * 24 + subtitleLines.length * 17 + (titleLines.length || subtitleLines.length ? 8 : 0);
  const bottom = footer.length * 14 + (footer.length ? 12 : 0);
  const legendW = o.legend?.length ? 210 : 0;
  const box: Box = { x: 8, y: top, width: o.width - 16 - legendW, height: Math.max(50, o.height - top - bottom - 8) };
  const units = projectUnits(o.boundaries, o.fit, box);
  const { fill, top: isTop } = o.colours;
  const colourOf = (i: number | undefined) =>
    i === undefined ? 'none' : `rgb(${fill[i * 4]},${fill[i * 4 + 1]},${fill[i * 4 + 2]})`;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${o.width}" height="${o.height}" viewBox="0 0 ${o.width} ${o.height}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
  ];
  let y = 8;
  for (const l of titleLines) parts.push(`<text x="10" y="${(y += 24) - 4}" ${font} font-size="19" font-weight="bold" fill="#12355b">${escapeXml(l)}</text>`);
  for (const l of subtitleLines) parts.push(`<text x="10" y="${(y += 17) - 3}" ${font} font-size="13" fill="#333">${escapeXml(l)}</text>`);
  // neighbours of the fitted units reach past the map's box: clipped, they never run under the
  // title, the legend or the footer
  // its own id: the compare view and the report put several maps in one page
  const clip = `map-box-${++clipCount}`;
  parts.push(`<defs><clipPath id="${clip}"><rect x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}"/></clipPath></defs>`);
  parts.push(`<g clip-path="url(#${clip})">`);
  parts.push(`<g stroke="#ffffff" stroke-width="0.4" stroke-linejoin="round">`);
  const tops: ProjectedUnit[] = [];
  for (const u of units) {
    const i = o.index.get(u.ubigeo);
    parts.push(`<path d="${u.d}" fill="${colourOf(i)}" data-ubigeo="${u.ubigeo}"/>`);
    if (i !== undefined && isTop[i]) tops.push(u);
  }
  parts.push(`</g>`);
  if (o.outlines) {
    const lines = projectUnitsLike(o.outlines, o.boundaries, o.fit, box);
    parts.push(`<g fill="none" stroke="#3b3b3b" stroke-width="0.9">${lines.map((u) => `<path d="${u.d}"/>`).join('')}</g>`);
  }
  parts.push(`<g fill="none" stroke="#141414" stroke-width="1.8">${tops.map((u) => `<path d="${u.d}"/>`).join('')}</g>`);
  parts.push(`</g>`);
  parts.push(...svgLabels(o, box, font));
  if (o.legend?.length) {
    let ly = top + 4;
    const lx = o.width - legendW + 4;
    if (o.legendTitle)
      for (const l of wrap(o.legendTitle, 28)) parts.push(`<text x="${lx}" y="${(ly += 16) - 3}" ${font} font-size="12" font-weight="bold" fill="#1d1d1d">${escapeXml(l)}</text>`);
    ly += 4;
    for (const item of o.legend) {
      parts.push(
        `<rect x="${lx}" y="${ly}" width="14" height="14" fill="${item.colour}" stroke="${item.outline ? '#141414' : '#666'}" stroke-width="${item.outline ? 2 : 1}"/>`,
        `<text x="${lx + 20}" y="${ly + 11}" ${font} font-size="11" fill="#1d1d1d">${escapeXml(item.label)}</text>`,
      );
      ly += 19;
    }
  }
  let fy = o.height - bottom + 10;
  for (const l of footer) parts.push(`<text x="10" y="${(fy += 14) - 3}" ${font} font-size="10" fill="#444">${escapeXml(l)}</text>`);
  parts.push('</svg>');
  return parts.join('\n');
}

/** Outlines (departments) projected in the same frame as the units. */
function projectUnitsLike(outlines: Boundaries, frame: Boundaries, fit: Set<string>, box: Box): ProjectedUnit[] {
  // the same projection: fit on the frame's units, then draw the outline features with it
  const merged: Boundaries = {
    type: 'FeatureCollection',
    features: [
      ...frame.features.filter((f) => !fit.size || fit.has(f.properties.ubigeo)).map((f) => ({ ...f, properties: { ubigeo: `\u0000${f.properties.ubigeo}` } })),
      ...outlines.features.map((f) => ({ ...f, properties: { ubigeo: `\u0001${f.properties.ubigeo ?? ''}` } })),
    ],
  };
  const fitKeys = new Set(merged.features.filter((f) => f.properties.ubigeo.startsWith('\u0000')).map((f) => f.properties.ubigeo));
  return projectUnits(merged, fitKeys, box).filter((u) => u.ubigeo.startsWith('\u0001'));
}
