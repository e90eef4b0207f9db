// Every count message, rendered at 0, 1, 2 and 1 000 000 in both languages, the way the app
// renders it (i18next with Intl plural rules): never a raw key, never a left-over `{{…}}`.
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { resources } from '../../../src/i18n/resources';

type Tree = { [key: string]: string | Tree };

/** Dotted base keys of every plural family (`x_one`, `x_other`… → `x`), with one of their texts. */
function pluralFamilies(tree: Tree, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') {
      const m = key.match(/^(.*)_(one|other|many)$/);
      if (m) out.set(m[1], v);
    } else pluralFamilies(v, key, out);
  }
  return out;
}

const COUNTS = [0, 1, 2, 1_000_000];

describe('plural forms', () => {
  for (const lng of ['es', 'en'] as const) {
    it(`every count key reads at ${COUNTS.join(', ')} in ${lng}`, async () => {
      const t = i18next.createInstance();
      await t.init({ resources, lng, fallbackLng: false, interpolation: { escapeValue: false }, returnNull: false });
      const families = pluralFamilies(resources[lng].translation as unknown as Tree);
      expect(families.size).toBeGreaterThan(10);
      const bad: string[] = [];
      for (const [key, sample] of families) {
        // every parameter the message takes gets a value; `count` drives the plural
        const params = Object.fromEntries([...sample.matchAll(/\{\{\s*([^,}\s]+)/g)].map((m) => [m[1], 'X']));
        for (const count of COUNTS) {
          const text = t.t(key, { ...params, count });
          if (text === key || text.includes('{{') || text.includes(`${key}_`)) bad.push(`${key} @ ${count}: ${text}`);
        }
      }
      expect(bad).toEqual([]);
    });
  }
});
