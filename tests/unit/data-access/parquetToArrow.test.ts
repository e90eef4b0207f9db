import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import { parquetToArrowIPC, parquetToArrowTable } from '../../../src/data/parquetToArrow';

// A small Parquet file written by DuckDB, like the pipeline's, with every type the app reads.
let dir: string;
let buffer: ArrayBuffer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'territorio-p2a-'));
  const file = join(dir, 't.parquet');
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  await conn.run(`COPY (
    SELECT * FROM (VALUES
      ('0101', 'Chachapoyas', 1::INTEGER, 2.5::DOUBLE, DATE '1990-05-01', true, 12345678901::BIGINT),
      ('1501', 'Lima',        NULL,       NULL,        NULL,              false, NULL),
      ('0801', 'Cusco ñandú', 3::INTEGER, 7.25::DOUBLE, DATE '2016-12-31', NULL, 5::BIGINT)
    ) t(ubigeo, nombre, n, x, fecha, flag, grande)
  ) TO '${file}' (FORMAT parquet, COMPRESSION snappy)`);
  const bytes = readFileSync(file);
  buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parquetToArrowTable', () => {
  it('keeps values, nulls, accents and types', async () => {
    const t = await parquetToArrowTable(buffer);
    expect(t.numRows).toBe(3);
    expect(t.getChild('ubigeo')!.toArray()).toEqual(['0101', '1501', '0801']);
    expect(t.getChild('nombre')!.get(2)).toBe('Cusco ñandú');
    expect(t.getChild('n')!.get(0)).toBe(1);
    expect(t.getChild('n')!.get(1)).toBeNull();
    expect(t.getChild('x')!.get(2)).toBe(7.25);
    expect(t.getChild('x')!.get(1)).toBeNull();
    expect(t.getChild('flag')!.get(1)).toBe(false);
    expect(t.getChild('flag')!.get(2)).toBeNull();
    // BIGINT becomes a double, so SQL arithmetic never meets BigInt
    expect(t.getChild('grande')!.get(0)).toBe(12345678901);
    const fecha = t.getChild('fecha')!.get(0) as number | Date;
    expect(new Date(fecha).toISOString().slice(0, 10)).toBe('1990-05-01');
    expect(t.getChild('fecha')!.get(1)).toBeNull();
  });

  it('round-trips through an Arrow IPC stream', async () => {
    const ipc = await parquetToArrowIPC(buffer);
    const t = tableFromIPC(ipc);
    expect(t.numRows).toBe(3);
    expect(t.schema.fields.map((f) => f.name)).toEqual(['ubigeo', 'nombre', 'n', 'x', 'fecha', 'flag', 'grande']);
  });

  it('rejects a file that is not Parquet', async () => {
    const junk = new TextEncoder().encode('ubigeo;nombre\n0101;Chachapoyas\n').buffer as ArrayBuffer;
    await expect(parquetToArrowTable(junk)).rejects.toThrow();
  });
});
