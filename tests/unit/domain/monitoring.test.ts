import { describe, expect, it } from 'vitest';
import { monitoringFromTable, monitoringTotals, parseDay, upsertEntry } from '../../../src/domain/monitoring';
import type { UserTable } from '../../../src/data/userFile/table';

const table = (columns: string[], rows: string[][]): UserTable => ({
  columns,
  records: rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i] ?? '']))),
  lines: rows.map((_, i) => i + 2),
});

describe('monitoring a decision (issue 19)', () => {
  it('totals budget against spending, the share executed and the gap', () => {
    const t = monitoringTotals([
      { ubigeo: '0101', planned: 1_000_000, executed: 250_000, date: '2026-06-30' },
      { ubigeo: '0102', planned: 500_000, executed: 600_000, date: null },
      { ubigeo: '0103', planned: null, executed: 10_000, date: null },
    ]);
    expect(t.planned).toBe(1_500_000);
    expect(t.executed).toBe(860_000);
    expect(t.share).toBeCloseTo(860 / 1500, 12);
    expect(t.gap).toBe(640_000);
    expect(t.over).toBe(1);
    expect(t.rows[0].share).toBeCloseTo(0.25, 12);
    expect(t.rows[1].gap).toBe(-100_000);
    expect(t.rows[2].share).toBeNaN();
    expect(monitoringTotals([]).share).toBeNaN();
    // a unit added without amounts yet: no gap to show, and the totals do not move
    const blank = monitoringTotals([{ ubigeo: '0101', planned: null, executed: null, date: null }, { ubigeo: '0102', planned: 5, executed: 2, date: null }]);
    expect(blank.rows[0].gap).toBeNaN();
    expect(blank.gap).toBe(3);
  });

  it('keeps one entry per unit', () => {
    const a = upsertEntry([], { ubigeo: '0101', planned: 1, executed: null, date: null });
    const b = upsertEntry(a, { ubigeo: '0102', planned: 2, executed: null, date: null });
    const c = upsertEntry(b, { ubigeo: '0101', planned: 3, executed: 1, date: null });
    expect(c.map((e) => [e.ubigeo, e.planned])).toEqual([['0101', 3], ['0102', 2]]);
  });

  it('reads dates as offices write them and refuses impossible ones', () => {
    expect(parseDay('2026-06-30')).toBe('2026-06-30');
    expect(parseDay('30/06/2026')).toBe('2026-06-30');
    expect(parseDay('')).toBeNull();
    expect(parseDay('31/02/2026')).toBeUndefined();
    expect(parseDay('junio')).toBeUndefined();
  });

  it('reads a CSV with office column names, decimal commas and lost zeros, and says which lines it left out', () => {
    const known = new Set(['0101', '0102', '0103', '010101']);
    const r = monitoringFromTable(
      table(['UBIGEO', 'PIM', 'Devengado', 'Fecha de corte'], [
        ['101', '1.000.000,50', '250.000,25', '30/06/2026'],
        ['0102', '500,00', '', ''],
        ['9999', '1,00', '1,00', ''],
        ['0103', 'mucho', '', ''],
        ['010101', '10,00', '5,00', '2026-13-01'],
        ['abc', '1', '1', ''],
      ]),
      known,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.columns).toEqual({ ubigeo: 'UBIGEO', planned: 'PIM', executed: 'Devengado', date: 'Fecha de corte' });
    expect(r.entries).toEqual([
      { ubigeo: '0101', planned: 1_000_000.5, executed: 250_000.25, date: '2026-06-30' },
      { ubigeo: '0102', planned: 500, executed: null, date: null },
    ]);
    expect(r.rejected).toEqual([
      { line: 4, problem: 'unknownUnit' },
      { line: 5, problem: 'amount' },
      { line: 6, problem: 'date' },
      { line: 7, problem: 'ubigeo' },
    ]);
  });

  it('refuses a file without a UBIGEO column or without amounts, naming the columns it has', () => {
    const known = new Set(['0101']);
    const a = monitoringFromTable(table(['provincia', 'monto'], [['Chachapoyas', '1']]), known);
    expect(a).toEqual({ ok: false, error: { code: 'sin_columna_ubigeo', params: { columnas: 'provincia, monto' } } });
    const b = monitoringFromTable(table(['ubigeo', 'nota'], [['0101', 'x']]), known);
    expect(!b.ok && b.error.code).toBe('sin_montos');
    const c = monitoringFromTable(table(['ubigeo', 'presupuesto'], [['0101', '-5']]), known);
    expect(!c.ok && c.error.code).toBe('sin_filas_validas');
    const d = monitoringFromTable(table(['ubigeo', 'presupuesto'], [['0101', '1'], ['0101', '2'], ['0101', '3']]), known, 2);
    expect(!d.ok && d.error.code).toBe('demasiadas_filas');
  });
});
