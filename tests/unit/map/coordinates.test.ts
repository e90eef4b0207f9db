import { describe, expect, it } from 'vitest';
import { formatLonLat } from '../../../src/map/coordinates';

describe('formatLonLat', () => {
  it('writes Lima with Spanish hemisphere letters (es-PE uses a decimal point)', () => {
    expect(formatLonLat(-77.04281, -12.04637, 'es')).toBe('12.0464° S, 77.0428° O');
  });
  it('writes English with W and a decimal point', () => {
    expect(formatLonLat(-77.04281, -12.04637, 'en')).toBe('12.0464° S, 77.0428° W');
  });
  it('handles the northern and eastern hemispheres', () => {
    expect(formatLonLat(10.5, 0.25, 'en')).toBe('0.2500° N, 10.5000° E');
  });
});
