import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useStore } from '../state/store';
import type { CoreState } from '../state/slices';
import type { UserData } from '../state/scenario';
import type { LoadState } from '../state/loadState';
import { errorOf, ready, valueOf } from '../state/loadState';
import { joinContextOf } from '../state/userDataState';
import { fileStore } from '../state/fileStore';
import { readUserFileInWorker, releaseInWorker, type ReadInWorker } from '../data/userFileClient';
import type { UserFileError } from '../data/userFile/codes';
import { missingKeyColumns, sameKey, type KeySpec, type UserFileRef } from '../domain/userData';
import type { UserFileSummary } from '../domain/userSummary';
import { USER_STATS, userIndicatorId, type UserIndicator, type UserStat } from '../domain/userIndicators';
import { looksLikeTemplate, templateCsv, templateSheets } from '../domain/facilityCondition';
import { writeXlsx } from '../data/userFile/xlsxWrite';
import { UBIGEO_DIGITS, type UbigeoLevel } from '../data/userFile/keys';
import { formatNumber } from '../i18n';
import { listText } from '../i18n/userFileText';
import { userFileMessage } from './userFileMessage';
import { UserProxyComparison } from './UserProxyComparison';

type Stage =
  | { kind: 'idle' }
  | { kind: 'busy'; text: string }
  | { kind: 'error'; message: string; personal?: string[]; file?: File }
  | { kind: 'read'; file: File; read: ReadInWorker & { result: { ok: true } }; key: KeySpec | null; dropped: string[]; notice?: string };

const MB = 1024 * 1024;

/** The key, when the file has its columns (a key naming a missing column cannot join). */
const joinableKey = (columns: readonly string[], key: KeySpec | null): KeySpec | null =>
  key && missingKeyColumns(columns, key).length === 0 ? key : null;

