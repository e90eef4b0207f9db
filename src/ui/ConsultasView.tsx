import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useStore } from '../state/store';
import { valueOf } from '../state/loadState';
import { CONSULT_EXAMPLES, CONSULT_MAX_ROWS, type ConsultResult } from '../data/consulta';
import type { DataError } from '../data/errors';
import { USER_SCHEMA } from '../domain/sqlGuard';
import { csvField } from '../export/csv';
import { formatNumber } from '../i18n';
import { download } from './scenarios/common';
import { useFullScreenView } from './fullScreenView';
import { consultaTable } from '../state/userDataState';
import { guessKey } from '../domain/userData';
import './consultas.css';

/** Rows drawn on screen (sorting reads all kept rows; the CSV has them all). */
const SHOWN_ROWS = 500;

type Cell = ConsultResult['rows'][number][number];

/** The result as CSV (UTF-8 with a BOM, for spreadsheets): header, then the rows kept. */
export function consultCsv(r: Pick<ConsultResult, 'columns' | 'rows'>): string {
  const field = (v: Cell) => (v === null ? '' : typeof v === 'boolean' ? String(v) : csvField(v));
  return '\ufeff' + [r.columns.map((c) => csvField(c.name)).join(','), ...r.rows.map((row) => row.map(field).join(','))].join('\r\n') + '\r\n';
}

function errorText(e: DataError, t: TFunction): string {
  if (e.key !== 'consultRefused') return t(`errors.${e.key}`, e.params);
  const reason = String(e.params.reason);
  const what = e.params.what ? t(`consultas.guard.unclosedWhat.${String(e.params.what)}`) : undefined;
  return t(`consultas.guard.${reason}`, { ...e.params, what });
}

/** Codes and years read better without thousands separators. */
const CODE_LIKE = /(codigo|c[oó]d|anio|año|year|ubigeo|^id$|_id$)/i;

function cellText(v: Cell, column: string, lng: 'es' | 'en'): string {
  if (typeof v !== 'number') return String(v);
  if (Number.isInteger(v)) return CODE_LIKE.test(column) ? String(v) : formatNumber(v, lng, 0);
  return formatNumber(v, lng, Math.min(4, (String(v).split('.')[1] ?? '').length));
}

const compareCells = (a: Cell, b: Cell): number => {
  // empty cells last, numbers by value, the rest as text in Spanish order
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'es', { numeric: true });
};

/**
 * «Consultas» (issue 18): the analyst writes SQL against the loaded tables, sees the table list
 * and a few examples, runs (and can cancel) the query, and gets a sortable table with a CSV
 * download. The text is part of the scenario; running and the table list go through the
 * coordinator (the store's runConsulta / wantConsultas), not through this component.
 */
