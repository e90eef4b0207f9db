import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT, resolveDataPaths } from '../../../data/config';
import { DataInputError } from '../../../data/errors';
import { assertColumns, assertRawFilesExist, parseCsvLine, readCsvHeader } from '../../../data/inputs';
import { RAW_FILES } from '../../../data/rawFiles';
import { OUTPUT_FILES } from '../../../data/datasets';
import { missingOutputs } from '../../../data/ensure';

describe('resolveDataPaths', () => {
  it('defaults relative to the project root, whatever the cwd', () => {
    const p = resolveDataPaths({}, {});
    expect(p.rawDir).toBe(path.resolve(PROJECT_ROOT, '../shared/data/raw'));
    expect(p.outDir).toBe(path.join(PROJECT_ROOT, 'public', 'data'));
  });

  it('reads the environment, resolving relative values from the project root', () => {
    const p = resolveDataPaths({}, { TERRITORIO_RAW_DIR: '/x/raw', TERRITORIO_DATA_DIR: 'tmp/out' });
    expect(p).toEqual({ rawDir: '/x/raw', outDir: path.join(PROJECT_ROOT, 'tmp', 'out') });
  });

  it('lets explicit options win over the environment', () => {
    const p = resolveDataPaths({ rawDir: '/a', outDir: '/b' }, { TERRITORIO_RAW_DIR: '/x', TERRITORIO_DATA_DIR: '/y' });
    expect(p).toEqual({ rawDir: '/a', outDir: '/b' });
  });
});

describe('raw-file checks', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'territorio-raw-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('parses quoted CSV header fields', () => {
    expect(parseCsvLine('a,"b, c","d ""e"""')).toEqual(['a', 'b, c', 'd "e"']);
  });

  it('names the missing file, the folder and the variable, in Spanish', () => {
    mkdirSync(path.join(dir, 'facilities'), { recursive: true });
    writeFileSync(path.join(dir, RAW_FILES.ipressNombres.path), '');
    let error: unknown;
    try {
      assertRawFilesExist(dir, [RAW_FILES.ipress, RAW_FILES.ipressNombres]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataInputError);
    const message = (error as Error).message;
    expect(message).toContain('No se encontró el archivo');
    expect(message).toContain('facilities/ipress_minsa_2017.csv');
    expect(message).not.toContain('ipress_nombres_2017.parquet');
    expect(message).toContain(dir);
    expect(message).toContain('TERRITORIO_RAW_DIR');
  });

  it('says so when the whole folder is missing', () => {
    expect(() => assertRawFilesExist(path.join(dir, 'no-existe'))).toThrow(/No existe la carpeta de datos brutos.*TERRITORIO_RAW_DIR/);
  });

  it('names the file and the missing column of a malformed CSV', () => {
    const file = path.join(dir, 'censo.csv');
    writeFileSync(file, '\uFEFFUBIGEO,POBTOTAL\r\n010101,5\r\n');
    expect(readCsvHeader(file)).toEqual(['UBIGEO', 'POBTOTAL']);
    expect(() => assertColumns(RAW_FILES.censo, dir, readCsvHeader(file))).toThrow(
      /«population\/censo2017_distritos\.csv».*no tiene las columnas esperadas.*«ALGUNA_NBI»/,
    );
  });
});

describe('data:ensure', () => {
  it('lists the outputs missing from a folder', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'territorio-out-'));
    try {
      expect(missingOutputs(dir)).toEqual(OUTPUT_FILES);
      for (const f of OUTPUT_FILES) writeFileSync(path.join(dir, f), '');
      expect(missingOutputs(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
