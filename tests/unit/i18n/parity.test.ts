// Spanish and English resources (every object: app, scenarios, userFile) must match: the same
// keys, the same interpolation parameters per key, and plural forms on the same keys, each
// language with every plural category Intl.PluralRules can pick for it (Spanish: one, many,
// other; English: one, other). A Spanish plural key without `_many` makes i18next show the key
// itself for a count of 1 000 000.
import { describe, expect, it } from 'vitest';
import { resources } from '../../../src/i18n/resources';

type Tree = { [key: string]: string | Tree };
type Flat = Map<string, string>;
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Every leaf as a dotted key → its text. */
function flatten(tree: Tree, prefix = '', out: Flat = new Map()): Flat {
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else if (v && typeof v === 'object') flatten(v, key, out);
    else throw new Error(`${key}: not a string nor an object (${typeof v})`);
  }
  return out;
}

/** Interpolation parameters: `{{name}}` and `{{name, format(...)}}` both give `name`. */
function params(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*([^,}\s]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]))].sort();
}

/** Keys one language has and the other lacks, plural forms aside (compared by base key). */
function keyMismatches(es: Flat, en: Flat): string[] {
  const bases = (f: Flat) => new Set([...f.keys()].map((k) => k.replace(PLURAL_SUFFIX, '_<plural>')));
  const [a, b] = [bases(es), bases(en)];
  return [...[...a].filter((k) => !b.has(k)).map((k) => `only in es: ${k}`), ...[...b].filter((k) => !a.has(k)).map((k) => `only in en: ${k}`)];
}

/** Plural keys lacking a form the language's plural rules can pick, or with a form they cannot. */
function pluralProblems(flat: Flat, lng: string): string[] {
  const categories = new Set<string>(new Intl.PluralRules(lng).resolvedOptions().pluralCategories);
  const forms = new Map<string, Set<string>>();
  for (const k of flat.keys()) {
    const m = PLURAL_SUFFIX.exec(k);
    if (m) forms.set(k.slice(0, -m[0].length), (forms.get(k.slice(0, -m[0].length)) ?? new Set()).add(m[1]));
  }
  const out: string[] = [];
  for (const [base, fs] of forms) {
    const missing = [...categories].filter((c) => !fs.has(c));
    // `_zero` is i18next's own optional form for a count of 0, in any language.
    const extra = [...fs].filter((f) => !categories.has(f) && f !== 'zero');
    if (missing.length) out.push(`${lng} ${base}: missing _${missing.join(', _')}`);
    if (extra.length) out.push(`${lng} ${base}: _${extra.join(', _')} is not a plural form of ${lng}`);
    if (flat.has(base)) out.push(`${lng} ${base}: both plural forms and a plain key`);
  }
  return out;
}

/** Keys whose parameters differ; a form only one language has (`_many`) is compared with its `_other`. */
function paramMismatches(es: Flat, en: Flat): string[] {
  const out = new Set<string>();
  for (const [own, other, lng] of [[es, en, 'es'], [en, es, 'en']] as const) {
    for (const [key, text] of own) {
      const asOther = key.replace(PLURAL_SUFFIX, '_other');
      const theirs = other.get(key) ?? (PLURAL_SUFFIX.test(key) ? (other.get(asOther) ?? own.get(asOther)) : undefined);
      if (theirs === undefined) continue; // a key mismatch, reported by keyMismatches
      const [a, b] = [params(text).join(', '), params(theirs).join(', ')];
      if (a !== b) out.add(`${lng} ${key}: {${a}} vs {${b}}`);
    }
  }
  return [...out];
}

const es = flatten(resources.es.translation as unknown as Tree);
const en = flatten(resources.en.translation as unknown as Tree);

describe('i18n parity (es ↔ en)', () => {
  it('has the same keys, plural forms aside', () => {
    expect(keyMismatches(es, en)).toEqual([]);
  });

  it('gives plural keys every plural form of each language, and no other', () => {
    expect([...pluralProblems(es, 'es'), ...pluralProblems(en, 'en')]).toEqual([]);
  });

  it('uses the same interpolation parameters for every key', () => {
    expect(paramMismatches(es, en)).toEqual([]);
  });

  it('leaves no text empty in one language only', () => {
    expect([...es].filter(([k, v]) => en.has(k) && (v.trim() === '') !== (en.get(k)!.trim() === '')).map(([k]) => k)).toEqual([]);
  });

  it('covers every resource object (app, scenarios, user files)', () => {
    for (const prefix of ['app.', 'scenarios.', 'userFile.']) expect([...es.keys()].some((k) => k.startsWith(prefix)), prefix).toBe(true);
  });
});

describe('the parity checks themselves', () => {
  const f = (o: Record<string, string>): Flat => new Map(Object.entries(o));

  it('reads parameter names with and without a format', () => {
    expect(params('{{a}} y {{ b }}, {{c, number(minimumFractionDigits: 1; maximumFractionDigits: 1)}} {{a}}')).toEqual(['a', 'b', 'c']);
  });

  it('finds missing keys, missing plural forms and different parameters', () => {
    const bad = {
      es: f({ a: 'x', b_one: '{{count}} b', b_many: '{{count}} bs', b_other: '{{count}} bs', c: '{{n, number}} c', d_one: 'd', d_other: 'ds' }),
      en: f({ b_one: '{{count}} b', b_other: '{{count}} bs', c: '{{m}} c', d: 'd', e: 'e' }),
    };
    expect(keyMismatches(bad.es, bad.en)).toEqual(['only in es: a', 'only in es: d_<plural>', 'only in en: d', 'only in en: e']);
    expect(pluralProblems(f({ b_one: '1', b_other: '2' }), 'es')).toEqual(['es b: missing _many']);
    expect(pluralProblems(f({ b_one: '1', b_few: '2', b_other: '3', b: 'b' }), 'en')).toEqual([
      'en b: _few is not a plural form of en', 'en b: both plural forms and a plain key',
    ]);
    expect(paramMismatches(bad.es, bad.en)).toEqual(['es c: {n} vs {m}', 'en c: {m} vs {n}']);
    // Spanish `_many` is compared with English `_other`.
    expect(paramMismatches(f({ x_one: '{{count}}', x_many: '{{n}}', x_other: '{{count}}' }), f({ x_one: '{{count}}', x_other: '{{count}}' })))
      .toEqual(['es x_many: {n} vs {count}']);
  });
});
