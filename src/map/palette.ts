/**
 * Colour-blind-safe sequential palette: ColorBrewer YlOrRd, 5 classes (rated safe for
 * colour-blind readers by ColorBrewer). Classes are equal intervals of the 0–100 score.
 */
export type RGBA = [number, number, number, number];

export const SCORE_CLASSES: RGBA[] = [
  [255, 255, 178, 235],
  [254, 204, 92, 235],
  [253, 141, 60, 235],
  [240, 59, 32, 235],
  [189, 0, 38, 235],
];
export const OUT_OF_SCOPE: RGBA = [225, 225, 225, 150];
export const NO_DATA: RGBA = [150, 150, 150, 220];

export function scoreClass(score: number): number {
  if (Number.isNaN(score)) return -1;
  return Math.min(SCORE_CLASSES.length - 1, Math.max(0, Math.floor(score / (100 / SCORE_CLASSES.length))));
}

export function scoreColour(score: number, inScope: boolean): RGBA {
  if (!inScope) return OUT_OF_SCOPE;
  const c = scoreClass(score);
  return c < 0 ? NO_DATA : SCORE_CLASSES[c];
}

export function cssColour([r, g, b]: RGBA): string {
  return `rgb(${r}, ${g}, ${b})`;
}
