/** Fuzzy name matching, only to suggest a name in a row issue ("¿quiso decir …?"), never to apply one. */
import { placeKey } from './gazetteer';

/** Edit distance (insertions, deletions, substitutions). */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/** The one closest name within 2 edits (and 30% of the length), names compared as the gazetteer keys them. */
export function suggestName(text: string, names: Iterable<string>): string | undefined {
  const k = placeKey(text);
  let best: string | undefined;
  let bestD = Infinity;
  let tie = false;
  for (const n of names) {
    const d = levenshtein(k, placeKey(n));
    if (d < bestD) [best, bestD, tie] = [n, d, false];
    else if (d === bestD) tie = true;
  }
  return best !== undefined && !tie && bestD <= 2 && bestD <= Math.ceil(k.length * 0.3) ? best : undefined;
}
