import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../state/store';
import { MAX_AMOUNT, monitoringTotals, type MonitoringEntry, type MonitoringTotals } from '../domain/monitoring';
import { decimalStyle, parseNumber } from '../data/userFile/numbers';
import { readMonitoringFileInWorker } from '../data/userFileClient';
import { userFileErrorText } from '../i18n/userFileText';
import { monitoringCsv } from '../export/csv';
import { formatNumber } from '../i18n';
import { useFullScreenView } from './fullScreenView';
import { download } from './scenarios/common';
import './trends.css';

/** An amount as people type it (`1 250 000,50`, `1250000.5`, `S/ 300`): a number, null when empty, NaN when not an amount. */
export function parseAmount(text: string): number | null {
  if (text.trim() === '') return null;
  const x = parseNumber(text, decimalStyle([text]));
  return x !== null && x >= 0 && x <= MAX_AMOUNT ? x : NaN;
}

/** One amount cell: edited as text, committed on blur or Enter; a wrong amount is named and not saved. */
function AmountInput({ value, label, onCommit, testId }: { value: number | null; label: string; onCommit: (x: number | null) => void; testId: string }) {
  const { t, i18n } = useTranslation();
  const shown = value === null ? '' : formatNumber(value, i18n.language, 2);
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  const commit = () => {
    if (text === null) return;
    const x = parseAmount(text);
    if (Number.isNaN(x)) return setError(t('monitoring.invalidAmount', { text }));
    setError(null);
    setText(null);
    if (x !== value) onCommit(x);
  };
  return (
    <>
      <input
        type="text"
        inputMode="decimal"
        aria-label={label}
        data-testid={testId}
        value={text ?? shown}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
      {error && (
        <span id={errorId} role="alert" className="error small">
          {error}
        </span>
      )}
    </>
  );
}

/** A unit's name with its department, from whichever level is loaded (entries may be provinces or districts). */
export function useUnitNameOf(): (ubigeo: string) => string {
  const provinces = useStore((s) => s.derived.units.provincia);
  const districts = useStore((s) => s.derived.units.distrito);
  return useMemo(() => {
    const names = new Map<string, string>();
    for (const u of [provinces, districts]) u?.ids.forEach((ub, i) => names.set(ub, `${u.names[i]} (${u.departamentos[i]})`));
    return (ubigeo: string) => names.get(ubigeo) ?? ubigeo;
  }, [provinces, districts]);
}

/** Soles with cents and the share executed, as the view, the report and the summary line write them. */
export function useMonitoringFormat() {
  const { i18n } = useTranslation();
  return {
    money: (x: number | null) => (x !== null && Number.isFinite(x) ? formatNumber(x, i18n.language, 2) : '—'),
    share: (x: number) => (Number.isFinite(x) ? `${formatNumber(100 * x, i18n.language, 1)} %` : '—'),
  };
}

/** The summary line: planned, executed, share and gap in total. */
export function MonitoringSummary({ totals }: { totals: MonitoringTotals }) {
  const { t } = useTranslation();
  const { money, share } = useMonitoringFormat();
  return (
    <p className="monitoring-summary" role="status" data-testid="monitoring-summary">
      {t('monitoring.summary', { planned: money(totals.planned), executed: money(totals.executed), share: share(totals.share), gap: money(totals.gap) })}
    </p>
  );
}

/** The table's header row; `chart` adds the column of the bars (the view, not the report). */
export function MonitoringHead({ chart = false }: { chart?: boolean }) {
  const { t } = useTranslation();
  return (
    <thead>
      <tr>
        {(['unit', 'planned', 'executed', 'date', 'share', 'gap'] as const).map((k) => (
          <th key={k} scope="col">
            {t(`monitoring.${k}`)}
          </th>
        ))}
        {chart && (
          <th scope="col">
            <span className="sr-only">{t('monitoring.chart')}</span>
          </th>
        )}
      </tr>
    </thead>
  );
}

/**
 * «Seguimiento» (issue 19): the investment decided per unit against what was spent, per unit and
 * in total (share executed, gap), entered here or loaded from a CSV through the one user-file
 * reader. The entries are part of the scenario (saved, shared, undone with it) and go out as CSV.
 */
