import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDb, sqlString } from '../../../../data/db';
import { cellText, readParquet } from '../../../../src/data/userFile/parquet';

const dir = mkdtempSync(path.join(tmpdir(), 'territorio-userfile-pq-'));
const file = path.join(dir, 'ok.parquet');

beforeAll(async () => {
  const db = await openDb();
  try {
    await db.run(`COPY (SELECT * FROM (VALUES
        ('150101', 'Lima', DATE '2024-03-15', 12.5::DOUBLE, 3::INTEGER, true),
        ('080101', 'Cusco', NULL, NULL, 7::INTEGER, false)) t(ubigeo, provincia, fecha, valor, casos, activo))
      TO ${sqlString(file)} (FORMAT parquet, COMPRESSION zstd)`);
  } finally {
    db.close();
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readParquet', () => {
  it('reads a zstd Parquet into a header and rows of text', async () => {
    expect(await readParquet(readFileSync(file))).toEqual({
      ok: true,
      header: ['ubigeo', 'provincia', 'fecha', 'valor', 'casos', 'activo'],
      rows: [['150101', 'Lima', '2024-03-15', '12.5', '3', 'true'], ['080101', 'Cusco', '', '', '7', 'false']],
    });
  });

  it('returns the reader\'s own error for a damaged file', async () => {
    const r = await readParquet(new Uint8Array(readFileSync(file)).subarray(0, 40));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.detalle.length).toBeGreaterThan(0);
  });
});

describe('cellText', () => {
  it('writes values as a CSV would hold them', () => {
    expect([null, undefined, 'x', 1.5, NaN, 12n, false].map(cellText)).toEqual(['', '', 'x', '1.5', '', '12', 'false']);
    expect(cellText(new Date('2024-03-15T00:00:00Z'))).toBe('2024-03-15');
    expect(cellText(new Date('2024-03-15T10:30:00Z'))).toBe('2024-03-15T10:30:00.000Z');
    expect(cellText(new TextEncoder().encode('Cañete'))).toBe('Cañete');
    expect(cellText({ a: 1n })).toBe('{"a":"1"}');
  });
});
