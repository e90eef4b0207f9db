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

/** Institutions grouped as planners name them; the register has 12 values, some with 1–25 rows. */
export const INSTITUTION_GROUPS = ['gore', 'minsa', 'essalud', 'privado', 'ffaa_pnp', 'municipal', 'otra'] as const;
export type InstitutionGroup = (typeof INSTITUTION_GROUPS)[number];

export function institutionGroup(institucion: string | null | undefined): InstitutionGroup {
  const v = (institucion ?? '').toUpperCase();
  if (v === 'GOBIERNO REGIONAL') return 'gore';
  if (v === 'MINSA') return 'minsa';
  if (v === 'ESSALUD') return 'essalud';
  if (v === 'PRIVADO') return 'privado';
  if (v.startsWith('SANIDAD')) return 'ffaa_pnp';
  if (v.startsWith('MUNICIPALIDAD')) return 'municipal';
  return 'otra';
}

/** What the facility layer shows. `institutions: null` means every institution. */
export interface FacilityFilter {
  categories: readonly string[];
  institutions: readonly string[] | null;
  /** Years of activity at the reference year, inclusive bounds; null = open. */
  minAge: number | null;
  maxAge: number | null;
  /** Facilities with no valid start date (placeholder 1900 removed by the pipeline). */
  includeUnknownAge: boolean;
}

export interface FacilityColumns {
  count: number;
  group: Uint8Array;
  institution: Uint8Array;
  anioInicio: Float64Array;
}

/** Indices of the facilities that pass the filter, in register order. */
export function filterFacilities(f: FacilityColumns, filter: FacilityFilter, referenceYear: number): number[] {
  const groups = new Set(filter.categories.map((g) => FACILITY_GROUPS.indexOf(g as FacilityGroup)));
  const institutions = filter.institutions && new Set(filter.institutions.map((g) => INSTITUTION_GROUPS.indexOf(g as InstitutionGroup)));
  const ageFiltered = filter.minAge !== null || filter.maxAge !== null;
  const out: number[] = [];
  for (let i = 0; i < f.count; i++) {
    if (!groups.has(f.group[i])) continue;
    if (institutions && !institutions.has(f.institution[i])) continue;
    const year = f.anioInicio[i];
    if (Number.isNaN(year)) {
      if (!filter.includeUnknownAge) continue;
    } else if (ageFiltered) {
      const age = referenceYear - year;
      if (filter.minAge !== null && age < filter.minAge) continue;
      if (filter.maxAge !== null && age > filter.maxAge) continue;
    }
    out.push(i);
  }
  return out;
}