function download(name: string, data: BlobPart, type: string) {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * The user's own files become indicators: read in a worker (CSV, XLSX, Parquet, GeoJSON), joined
 * by UBIGEO, IPRESS code or coordinates, shown as a join report before use, then added to the
 * scenario (the file kept in this browser's file store, by SHA-256).
 */
export function UserDataPanel() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const wantUserData = useStore((s) => s.wantUserData);
  // joinContextOf builds a new object: select its inputs, and build it when they change
  const districts = useStore((s) => s.data.levels.distrito);
  const provinces = useStore((s) => s.data.levels.provincia);
  const register = useStore((s) => s.data.register);
  const ctx = useMemo(() => joinContextOf({ data: { levels: { distrito: districts, provincia: provinces }, register } } as unknown as CoreState), [districts, provinces, register]);
  const userData = useStore((s) => s.scenario.userData);
  const fileStates = useStore((s) => s.data.userFiles);
  const n = (x: number, d = 0) => formatNumber(x, i18n.language, d);

  // the worker lets go of the rows when this file is added or replaced (it keeps a few at most anyway)
  const release = () => stage.kind === 'read' && releaseInWorker(stage.read.handle);
  const stageJoin = useStore((s) => s.stageJoin);
  const read = async (file: File, opts: { sheet?: string | null; dropped?: string[] } = {}) => {
    release();
    stageJoin(null, null);
    wantUserData();
    setStage({ kind: 'busy', text: t('userData.progress.analizando') });
    try {
      const r = await readUserFileInWorker(file, file.name, {
        sheet: opts.sheet ?? null,
        dropColumns: opts.dropped,
        onProgress: (stage, done, total) =>
          setStage({ kind: 'busy', text: t(`userData.progress.${stage}`, { done: n(done / MB, 1), total: n(total / MB, 1) }) }),
      });
      if (!r.result.ok) {
        const e: UserFileError = r.result.error;
        setStage({ kind: 'error', message: userFileMessage(t, e), personal: e.code === 'datos_personales' ? e.params.columnas.map((c) => c.columna) : undefined, file });
        return;
      }
      const ok = r as ReadInWorker & { result: { ok: true } };
      stageJoin(ok.handle, joinableKey(ok.result.columns, ok.guess));
      setStage({
        kind: 'read',
        file,
        read: ok,
        key: ok.guess,
        dropped: opts.dropped ?? [],
        notice: opts.dropped?.length ? t('userData.dropped', { columns: listText(t, opts.dropped) }) : undefined,
      });
    } catch (err) {
      setStage({ kind: 'error', message: t('userData.errors.failed', { detail: err instanceof Error ? err.message : String(err) }) });
    }
  };

  const templateXlsx = () =>
    download(
      'plantilla_estado_establecimientos.xlsx',
      writeXlsx(templateSheets((c) => t(`userData.template.columns.${c}`), t('userData.template.instructions'))) as Uint8Array<ArrayBuffer>,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );

  return (
    <details className="layers user-data" data-testid="user-data-panel" data-territorio={ctx ? 'listo' : 'cargando'} onToggle={(e) => (e.currentTarget.open ? wantUserData() : undefined)}>
      <summary>
        <h2>{t('userData.title')}</h2>
      </summary>
      <p className="small muted">{t('userData.intro')}</p>
      <div className="field">
        <p className="small">
          <strong>{t('userData.template.title')}</strong>: {t('userData.template.help')}
        </p>
        <button type="button" className="link" data-testid="template-csv" onClick={() => download('plantilla_estado_establecimientos.csv', templateCsv(), 'text/csv;charset=utf-8')}>
          {t('userData.template.csv')}
        </button>{' '}
        <button type="button" className="link" data-testid="template-xlsx" onClick={templateXlsx}>
          {t('userData.template.xlsx')}
        </button>
      </div>
      <div className="field">
        <label htmlFor={`${id}-file`}>{t('userData.file')}</label>
        <input
          id={`${id}-file`}
          data-testid="user-file-input"
          type="file"
          accept=".csv,.txt,.tsv,.xlsx,.parquet,.geojson,.json,text/csv"
          disabled={stage.kind === 'busy'}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void read(file);
            e.target.value = '';
          }}
        />
      </div>
      {stage.kind === 'busy' && (
        <p role="status" data-testid="user-file-progress">
          {stage.text}
        </p>
      )}
      {stage.kind === 'error' && (
        <div role="alert" className="error" data-testid="user-file-error">
          <p>{stage.message}</p>
          {stage.personal && stage.file && (
            <button type="button" data-testid="drop-personal" onClick={() => void read(stage.file!, { dropped: stage.personal })}>
              {t('userData.dropPersonal')}
            </button>
          )}
        </div>
      )}
      {stage.kind === 'read' && (
        <ReadFile
          stage={stage}
          ctx={ctx}
          t={t}
          n={n}
          onKey={(key) => {
            setStage({ ...stage, key });
            stageJoin(stage.read.handle, joinableKey(stage.read.result.columns, key));
          }}
          onSheet={(sheet) => void read(stage.file, { sheet, dropped: stage.dropped })}
          onDone={() => {
            release();
            stageJoin(null, null);
            setStage({ kind: 'idle' });
          }}
        />
      )}
      {ctx === null && stage.kind === 'read' && <p role="status">{t('userData.progress.territorio')}</p>}
      <UserIndicatorList userData={userData} fileStates={fileStates} t={t} n={n} />
    </details>
  );
}