export function MonitoringView() {
  const { t } = useTranslation();
  const id = useId();
  const entries = useStore((s) => s.scenario.monitoreo);
  const ranking = useStore((s) => s.derived.ranking);
  const provinces = useStore((s) => s.derived.units.provincia);
  const districts = useStore((s) => s.derived.units.distrito);
  const topN = useStore((s) => s.scenario.topN);
  const nameOf = useUnitNameOf();
  const { money, share: pct } = useMonitoringFormat();
  const { setMonitoringEntry, removeMonitoringEntry, importMonitoring } = useStore.getState();
  const [unit, setUnit] = useState('');
  const [planned, setPlanned] = useState('');
  const [executed, setExecuted] = useState('');
  const [date, setDate] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const [fileMessage, setFileMessage] = useState<{ kind: 'info' | 'error'; lines: string[] } | null>(null);
  const [reading, setReading] = useState<string | null>(null);

  const units = ranking?.units;
  const rankOf = useMemo(() => new Map(units ? units.ids.map((u, i) => [u, ranking!.ranking.rank[i]]) : []), [units, ranking]);
  // the scope's units, ranked ones first
  const options = useMemo(() => {
    if (!units || !ranking) return [];
    return Array.from(ranking.ranking.scopeIndices)
      .map((i) => ({ ubigeo: units.ids[i], rank: ranking.ranking.rank[i], name: `${units.names[i]} (${units.departamentos[i]})` }))
      .sort((a, b) => (a.rank || 1e9) - (b.rank || 1e9) || a.name.localeCompare(b.name, 'es'));
  }, [units, ranking]);
  const totals = useMemo(() => monitoringTotals(entries), [entries]);
  const chosen = unit || options[0]?.ubigeo || '';

  const close = useFullScreenView('open-monitoring');
  const add = () => {
    const p = parseAmount(planned);
    const x = parseAmount(executed);
    const bad = [planned, executed].find((_, k) => Number.isNaN(k === 0 ? p : x));
    if (bad !== undefined) return setFormError(t('monitoring.invalidAmount', { text: bad }));
    if (p === null && x === null) return setFormError(t('monitoring.needAmount'));
    if (!chosen) return;
    setFormError(null);
    setMonitoringEntry({ ubigeo: chosen, planned: p, executed: x, date: date || null });
    setPlanned('');
    setExecuted('');
  };
  const addTop = () => {
    if (!ranking) return;
    const present = new Set(entries.map((e) => e.ubigeo));
    const added: MonitoringEntry[] = Array.from(ranking.ranking.order.slice(0, topN))
      .map((i) => ranking.units.ids[i])
      .filter((u) => !present.has(u))
      .map((ubigeo) => ({ ubigeo, planned: null, executed: null, date: null }));
    if (added.length) importMonitoring(added);
  };
  const load = async (file: File) => {
    setReading(file.name);
    setFileMessage(null);
    try {
      const known = [...(provinces?.ids ?? []), ...(districts?.ids ?? [])];
      const { read, result } = await readMonitoringFileInWorker(file, file.name, known);
      if (!read.result.ok) return setFileMessage({ kind: 'error', lines: [userFileErrorText(t, read.result.error)] });
      if (!result) return;
      if (!result.ok) return setFileMessage({ kind: 'error', lines: [t(`monitoring.errors.${result.error.code}`, result.error.params)] });
      importMonitoring(result.entries);
      const lines = [t('monitoring.imported', { file: file.name, count: result.entries.length })];
      if (result.rejected.length) {
        const shown = result.rejected.slice(0, 10).map((r) => `${r.line} (${t(`monitoring.problems.${r.problem}`)})`);
        lines.push(t('monitoring.rejected', { lines: shown.join(', ') + (result.rejected.length > 10 ? ` … (+${result.rejected.length - 10})` : '') }));
      }
      setFileMessage({ kind: 'info', lines });
    } catch (err) {
      // the worker died or failed: said in Spanish, with its detail; the entries are untouched
      setFileMessage({ kind: 'error', lines: [t('monitoring.readFailed', { file: file.name, detail: err instanceof Error ? err.message : String(err) })] });
    } finally {
      setReading(null);
    }
  };

  return (
    <div className="sc-overlay trends monitoring" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} data-testid="monitoring-view">
      <header className="sc-overlay-head">
        <h2 id={`${id}-title`}>{t('monitoring.title')}</h2>
        <button type="button" onClick={close} autoFocus>
          {t('monitoring.close')}
        </button>
      </header>
      <p className="small">{t('monitoring.intro')}</p>

      <div className="monitoring-form">
        <label>
          {t('monitoring.unit')}
          <select data-testid="monitoring-unit" value={chosen} onChange={(e) => setUnit(e.target.value)}>
            {options.map((o) => (
              <option key={o.ubigeo} value={o.ubigeo}>
                {o.rank ? `${o.rank}. ` : ''}
                {o.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('monitoring.planned')}
          <input type="text" inputMode="decimal" data-testid="monitoring-planned" value={planned} onChange={(e) => setPlanned(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && add()} />
        </label>
        <label>
          {t('monitoring.executed')}
          <input type="text" inputMode="decimal" data-testid="monitoring-executed" value={executed} onChange={(e) => setExecuted(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && add()} />
        </label>
        <label>
          {t('monitoring.date')}
          <input type="date" data-testid="monitoring-date" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <button type="button" data-testid="monitoring-add" onClick={add}>
          {t('monitoring.add')}
        </button>
        <button type="button" data-testid="monitoring-add-top" onClick={addTop} disabled={!ranking}>
          {t('monitoring.addTop', { n: topN })}
        </button>
      </div>
      {formError && (
        <p role="alert" className="error" data-testid="monitoring-form-error">
          {formError}
        </p>
      )}
      <div className="monitoring-form">
        <label>
          {t('monitoring.import')}
          <input type="file" accept=".csv,.txt,.tsv,.xlsx,text/csv" data-testid="monitoring-file" onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) void load(f); }} />
        </label>
        <button type="button" data-testid="monitoring-download" disabled={entries.length === 0} onClick={() => download('seguimiento.csv', new Blob([monitoringCsv(totals, nameOf)], { type: 'text/csv;charset=utf-8' }))}>
          {t('monitoring.download')}
        </button>
      </div>
      <p className="small muted">{t('monitoring.importHelp')}</p>
      {reading && <p role="status">{t('monitoring.reading', { file: reading })}</p>}
      {fileMessage && (
        <div role={fileMessage.kind === 'error' ? 'alert' : 'status'} className={fileMessage.kind === 'error' ? 'error' : undefined} data-testid="monitoring-file-message">
          {fileMessage.lines.map((l) => (
            <p key={l}>{l}</p>
          ))}
        </div>
      )}

      {entries.length === 0 ? (
        <p data-testid="monitoring-empty">{t('monitoring.empty')}</p>
      ) : (
        <>
          <MonitoringSummary totals={totals} />
          {totals.over > 0 && <p>{t('monitoring.over', { count: totals.over })}</p>}
          <div className="monitoring-wrap">
            <table className="trend-table monitoring-table" data-testid="monitoring-table">
              <caption className="small">{t('monitoring.chartNote')}</caption>
              <MonitoringHead chart />
              <tbody>
                {totals.rows.map((r) => {
                  const rank = rankOf.get(r.ubigeo);
                  const name = nameOf(r.ubigeo);
                  return (
                    <tr key={r.ubigeo} data-ubigeo={r.ubigeo}>
                      <th scope="row">
                        {rank ? `${rank}. ` : ''}
                        {name}
                      </th>
                      <td className="num">
                        <AmountInput value={r.planned} label={`${t('monitoring.planned')}: ${name}`} testId="monitoring-row-planned" onCommit={(x) => setMonitoringEntry({ ...r, planned: x })} />
                      </td>
                      <td className="num">
                        <AmountInput value={r.executed} label={`${t('monitoring.executed')}: ${name}`} testId="monitoring-row-executed" onCommit={(x) => setMonitoringEntry({ ...r, executed: x })} />
                      </td>
                      <td>
                        <input type="date" aria-label={`${t('monitoring.date')}: ${name}`} value={r.date ?? ''} onChange={(e) => setMonitoringEntry({ ubigeo: r.ubigeo, planned: r.planned, executed: r.executed, date: e.target.value || null })} />
                      </td>
                      <td className="num" data-testid="monitoring-row-share">{pct(r.share)}</td>
                      <td className="num">{money(r.gap)}</td>
                      <td>
                        <span className={`monitoring-bar${r.executed !== null && r.planned !== null && r.executed > r.planned ? ' over' : ''}`} aria-hidden="true">
                          <span style={{ width: `${Math.min(100, Number.isFinite(r.share) ? 100 * r.share : 0)}%` }} />
                        </span>
                        <button type="button" className="link" aria-label={t('monitoring.remove', { unit: name })} onClick={() => removeMonitoringEntry(r.ubigeo)}>
                          {t('monitoring.removeShort')}
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
              <tfoot>
                <tr data-testid="monitoring-total">
                  <th scope="row">{t('monitoring.total')}</th>
                  <td className="num" data-testid="monitoring-total-planned">{money(totals.planned)}</td>
                  <td className="num" data-testid="monitoring-total-executed">{money(totals.executed)}</td>
                  <td />
                  <td className="num" data-testid="monitoring-total-share">{pct(totals.share)}</td>
                  <td className="num" data-testid="monitoring-total-gap">{money(totals.gap)}</td>
                  <td>
                    <span className={`monitoring-bar${totals.executed > totals.planned ? ' over' : ''}`} aria-hidden="true">
                      <span style={{ width: `${Math.min(100, Number.isFinite(totals.share) ? 100 * totals.share : 0)}%` }} />
                    </span>
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
