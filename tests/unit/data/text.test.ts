import { describe, expect, it } from 'vitest';
import {
  REPLACEMENT_CHAR as R,
  SIN_CATEGORIA,
  buildWordDictionary,
  countReplacementChars,
  hasReplacementChar,
  repairCategoria,
  repairTipo,
  repairWithDictionary,
  repairWord,
} from '../../../data/text';

const dict = buildWordDictionary([
  'CAÑETE', 'Cañete', 'SAN VICENTE DE CAÑETE', 'Huaytará', 'CENTRO Nº 112', 'Nº 3', 'N° 4',
  'ATENCIÓN', 'ATENCIÓN', 'ATENCIÒN', 'UNIÓN', 'UNIÒN', 'UNIÒN',
  // damaged references are ignored
  `CA${R}ETE`,
]);

describe('U+FFFD detection', () => {
  it('counts replacement characters', () => {
    expect(hasReplacementChar(`RESOLUCI${R}N`)).toBe(true);
    expect(hasReplacementChar('RESOLUCIÓN')).toBe(false);
    expect(hasReplacementChar(null)).toBe(false);
    expect(countReplacementChars(`${R}A${R}`)).toBe(2);
  });
});

describe('category and type labels', () => {
  it('maps every spelling of "sin categoría" to the contract label', () => {
    expect(repairCategoria(`Sin Categor${R}a`)).toBe(SIN_CATEGORIA);
    expect(repairCategoria('SIN CATEGORIA')).toBe(SIN_CATEGORIA);
    expect(repairCategoria('Sin Categoría')).toBe('Sin categoría');
  });

  it('keeps the level codes', () => {
    for (const c of ['I-1', 'I-4', 'II-1', 'II-E', 'III-2', 'III-E']) expect(repairCategoria(c)).toBe(c);
    expect(repairCategoria(' ii-e ')).toBe('II-E');
    expect(repairCategoria('')).toBeNull();
    expect(repairCategoria(null)).toBeNull();
  });

  it('restores the accent of the support-service type', () => {
    expect(repairTipo(`SERVICIO M${R}DICO DE APOYO`)).toBe('SERVICIO MÉDICO DE APOYO');
    expect(repairTipo('ESTABLECIMIENTO DE SALUD SIN INTERNAMIENTO ')).toBe('ESTABLECIMIENTO DE SALUD SIN INTERNAMIENTO');
  });
});

describe('dictionary repair', () => {
  it('only learns undamaged words with non-ASCII letters', () => {
    expect(dict.get('CAÑETE')).toBe(3);
    expect(dict.has('SAN')).toBe(false);
    expect([...dict.keys()].some((w) => w.includes(R))).toBe(false);
  });

  it('finds the accented word that matches the damaged one', () => {
    expect(repairWord(`CA${R}ETE`, dict)).toBe('CAÑETE');
    expect(repairWord(`HUAYTAR${R}`, dict)).toBe('HUAYTARÁ');
    expect(repairWithDictionary(`RED VII CA${R}ETE - YAUYOS`, dict)).toBe('RED VII CAÑETE - YAUYOS');
  });

  it('keeps lower case when the word is in lower case', () => {
    expect(repairWord(`Ca${R}ete`, dict)).toBe('Cañete');
  });

  it('prefers a proper Spanish letter and the most frequent spelling', () => {
    expect(repairWord(`ATENCI${R}N`, dict)).toBe('ATENCIÓN');
    // UNIÒN (grave accent, a typo) is more frequent, but both are candidates: most frequent wins
    expect(['UNIÓN', 'UNIÒN']).toContain(repairWord(`UNI${R}N`, dict));
  });

  it('reads "N\uFFFD" as the ordinal sign', () => {
    expect(repairWithDictionary(`RED DE SALUD N${R} 01`, dict)).toBe('RED DE SALUD Nº 01');
    expect(repairWithDictionary(`BATALLON N${R}112`, dict)).toBe('BATALLON Nº112');
  });

  it('falls back to Ñ before a vowel and to a dash for a lone U+FFFD', () => {
    expect(repairWord(`ORDO${R}EZ`, dict)).toBe('ORDOÑEZ');
    expect(repairWord(`${R}UNYA`, dict)).toBe('ÑUNYA');
    expect(repairWithDictionary(`HUANCAVELICA ${R} HOSPITAL`, dict)).toBe('HUANCAVELICA - HOSPITAL');
  });

  it('leaves what it cannot resolve (the build then refuses to publish it)', () => {
    expect(repairWord(`XYZ${R}Q`, dict)).toBe(`XYZ${R}Q`);
  });

  it('leaves undamaged text untouched', () => {
    expect(repairWithDictionary('PUESTO DE SALUD', dict)).toBe('PUESTO DE SALUD');
  });
});
