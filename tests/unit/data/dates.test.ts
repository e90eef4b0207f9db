import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, sqlString, type Db } from '../../../data/db';
import { MIN_PLAUSIBLE_YEAR, REGISTER_YEAR, startDateSql, startDateStatusSql } from '../../../data/dates';

describe('start-of-activity dates (SQL rules)', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openDb();
  });
  afterAll(() => db.close());

  async function classify(raw: string | null): Promise<{ status: string; date: string | null }> {
    await db.run(`CREATE OR REPLACE TABLE t AS SELECT ${raw === null ? 'NULL::VARCHAR' : sqlString(raw)} AS d`);
    const [row] = await db.rows<{ status: string; date: string | null }>(
      `SELECT ${startDateStatusSql('d')} AS status, CAST(${startDateSql('d')} AS VARCHAR) AS date FROM t`,
    );
    return row;
  }

  it('reads dd/mm/yyyy explicitly (not mm/dd)', async () => {
    expect(await classify('29/06/2006')).toEqual({ status: 'ok', date: '2006-06-29' });
    expect(await classify('05/04/1879')).toEqual({ status: 'ok', date: '1879-04-05' });
  });

  it('treats 01/01/1900 as a placeholder but keeps other 1900 dates', async () => {
    expect(await classify('01/01/1900')).toEqual({ status: 'placeholder_1900', date: null });
    expect(await classify('27/01/1900')).toEqual({ status: 'ok', date: '1900-01-27' });
  });

  it('rejects impossible years at both ends', async () => {
    expect(MIN_PLAUSIBLE_YEAR).toBe(1800);
    expect(await classify('30/03/1075')).toEqual({ status: 'anio_imposible', date: null });
    expect(await classify('10/10/1826')).toEqual({ status: 'ok', date: '1826-10-10' });
    expect(await classify(`01/01/${REGISTER_YEAR + 1}`)).toEqual({ status: 'posterior_al_registro', date: null });
    expect(await classify('28/02/2017')).toEqual({ status: 'ok', date: '2017-02-28' });
  });

  it('handles empty and unreadable values', async () => {
    expect(await classify(null)).toEqual({ status: 'vacia', date: null });
    expect(await classify('  ')).toEqual({ status: 'vacia', date: null });
    expect(await classify('2006-06-29')).toEqual({ status: 'ilegible', date: null });
    expect(await classify('31/02/2006')).toEqual({ status: 'ilegible', date: null });
  });
});
