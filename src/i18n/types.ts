/**
 * The shape a translation of a Spanish resource object must have: the same keys and nesting,
 * less the plural forms only Spanish has (`_many`, chosen by Intl.PluralRules for 1 000 000,
 * 2 000 000…; English has only `_one` and `_other`). tests/unit/i18n/parity.test.ts checks the
 * rest at run time (parameters, plural forms per language).
 */
export type TranslationOf<T> = {
  [K in keyof T as K extends `${string}_many` ? never : K]: T[K] extends string ? string : TranslationOf<T[K]>;
};
