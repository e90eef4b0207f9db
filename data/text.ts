// Repairing text damaged by an earlier Latin-1 → UTF-8 mix-up in the MINSA register: each
// accented letter (one Latin-1 byte) became one U+FFFD, e.g. "CA\uFFFDETE" for "CAÑETE".
// Names are recovered by facility code elsewhere (facilities.ts); this module fixes the rest:
// fixed labels through explicit maps, free text through a dictionary of correctly accented
// words taken from the same register's intact copy and the INEI boundary names.
export const REPLACEMENT_CHAR = '\uFFFD';

export function hasReplacementChar(text: string | null | undefined): boolean {
  return typeof text === 'string' && text.includes(REPLACEMENT_CHAR);
}

export function countReplacementChars(text: string | null | undefined): number {
  if (typeof text !== 'string') return 0;
  let n = 0;
  for (const ch of text) if (ch === REPLACEMENT_CHAR) n++;
  return n;
}

/** Label of uncategorised facilities in the output (the contract's spelling). */
export const SIN_CATEGORIA = 'Sin categoría';

const CATEGORIA_CODE = /^(I|II|III)-(\d|E)$/;

/** `I-1` … `III-2`, `II-E`, `III-E` pass; any spelling of "sin categoría" becomes SIN_CATEGORIA. */
export function repairCategoria(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const value = raw.trim();
  if (value === '') return null;
  const upper = value.toUpperCase();
  if (CATEGORIA_CODE.test(upper)) return upper;
  // "Sin Categor\uFFFDa", "SIN CATEGORIA", "Sin Categoría": the accent position is a wildcard.
  if (/^SIN CATEGOR.A$/u.test(upper)) return SIN_CATEGORIA;
  return value;
}

/** The register's three facility types, with their accents restored. */
export const TIPO_LABELS: Readonly<Record<string, string>> = {
  'ESTABLECIMIENTO DE SALUD SIN INTERNAMIENTO': 'ESTABLECIMIENTO DE SALUD SIN INTERNAMIENTO',
  'ESTABLECIMIENTO DE SALUD CON INTERNAMIENTO': 'ESTABLECIMIENTO DE SALUD CON INTERNAMIENTO',
  [`SERVICIO M${REPLACEMENT_CHAR}DICO DE APOYO`]: 'SERVICIO MÉDICO DE APOYO',
};

export function repairTipo(raw: string | null | undefined, dictionary?: WordDictionary): string | null {
  if (raw === null || raw === undefined) return null;
  const value = raw.trim();
  return TIPO_LABELS[value] ?? (dictionary ? repairWithDictionary(value, dictionary) : value);
}

/** Upper-cased words that carry a non-ASCII character, with how often each was seen. */
export type WordDictionary = ReadonlyMap<string, number>;

/** A "word": letters, the damaged character, and the ordinal signs used in names (Nº). */
const WORD = /[\p{L}\uFFFD\u00BA\u00AA\u00B0]+/gu;
const NON_ASCII = /[\u0080-\u{10FFFF}]/u;
/** What a U+FFFD may stand for in these files: Spanish letters and ordinal signs. */
const CANDIDATE_CHARS = new Set([...'ÁÉÍÓÚÜÑ', 'º', 'ª', '°']);
const VOWELS = new Set([...'AEIOUaeiou']);

export function buildWordDictionary(texts: Iterable<string | null | undefined>): WordDictionary {
  const dict = new Map<string, number>();
  for (const text of texts) {
    if (!text || hasReplacementChar(text)) continue;
    for (const word of text.toLocaleUpperCase('es').match(WORD) ?? []) {
      if (NON_ASCII.test(word)) dict.set(word, (dict.get(word) ?? 0) + 1);
    }
  }
  return dict;
}

function isLower(ch: string): boolean {
  return ch !== ch.toLocaleUpperCase('es') && ch === ch.toLocaleLowerCase('es');
}

/** Candidate replacements for one damaged word, most frequent first (ties alphabetical). */
function dictionaryCandidates(upperWord: string, dict: WordDictionary): string[] {
  const found: Array<[string, number]> = [];
  for (const [word, count] of dict) {
    if (word.length !== upperWord.length) continue;
    let ok = true;
    for (let i = 0; i < word.length && ok; i++) {
      const want = upperWord[i];
      ok = want === REPLACEMENT_CHAR ? CANDIDATE_CHARS.has(word[i]) : want === word[i];
    }
    if (ok) found.push([word, count]);
  }
  found.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return found.map(([w]) => w);
}

/** Repairs one word; U+FFFD it cannot resolve stay in place (the build then fails loudly). */
export function repairWord(word: string, dict: WordDictionary): string {
  if (!word.includes(REPLACEMENT_CHAR)) return word;
  // A lone U+FFFD between spaces was a dash ("HUANCAVELICA – HOSPITAL DE PAMPAS").
  if (word === REPLACEMENT_CHAR) return '-';
  const upper = word.toLocaleUpperCase('es');
  const [best] = dictionaryCandidates(upper, dict);
  const chars = [...word];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] !== REPLACEMENT_CHAR) continue;
    let replacement: string | undefined = best ? [...best][i] : undefined;
    // Not in the dictionary: before a vowel, the lost letter is Ñ ("ORDO\uFFFDEZ", "\uFFFDUNYA");
    // accented vowels are followed by consonants and are left for the dictionary.
    if (!replacement && VOWELS.has(chars[i + 1] ?? '')) replacement = 'Ñ';
    if (!replacement) continue;
    const neighbour = chars[i - 1] ?? chars[i + 1] ?? '';
    chars[i] = isLower(neighbour) ? replacement.toLocaleLowerCase('es') : replacement;
  }
  return chars.join('');
}

/** Repairs every damaged word of a text. */
export function repairWithDictionary(text: string, dict: WordDictionary): string {
  if (!hasReplacementChar(text)) return text;
  return text.replace(WORD, (word) => repairWord(word, dict));
}
