import { describe, expect, it } from 'vitest';
import { damagedText, decodeText, sniffFormat } from '../../../../src/data/userFile/sniff';
import { latin1, utf16le, utf8 } from './helpers';

describe('sniffFormat', () => {
  it('recognises Parquet, spreadsheets, PDF and binaries by their first bytes', () => {
    expect(sniffFormat(utf8('PAR1xxxx'), 'a.parquet')).toBe('parquet');
    expect(sniffFormat(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0]), 'libro.xlsx')).toBe('xlsx');
    expect(sniffFormat(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0]), 'libro.ods')).toBe('ods');
    expect(sniffFormat(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0]), 'datos.csv')).toBe('zip');
    expect(sniffFormat(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2]), 'viejo.xls')).toBe('xls');
    expect(sniffFormat(utf8('%PDF-1.7'), 'a.pdf')).toBe('pdf');
    expect(sniffFormat(Uint8Array.from([1, 0, 2, 3, 0, 7, 9, 9]), 'x.bin')).toBe('binario');
  });

  it('recognises UTF-16 with and without a BOM, JSON by its extension, and text', () => {
    expect(sniffFormat(utf16le('a,b\n1,2'), 'a.txt')).toBe('utf-16le');
    expect(sniffFormat(Uint8Array.from([0xfe, 0xff, 0, 0x61]), 'a.txt')).toBe('utf-16be');
    expect(sniffFormat(utf16le('a,b\n1,2').subarray(2), 'a.txt')).toBe('utf-16le');
    expect(sniffFormat(utf8(' [{"a": 1}]'), 'a.json')).toBe('json');
    expect(sniffFormat(utf8('[a];b'), 'a.csv')).toBe('text');
  });
});

describe('decodeText', () => {
  it('reads valid UTF-8 as UTF-8 (BOM dropped) and anything else as Windows-1252', () => {
    expect(decodeText(utf8('\uFEFFCañete'))).toEqual({ text: 'Cañete', encoding: 'utf-8' });
    expect(decodeText(latin1('Año;Región'))).toEqual({ text: 'Año;Región', encoding: 'windows-1252' });
    expect(decodeText(utf16le('Región'), 'utf-16le')).toEqual({ text: 'Región', encoding: 'utf-16le' });
  });
});

describe('damagedText', () => {
  it('counts U+FFFD and names the first lines holding one', () => {
    expect(damagedText('provincia,n\nCA\uFFFDETE,1\nok,2\nPARI\uFFFD\uFFFDAS,3\n')).toEqual({ caracteres: 3, lineas: [2, 4] });
    expect(damagedText(Array.from({ length: 8 }, () => '\uFFFD').join('\n'))?.lineas).toEqual([1, 2, 3, 4, 5]);
    expect(damagedText('sin daños')).toBeNull();
  });
});
