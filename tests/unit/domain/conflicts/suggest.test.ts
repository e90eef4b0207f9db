import { describe, expect, it } from 'vitest';
import { levenshtein, suggestName } from '../../../../src/domain/conflicts/suggest';

describe('levenshtein', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(levenshtein('cusco', 'cusco')).toBe(0);
    expect(levenshtein('cuzco', 'cusco')).toBe(1);
    expect(levenshtein('espinal', 'espinar')).toBe(1);
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('kitten', 'sitting')).toBe(3);
  });
});

describe('suggestName', () => {
  it('suggests the one close name, accents and case ignored', () => {
    expect(suggestName('Cuzco', ['Apurímac', 'Cusco', 'Huánuco'])).toBe('Cusco');
    expect(suggestName('HUANUCO', ['Apurímac', 'Cusco', 'Huánuco'])).toBe('Huánuco');
    expect(suggestName('San Francisco de Ravacayco', ['San Francisco de Rivacayco', 'Pullo'])).toBe('San Francisco de Rivacayco');
  });

  it('suggests nothing when two names are as close, or none is close enough', () => {
    expect(suggestName('Lama', ['Lima', 'Lamas'])).toBeUndefined();
    expect(suggestName('Ica', ['Lima'])).toBeUndefined(); // 2 edits, but more than 30% of a short name
    expect(suggestName('Arequipa', ['Moquegua', 'Tacna'])).toBeUndefined();
  });
});