export function ConsultasView() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language === 'en' ? 'en' : 'es';
  const id = useId();
  const saved = useStore((s) => s.scenario.consulta.sql);
  const run = useStore((s) => s.data.consulta);
  const schema = useStore((s) => s.data.consultSchema);
  const engineReady = useStore((s) => s.data.engine.status === 'ready');
  const { setConsultaSql, runConsulta, cancelConsulta, wantConsultas } = useStore.getState();
  const [sql, setSql] = useState(saved);
  const [sort, setSort] = useState<{ column: number; descending: boolean } | null>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const editorRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    wantConsultas();
    editorRef.current?.focus();
  }, [wantConsultas]);
  // another scenario opened (or an undo) while the view is open: its text replaces the editor's
  const [seen, setSeen] = useState(saved);
  if (seen !== saved) {
    setSeen(saved);
    setSql(saved);
  }

  // the text typed is kept with the scenario even when it was not run
  const close = useFullScreenView('open-consultas', () => sql !== saved && setConsultaSql(sql));
  const execute = () => {
    if (sql !== saved) setConsultaSql(sql);
    setSort(null);
    runConsulta();
  };

  const busy = run !== null && (run.result.status === 'loading' || run.result.status === 'idle') && !run.cancelled;
  const result = run ? valueOf(run.result) : null;
  const error = run?.result.status === 'error' ? run.result.error : null;
  const rows = useMemo(() => {
    if (!result) return [];
    if (!sort) return result.rows;
    const out = [...result.rows];
    out.sort((a, b) => compareCells(a[sort.column], b[sort.column]) * (sort.descending ? -1 : 1));
    return out;
  }, [result, sort]);
  const tables = valueOf(schema) ?? [];
  // a result that places its rows (ubigeo, IPRESS code, coordinates) and has numbers can be mapped
  const placeBy = useMemo(() => (result ? guessKey(consultaTable({ columns: result.columns, rows: result.rows.slice(0, 200) })) : null), [result]);
  const numericColumns = result ? result.columns.filter((c) => c.numeric && !(placeBy && 'column' in placeBy && placeBy.column === c.name)).map((c) => c.name) : [];
  const [mapColumn, setMapColumn] = useState('');
  const chosen = numericColumns.includes(mapColumn) ? mapColumn : numericColumns[numericColumns.length - 1];
  const n = (x: number, d = 0) => formatNumber(x, lng, d);

  return (
    <div className="sc-overlay consultas" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} data-testid="consultas-view">
      <header className="sc-overlay-head">
        <h2 id={`${id}-title`}>{t('consultas.title')}</h2>
        <button ref={closeRef} type="button" onClick={close}>
          {t('consultas.close')}
        </button>
      </header>
      <p className="small">{t('consultas.intro')}</p>
      <div className="consultas-body">
        <aside className="consultas-side" aria-label={t('consultas.tables')}>
          <h3>{t('consultas.tables')}</h3>
          {schema.status !== 'ready' && schema.status !== 'error' && <p className="small muted">{t('consultas.tablesLoading')}</p>}
          {schema.status === 'error' && (
            <p role="alert" className="error small">
              {t(`errors.${schema.error.key}`, schema.error.params)}
            </p>
          )}
          <ul className="consultas-tables" data-testid="consultas-tables">
            {tables.map((tb) => (
              <li key={`${tb.schema}.${tb.name}`} data-table={tb.schema === 'main' ? tb.name : `${tb.schema}.${tb.name}`}>
                <details>
                  <summary>
                    <code>{tb.schema === 'main' ? tb.name : `${tb.schema}.${tb.name}`}</code>{' '}
                    <span className="muted small">
                      ({tb.schema === USER_SCHEMA ? t('consultas.own') : t('consultas.readOnly')}; {t('consultas.columns', { count: tb.columns.length })})
                    </span>
                  </summary>
                  <ul className="small">
                    {tb.columns.map((c) => (
                      <li key={c.name}>
                        <code>{c.name}</code> <span className="muted">{c.type}</span>
                      </li>
                    ))}
                  </ul>
                </details>
              </li>
            ))}
          </ul>
          <h3>{t('consultas.examples')}</h3>
          <ul className="consultas-examples">
            {CONSULT_EXAMPLES.map((ex) => (
              <li key={ex.key}>
                <button type="button" className="link" data-testid={`consultas-example-${ex.key}`} onClick={() => setSql(ex.sql)}>
                  {t(`consultas.exampleTitles.${ex.key}`)}
                </button>
              </li>
            ))}
          </ul>
        </aside>
        <section className="consultas-main">
          <label htmlFor={`${id}-sql`}>{t('consultas.sqlLabel')}</label>
          <textarea
            id={`${id}-sql`}
            ref={editorRef}
            data-testid="consultas-sql"
            className="consultas-sql"
            spellCheck={false}
            rows={8}
            value={sql}
            aria-describedby={`${id}-help`}
            onChange={(e) => setSql(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                execute();
              }
            }}
          />
          <p className="small muted" id={`${id}-help`}>
            {t('consultas.sqlHelp')}
          </p>
          <div className="consultas-actions">
            <button type="button" data-testid="consultas-run" onClick={execute} disabled={busy}>
              {t('consultas.run')}
            </button>
            <button type="button" data-testid="consultas-cancel" onClick={cancelConsulta} disabled={!busy}>
              {t('consultas.cancel')}
            </button>
            {result && result.rows.length > 0 && (
              <button
                type="button"
                data-testid="consultas-download"
                onClick={() => download('consulta.csv', new Blob([consultCsv(result)], { type: 'text/csv;charset=utf-8' }))}
              >
                {t('consultas.download')}
              </button>
            )}
          </div>
          <div aria-live="polite" data-testid="consultas-status">
            {busy && <p role="status">{engineReady ? t('consultas.running') : t('consultas.waitingEngine')}</p>}
            {result && (
              <p className="small" data-testid="consultas-summary">
                {t('consultas.summary', { count: result.rows.length, ms: n(result.ms), statements: result.statements })}
              </p>
            )}
          </div>
          {error && (
            <div role="alert" className={error.key === 'consultCancelled' ? 'warning' : 'error'} data-testid="consultas-error">
              {error.key === 'consultCancelled' ? (
                <p>{t('consultas.cancelled')}</p>
              ) : (
                <>
                  <strong>{t('consultas.errorTitle')}</strong>
                  <p>{errorText(error, t)}</p>
                </>
              )}
            </div>
          )}
          {result && result.rows.length > 0 && (
            <div className="consultas-map" data-testid="consultas-map">
              {placeBy && chosen ? (
                <>
                  <label htmlFor={`${id}-map`}>{t('consultas.mapColumn')}</label>{' '}
                  <select id={`${id}-map`} data-testid="consultas-map-column" value={chosen} onChange={(e) => setMapColumn(e.target.value)}>
                    {numericColumns.map((c) => (
                      <option key={c} value={c}>
                        {c}
                      </option>
                    ))}
                  </select>{' '}
                  <button
                    type="button"
                    data-testid="consultas-map-it"
                    onClick={() => {
                      useStore.getState().mapConsulta(chosen);
                      close();
                    }}
                  >
                    {t('consultas.mapIt')}
                  </button>
                  <p className="small muted">{t('consultas.mapHelp', { key: placeBy.kind === 'coordenadas' ? `${placeBy.lon}, ${placeBy.lat}` : placeBy.column })}</p>
                </>
              ) : (
                <p className="small muted">{t('consultas.notMappable')}</p>
              )}
            </div>
          )}
          {result && result.truncated && (
            <p className="small warning" data-testid="consultas-truncated">
              {t('consultas.truncated', { max: n(CONSULT_MAX_ROWS) })}
            </p>
          )}
          {result && result.rows.length > SHOWN_ROWS && <p className="small muted">{t('consultas.shown', { shown: n(SHOWN_ROWS) })}</p>}
          {result && result.rows.length === 0 && <p className="small">{t('consultas.noRows')}</p>}
          {result && result.columns.length > 0 && result.rows.length > 0 && (
            <div className="consultas-result" tabIndex={0} role="region" aria-label={t('consultas.resultCaption')}>
              <table data-testid="consultas-result">
                <caption className="sr-only">{t('consultas.resultCaption')}</caption>
                <thead>
                  <tr>
                    {result.columns.map((c, k) => (
                      <th key={k} scope="col" className={c.numeric ? 'num' : undefined} aria-sort={sort?.column === k ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                        <button
                          type="button"
                          className="sort"
                          title={t('consultas.sortBy', { column: c.name })}
                          onClick={() => setSort(sort?.column === k ? { column: k, descending: !sort.descending } : { column: k, descending: c.numeric })}
                        >
                          {c.name} <span aria-hidden="true">{sort?.column === k ? (sort.descending ? '▼' : '▲') : ''}</span>
                        </button>
                        <span className="muted small type">{c.type}</span>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.slice(0, SHOWN_ROWS).map((row, r) => (
                    <tr key={r}>
                      {row.map((v, k) => (
                        <td key={k} className={typeof v === 'number' ? 'num' : undefined}>
                          {v === null ? <span className="muted">NULL</span> : cellText(v, result.columns[k].name, lng)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </div>
    </div>
  );
}