function ReadFile(props: {
  stage: Extract<Stage, { kind: 'read' }>;
  ctx: ReturnType<typeof joinContextOf>;
  t: TFunction;
  n: (x: number, d?: number) => string;
  onKey: (key: KeySpec) => void;
  onSheet: (sheet: string) => void;
  onDone: () => void;
}) {
  const { stage, ctx, t, n } = props;
  const id = useId();
  const result = stage.read.result;
  const columns = result.columns;
  const handle = stage.read.handle;
  const key = stage.key;
  const missing = key ? missingKeyColumns(columns, key) : [];
  // The join runs in the worker that holds the rows, asked for by the coordinator (a new key asks
  // again); the page gets its summary. Only the answer to this file and this key is shown.
  const staging = useStore((s) => s.data.staging);
  const current = staging && key && staging.handle === handle && sameKey(staging.key, key) ? staging.join : null;
  const joined = current ? valueOf(current) : null;
  const joinError = current ? errorOf(current) : null;
  const joining = ctx !== null && current !== null && (current.status === 'idle' || current.status === 'loading');
  const sheets = result.sheets;
  const setKind = (kind: KeySpec['kind']) => {
    const c = columns[0];
    props.onKey(kind === 'coordenadas' ? { kind, lon: c, lat: columns[1] ?? c } : kind === 'ipress' ? { kind, column: c } : { kind, column: c, level: 'distrito' });
  };
  return (
    <div data-testid="user-file-read">
      {stage.notice && <p className="small warning">{stage.notice}</p>}
      {result.warnings.length > 0 && (
        <ul className="small muted" data-testid="user-file-warnings">
          {result.warnings.map((w, k) => (
            <li key={k}>{userFileMessage(t, w)}</li>
          ))}
        </ul>
      )}
      {sheets && sheets.names.length > 1 && (
        <div className="field">
          <label htmlFor={`${id}-sheet`}>{t('userData.sheet')}</label>
          <select id={`${id}-sheet`} data-testid="user-file-sheet" value={sheets.read} onChange={(e) => props.onSheet(e.target.value)}>
            {sheets.names.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
      )}
      <fieldset className="field">
        <legend>{t('userData.key.title')}</legend>
        {!key && <p className="warning small">{t('userData.key.none')}</p>}
        <label htmlFor={`${id}-kind`}>{t('userData.key.kind')}</label>
        <select id={`${id}-kind`} data-testid="key-kind" value={key?.kind ?? ''} onChange={(e) => setKind(e.target.value as KeySpec['kind'])}>
          {!key && <option value="" />}
          {(['ubigeo', 'ipress', 'coordenadas'] as const).map((k) => (
            <option key={k} value={k}>
              {t(`userData.key.kinds.${k}`)}
            </option>
          ))}
        </select>
        {key && key.kind !== 'coordenadas' && (
          <>
            <label htmlFor={`${id}-col`}>{t('userData.key.column')}</label>
            <select id={`${id}-col`} data-testid="key-column" value={key.column} onChange={(e) => props.onKey({ ...key, column: e.target.value })}>
              {columns.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          </>
        )}
        {key?.kind === 'ubigeo' && (
          <>
            <label htmlFor={`${id}-lvl`}>{t('userData.key.level')}</label>
            <select id={`${id}-lvl`} data-testid="key-level" value={key.level} onChange={(e) => props.onKey({ ...key, level: e.target.value as UbigeoLevel })}>
              {(Object.keys(UBIGEO_DIGITS) as UbigeoLevel[]).map((l) => (
                <option key={l} value={l}>
                  {t(`userData.levels.${l}`)}
                </option>
              ))}
            </select>
          </>
        )}
        {key?.kind === 'coordenadas' && (
          <>
            <label htmlFor={`${id}-lon`}>{t('userData.key.lon')}</label>
            <select id={`${id}-lon`} value={key.lon} onChange={(e) => props.onKey({ ...key, lon: e.target.value })}>
              {columns.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
            <label htmlFor={`${id}-lat`}>{t('userData.key.lat')}</label>
            <select id={`${id}-lat`} value={key.lat} onChange={(e) => props.onKey({ ...key, lat: e.target.value })}>
              {columns.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          </>
        )}
        {missing.length > 0 && (
          <p role="alert" className="error" data-testid="key-missing">
            {t('userData.key.missing', { columns: listText(t, missing), available: listText(t, columns) })}
          </p>
        )}
      </fieldset>
      {joining && (
        <p role="status" data-testid="user-file-joining">
          {t('userData.progress.uniendo')}
        </p>
      )}
      {joinError && (
        <p role="alert" className="error" data-testid="user-file-error">
          {t('userData.errors.failed', { detail: String(joinError.params.detail ?? joinError.message) })}
        </p>
      )}
      {joined && <JoinReportView joined={joined.summary} joinMs={joined.joinMs} stage={stage} t={t} n={n} />}
      {joined && joined.summary.report.matched > 0 && <NewIndicator joined={joined.summary} stage={stage} t={t} onDone={props.onDone} />}
    </div>
  );
}

function JoinReportView({ joined, joinMs, stage, t, n }: { joined: UserFileSummary; joinMs: number; stage: Extract<Stage, { kind: 'read' }>; t: TFunction; n: (x: number, d?: number) => string }) {
  const r = joined.report;
  const level = t(`userData.levels.${r.level}`);
  const list = (xs: { value: string; rows: number }[]) => xs.map((x) => (x.rows > 1 ? `${x.value} (×${x.rows})` : x.value)).join(', ');
  const result = stage.read.result;
  const detail = result.format === 'csv' ? ` (${result.encoding ?? ''}, «${result.delimiter === '\t' ? 'TAB' : (result.delimiter ?? ',')}»)` : result.sheets ? ` («${result.sheets.read}»)` : '';
  return (
    <section data-testid="join-report" data-parse-ms={Math.round(stage.read.parseMs)} data-join-ms={Math.round(joinMs)} aria-label={t('userData.report.title')}>
      <h3>{t('userData.report.title')}</h3>
      <p data-testid="join-rows">{t('userData.report.rows', { rows: n(r.rows), matched: n(r.matched), pct: n(r.rows ? (100 * r.matched) / r.rows : 0, 1), level })}</p>
      <p className="small muted">{t('userData.report.format', { format: result.format.toUpperCase(), detail, sha: stage.read.sha256 })}</p>
      {r.matched === 0 && (
        <p role="alert" className="error" data-testid="join-none">
          {t('userData.report.noMatch', { level, list: list(r.unmatched.slice(0, 5)) })}
        </p>
      )}
      {r.zerosRestored > 0 && <p className="small">{t('userData.report.zeros', { count: r.zerosRestored, n: n(r.zerosRestored) })}</p>}
      {r.emptyKey > 0 && <p className="small warning">{t('userData.report.emptyKey', { count: r.emptyKey, n: n(r.emptyKey) })}</p>}
      {r.unmatchedTotal > 0 && r.matched > 0 && (
        <p className="small warning" data-testid="join-unmatched">
          {t('userData.report.unmatched', { count: r.unmatchedTotal, n: n(r.unmatchedTotal), list: list(r.unmatched) })}
        </p>
      )}
      {r.duplicatesTotal > 0 && (
        <p className="small warning" data-testid="join-duplicates">
          {t('userData.report.duplicates', { count: r.duplicatesTotal, n: n(r.duplicatesTotal), list: list(r.duplicates) })}
        </p>
      )}
      <table className="small" data-testid="join-columns">
        <caption>{t('userData.report.columns')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('userData.report.colName')}</th>
            <th scope="col">{t('userData.report.colKind')}</th>
            <th scope="col">{t('userData.report.colNulls')}</th>
            <th scope="col">{t('userData.report.colDetail')}</th>
          </tr>
        </thead>
        <tbody>
          {r.columns.map((c) => (
            <tr key={c.name} data-column={c.name} data-kind={c.kind}>
              <th scope="row">{c.name}</th>
              <td>{t(`userData.report.kinds.${c.kind}`)}</td>
              <td>{n(c.nulls)}</td>
              <td>
                {c.kind === 'numerico' && c.decimal === 'comma' ? t('userData.report.decimalComma') : ''}
                {c.notNumbersTotal > 0 && (
                  <span className="warning" data-testid="not-numbers">
                    {' '}
                    {t('userData.report.notNumbers', { count: c.notNumbersTotal, n: n(c.notNumbersTotal), list: c.notNumbers.map((x) => `«${x.value}» (${x.line})`).join(', ') })}
                  </span>
                )}
                {c.kind === 'categorico' ? c.categories.slice(0, 6).map((x) => `${x.value} (${n(x.rows)})`).join(', ') : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function NewIndicator({ joined, stage, t, onDone }: { joined: UserFileSummary; stage: Extract<Stage, { kind: 'read' }>; t: TFunction; onDone: () => void }) {
  const id = useId();
  const addUserIndicators = useStore((s) => s.addUserIndicators);
  const replaceAgeProxy = useStore((s) => s.replaceAgeProxy);
  const commit = useStore((s) => s.commit);
  const columns = joined.report.columns.filter((c) => c.kind !== 'texto');
  const template = looksLikeTemplate(joined.columns) && joined.key.kind === 'ipress';
  const [column, setColumn] = useState(columns[0]?.name ?? '');
  const profile = columns.find((c) => c.name === column);
  const stats: UserStat[] = USER_STATS.filter((s) =>
    s === 'count' ? true : s === 'share' ? profile?.kind === 'categorico' : s === 'minsa' ? joined.key.kind === 'ipress' && profile?.kind === 'numerico' : profile?.kind === 'numerico',
  );
  const [stat, setStat] = useState<UserStat | null>(null);
  const chosen = stat && stats.includes(stat) ? stat : stats[0];
  const [categories, setCategories] = useState<string[]>([]);
  const [label, setLabel] = useState('');
  const [unit, setUnit] = useState('');
  const [vintage, setVintage] = useState('');
  const [direction, setDirection] = useState<'up' | 'down'>('up');
  const [problem, setProblem] = useState<string | null>(null);
  const sha = stage.read.sha256!;

  const ref = (): UserFileRef => ({
    sha256: sha,
    name: stage.file.name,
    bytes: stage.read.bytes,
    rows: joined.report.rows,
    format: stage.read.result.format,
    sheet: stage.read.result.sheets?.read ?? null,
    key: joined.key,
    dropped: stage.dropped,
  });
  const make = (u: Omit<UserIndicator, 'id' | 'file' | 'weight' | 'enabled' | 'method' | 'winsorise'>): UserIndicator => ({
    ...u,
    id: userIndicatorId(sha, u.column, u.stat, u.categories),
    file: sha,
    weight: 10,
    enabled: true,
    method: { kind: 'minmax' },
    winsorise: null,
  });
  const addToScenario = async (indicator: UserIndicator, replaceAge: boolean) => {
    await fileStore.put({ sha256: sha, name: stage.file.name, blob: stage.file, savedAt: new Date().toISOString() });
    const r = ref();
    // the report and the form close first, the ranking changes in the next task: two short tasks, not one long one
    onDone();
    await new Promise((resolve) => setTimeout(resolve, 0));
    commit((s) => ({ data: { ...s.data, userFiles: { ...s.data.userFiles, [sha]: ready(joined) } } }));
    addUserIndicators(r, [indicator]);
    if (replaceAge) replaceAgeProxy(indicator.id);
  };
  const submit = () => {
    if (!label.trim()) return setProblem(t('userData.indicator.needLabel'));
    if (chosen === 'share' && categories.length === 0) return setProblem(t('userData.indicator.needCategory'));
    setProblem(null);
    void addToScenario(make({ column: chosen === 'count' ? null : column, stat: chosen, categories: chosen === 'share' ? categories : [], label: label.trim(), unit: unit.trim(), vintage: vintage.trim(), direction }), false);
  };
  const yearColumn = 'anio_ultima_intervencion_integral';
  return (
    <section data-testid="new-indicator" aria-label={t('userData.indicator.title')}>
      <h3>{t('userData.indicator.title')}</h3>
      {template && (
        <p>
          <button
            type="button"
            data-testid="use-minsa"
            onClick={() =>
              void addToScenario(
                make({ column: yearColumn, stat: 'minsa', categories: [], label: t('userData.indicator.minsaLabel'), unit: '%', vintage: vintage.trim() || stage.file.name, direction: 'up' }),
                true,
              )
            }
          >
            {t('userData.indicator.addMinsa')}
          </button>
        </p>
      )}
      <div className="field">
        <label htmlFor={`${id}-c`}>{t('userData.indicator.column')}</label>
        <select id={`${id}-c`} data-testid="indicator-column" value={column} onChange={(e) => (setColumn(e.target.value), setCategories([]))}>
          {columns.map((c) => (
            <option key={c.name}>{c.name}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-s`}>{t('userData.indicator.stat')}</label>
        <select id={`${id}-s`} data-testid="indicator-stat" value={chosen} onChange={(e) => setStat(e.target.value as UserStat)}>
          {stats.map((s) => (
            <option key={s} value={s}>
              {t(`userData.indicator.stats.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {chosen === 'share' && profile && (
        <fieldset className="field" data-testid="indicator-categories">
          <legend>{t('userData.indicator.categories')}</legend>
          {profile.categories.map((c) => (
            <label key={c.value} className="check">
              <input
                type="checkbox"
                checked={categories.includes(c.value)}
                onChange={(e) => setCategories(e.target.checked ? [...categories, c.value] : categories.filter((x) => x !== c.value))}
              />{' '}
              {c.value} ({c.rows})
            </label>
          ))}
        </fieldset>
      )}
      <div className="field">
        <label htmlFor={`${id}-l`}>{t('userData.indicator.label')}</label>
        <input id={`${id}-l`} data-testid="indicator-label" value={label} maxLength={120} onChange={(e) => setLabel(e.target.value)} />
        <label htmlFor={`${id}-u`}>{t('userData.indicator.unit')}</label>
        <input id={`${id}-u`} data-testid="indicator-unit" value={unit} maxLength={40} onChange={(e) => setUnit(e.target.value)} />
        <label htmlFor={`${id}-v`}>{t('userData.indicator.vintage')}</label>
        <input id={`${id}-v`} data-testid="indicator-vintage" value={vintage} maxLength={40} onChange={(e) => setVintage(e.target.value)} />
        <label htmlFor={`${id}-d`}>{t('userData.indicator.direction')}</label>
        <select id={`${id}-d`} data-testid="indicator-direction" value={direction} onChange={(e) => setDirection(e.target.value as 'up' | 'down')}>
          <option value="up">{t('userData.indicator.up')}</option>
          <option value="down">{t('userData.indicator.down')}</option>
        </select>
      </div>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      <button type="button" data-testid="indicator-add" onClick={submit}>
        {t('userData.indicator.add')}
      </button>
    </section>
  );
}

function UserIndicatorList({
  userData,
  fileStates,
  t,
  n,
}: {
  userData: UserData;
  fileStates: Record<string, LoadState<UserFileSummary>>;
  t: TFunction;
  n: (x: number, d?: number) => string;
}) {
  const setUserIndicator = useStore((s) => s.setUserIndicator);
  const removeUserIndicator = useStore((s) => s.removeUserIndicator);
  const replaceAgeProxy = useStore((s) => s.replaceAgeProxy);
  const classes = useStore((s) => s.scenario.classes);
  const setClasses = useStore((s) => s.setClasses);
  if (userData.indicators.length === 0) return null;
  return (
    <section data-testid="user-indicators" aria-label={t('userData.list.title')}>
      <h3>{t('userData.list.title')}</h3>
      <ul>
        {userData.indicators.map((u) => {
          const ref = userData.files.find((f) => f.sha256 === u.file);
          const st = fileStates[u.file];
          const err = st ? errorOf(st) : null;
          return (
            <li key={u.id} data-testid={`user-indicator-${u.id}`}>
              <label className="check">
                <input type="checkbox" checked={u.enabled} aria-label={t('userData.list.enabled', { label: u.label })} onChange={(e) => setUserIndicator(u.id, { enabled: e.target.checked })} />{' '}
                <strong>{u.label}</strong>
              </label>
              <input
                type="number"
                min={0}
                max={1000}
                className="weight-input"
                aria-label={t('userData.list.weight', { label: u.label })}
                data-testid="user-indicator-weight"
                value={u.weight}
                onChange={(e) => setUserIndicator(u.id, { weight: Number(e.target.value) })}
              />
              <p className="small muted">{t('userData.list.from', { file: ref?.name ?? '', rows: n(ref?.rows ?? 0), sha: u.file.slice(0, 12), vintage: u.vintage })}</p>
              {err && (
                <p role="alert" className="error small" data-testid="user-file-missing">
                  {t(`userData.errors.${err.key === 'userFileMissing' ? 'userFileMissing' : 'userFileUnreadable'}`, { file: ref?.name ?? '', code: String(err.params.code ?? err.message) })}
                </p>
              )}
              <details data-testid="proxy-details">
                <summary className="small">{t('userData.compare.title')}</summary>
                <UserProxyComparison id={u.id} />
              </details>
              {classes.kind === 'indicator' && classes.indicator === u.id ? (
                <button type="button" className="link" data-testid="user-indicator-map" onClick={() => setClasses({ kind: 'equal', count: classes.count })}>
                  {t('map.showScore')}
                </button>
              ) : (
                <button type="button" className="link" data-testid="user-indicator-map" onClick={() => setClasses({ kind: 'indicator', count: classes.count, indicator: u.id })}>
                  {t('map.showOnMap')}
                </button>
              )}{' '}
              {u.stat === 'minsa' && (
                <button type="button" className="link" onClick={() => replaceAgeProxy(u.id)}>
                  {t('userData.list.replaceAge')}
                </button>
              )}{' '}
              <button type="button" className="link" onClick={() => removeUserIndicator(u.id)}>
                {t('userData.list.remove', { label: u.label })}
              </button>
            </li>
          );
        })}
      </ul>
      <p className="small muted">{t('userData.list.linkNote')}</p>
    </section>
  );
}
