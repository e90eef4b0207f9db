/**
 * Colour-blind-safe sequential palette: ColorBrewer YlOrRd (rated safe for colour-blind
 * readers by ColorBrewer), 3 to 7 classes. Darker = higher priority.
 */
export type RGBA = [number, number, number, number];

const YLORRD: Record<number, string[]> = {
  3: ['#ffeda0', '#feb24c', '#f03b20'],
  4: ['#ffffb2', '#fecc5c', '#fd8d3c', '#e31a1c'],
  5: ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'],
  6: ['#ffffb2', '#fed976', '#feb24c', '#fd8d3c', '#f03b20', '#bd0026'],
  7: ['#ffffb2', '#fed976', '#feb24c', '#fd8d3c', '#fc4e2a', '#e31a1c', '#b10026'],
};
export const MIN_CLASSES = 3;
export const MAX_CLASSES = 7;

const hex = (h: string): RGBA => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16), 235];

export function paletteFor(count: number): RGBA[] {
  const n = Math.min(MAX_CLASSES, Math.max(MIN_CLASSES, Math.round(count)));
  return YLORRD[n].map(hex);
}

export const OUT_OF_SCOPE: RGBA = [225, 225, 225, 150];
export const NO_DATA: RGBA = [150, 150, 150, 220];

/** Equal intervals of the 0–100 score; -1 when missing. */
export function scoreClass(score: number, count: number): number {
  if (Number.isNaN(score)) return -1;
  return Math.min(count - 1, Math.max(0, Math.floor(score / (100 / count))));
}

/** Quantile classes of the rank: the top 1/count of the ranked units get the darkest class. */
export function rankClass(rank: number, ranked: number, count: number): number {
  if (rank <= 0 || ranked <= 0) return -1;
  return count - 1 - Math.min(count - 1, Math.floor(((rank - 1) / ranked) * count));
}

export function cssColour([r, g, b]: RGBA): string {
  return `rgb(${r}, ${g}, ${b})`;
}
