/**
 * Place and facility search: matching ignores accents and case ("pariñas" finds "PARIÑAS" and
 * "Parinas"). Pure, no React.
 */
export type SearchKind = 'departamento' | 'provincia' | 'distrito' | 'establecimiento';

export interface SearchEntry {
  kind: SearchKind;
  /** UBIGEO (2, 4 or 6 digits) or the facility's index. */
  key: string;
  name: string;
  /** Where it is, for the list: "Otuzco, La Libertad". */
  context: string;
  /** A point to zoom to (facilities). */
  lon?: number;
  lat?: number;
  /** Pre-normalised name, filled by buildIndex. */
  norm?: string;
}

export function normaliseName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export function buildIndex(entries: SearchEntry[]): SearchEntry[] {
  return entries.map((e) => ({ ...e, norm: normaliseName(e.name) }));
}

const KIND_ORDER: Record<SearchKind, number> = { departamento: 0, provincia: 1, distrito: 2, establecimiento: 3 };

/**
 * Best matches first: exact name, then names starting with the query, then a word starting with
 * it, then any substring; within a tier, larger units before smaller ones, then alphabetical.
 */
export function search(index: SearchEntry[], query: string, limit = 12): SearchEntry[] {
  const q = normaliseName(query);
  if (q.length < 2) return [];
  const scored: { e: SearchEntry; tier: number }[] = [];
  for (const e of index) {
    const n = e.norm ?? normaliseName(e.name);
    let tier = -1;
    if (n === q) tier = 0;
    else if (n.startsWith(q)) tier = 1;
    else if (n.includes(` ${q}`)) tier = 2;
    else if (n.includes(q)) tier = 3;
    if (tier >= 0) scored.push({ e, tier });
  }
  scored.sort(
    (a, b) => a.tier - b.tier || KIND_ORDER[a.e.kind] - KIND_ORDER[b.e.kind] || a.e.name.localeCompare(b.e.name, 'es'),
  );
  return scored.slice(0, limit).map((s) => s.e);
}
