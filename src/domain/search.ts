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
  /** Words that find it without being shown (a facility's class and type: «hospital»). */
  terms?: string;
  /** Pre-normalised name, filled by buildIndex. */
  norm?: string;
  /** Pre-normalised name, context and terms together, filled by buildIndex. */
  words?: string;
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
  return entries.map((e) => ({ ...e, norm: normaliseName(e.name), words: ` ${normaliseName(`${e.name} ${e.context} ${e.terms ?? ''}`)}` }));
}

const KIND_ORDER: Record<SearchKind, number> = { departamento: 0, provincia: 1, distrito: 2, establecimiento: 3 };

/**
 * Best matches first: exact name (or a facility's exact IPRESS code), then names starting with the
 * query, then a word starting with it, then any substring, then every word of the query starting
 * a word of the name, place or class («hospital victor ramos», «posta huanchaco»); within a tier,
 * larger units before smaller ones, then alphabetical.
 */
export function search(index: SearchEntry[], query: string, limit = 12): SearchEntry[] {
  const q = normaliseName(query);
  if (q.length < 2) return [];
  const code = /^\d+$/.test(q) ? String(Number(q)) : null;
  const parts = q.split(' ').filter(Boolean).map((w) => ` ${w}`);
  const scored: { e: SearchEntry; tier: number }[] = [];
  for (const e of index) {
    const n = e.norm ?? normaliseName(e.name);
    let tier = -1;
    if (n === q || (code !== null && e.kind === 'establecimiento' && e.key === code)) tier = 0;
    else if (n.startsWith(q)) tier = 1;
    else if (n.includes(` ${q}`)) tier = 2;
    else if (n.includes(q)) tier = 3;
    else if (parts.length > 1) {
      const words = e.words ?? ` ${normaliseName(`${e.name} ${e.context} ${e.terms ?? ''}`)}`;
      if (parts.every((w) => words.includes(w))) tier = 4;
    }
    if (tier >= 0) scored.push({ e, tier });
  }
  scored.sort(
    (a, b) => a.tier - b.tier || KIND_ORDER[a.e.kind] - KIND_ORDER[b.e.kind] || a.e.name.localeCompare(b.e.name, 'es'),
  );
  return scored.slice(0, limit).map((s) => s.e);
}
