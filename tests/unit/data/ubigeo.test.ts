import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lostLeadingZeros, lostLeadingZerosSql, padUbigeo, padUbigeoSql, provinceOf } from '../../../data/ubigeo';
import { openDb, type Db } from '../../../data/db';

describe('padUbigeo', () => {
  it('restores the leading zero that a numeric column dropped', () => {
    expect(padUbigeo(10101, 6)).toBe('010101');
    expect(padUbigeo('10101', 6)).toBe('010101');
    expect(padUbigeo('150101', 6)).toBe('150101');
    expect(padUbigeo('101', 4)).toBe('0101');
    expect(padUbigeo(1, 2)).toBe('01');
  });

  it('accepts a float-looking number and surrounding spaces', () => {
    expect(padUbigeo('10101.0', 6)).toBe('010101');
    expect(padUbigeo(' 60611 ', 6)).toBe('060611');
  });

  it('rejects empty, NA, non-numeric and too-long values', () => {
    expect(padUbigeo(null, 6)).toBeNull();
    expect(padUbigeo(undefined, 6)).toBeNull();
    expect(padUbigeo('', 6)).toBeNull();
    expect(padUbigeo('NA', 6)).toBeNull();
    expect(padUbigeo('15-01', 4)).toBeNull();
    expect(padUbigeo('1501011', 6)).toBeNull();
  });

  it('tells whether padding was needed', () => {
    expect(lostLeadingZeros(10101, 6)).toBe(true);
    expect(lostLeadingZeros('010101', 6)).toBe(false);
    expect(lostLeadingZeros('NA', 6)).toBe(false);
  });

  it('gives the province of a district', () => {
    expect(provinceOf('150101')).toBe('1501');
  });
});

describe('padUbigeoSql agrees with padUbigeo', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openDb();
  });
  afterAll(() => db.close());

  it.each([['10101'], ['150101'], ['NA'], [''], ['10101.0'], ['1501011'], [' 60611 '], ['abc']])('%j', async (value) => {
    await db.run(`CREATE OR REPLACE TABLE t AS SELECT '${value}' AS u`);
    const [row] = await db.rows<{ p: string | null; lost: boolean }>(
      `SELECT ${padUbigeoSql('u', 6)} AS p, ${lostLeadingZerosSql('u', 6)} AS lost FROM t`,
    );
    expect(row.p).toBe(padUbigeo(value, 6));
    expect(row.lost).toBe(lostLeadingZeros(value, 6));
  });
});
