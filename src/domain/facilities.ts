/**
 * Health-facility categories (MINSA) grouped for the map: each group has its own size and
 * colour, so colour is never the only cue. Pure data, no React.
 */
export const FACILITY_GROUPS = ['I-1', 'I-2', 'I-3', 'I-4', 'II', 'III', 'SC'] as const;
export type FacilityGroup = (typeof FACILITY_GROUPS)[number];

/** The group of a register category: I-1…I-4 as they are, II-1/II-2/II-E → II, III-* → III. */
export function facilityGroup(categoria: string | null | undefined): FacilityGroup {
  if (!categoria) return 'SC';
  if (/^I-[1-4]$/.test(categoria)) return categoria as FacilityGroup;
  if (categoria.startsWith('III-')) return 'III';
  if (categoria.startsWith('II-')) return 'II';
  return 'SC';
}

/** Radius in pixels: larger for higher complexity. */
export const GROUP_RADIUS: Record<FacilityGroup, number> = {
  'I-1': 2.5,
  'I-2': 3,
  'I-3': 3.5,
  'I-4': 4.5,
  II: 6,
  III: 7.5,
  SC: 2.5,
};

/** Okabe–Ito colours (safe for colour-blind readers). */
export const GROUP_COLOUR: Record<FacilityGroup, [number, number, number]> = {
  'I-1': [86, 180, 233],
  'I-2': [0, 114, 178],
  'I-3': [0, 158, 115],
  'I-4': [230, 159, 0],
  II: [213, 94, 0],
  III: [204, 121, 167],
  SC: [110, 110, 110],
};
