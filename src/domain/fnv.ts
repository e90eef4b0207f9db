/**
 * FNV-1a (32 bits) of a text, as 8 hex digits: a short, stable name for a longer key that both
 * sides of an exchange compute (a participant's compared indicators, a snapshot's definitions).
 * Not a checksum against tampering.
 */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}
