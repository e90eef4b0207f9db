import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { requestLevel, useStore } from '../state/store';
import { boundariesOf } from '../state/selectors';
import { readConflictFileInWorker } from '../data/userFileClient';
import { fileStore } from '../state/fileStore';
import type { ConflictRowIssue } from '../domain/conflictEvents';
import { gazetteerPlaces } from '../domain/gazetteer';
import { formatNumber } from '../i18n';
import { userFileMessage } from './userFileMessage';

const SHOWN_ISSUES = 8;

type Outcome =
  | { kind: 'error'; message: string }
  | { kind: 'ok'; fileName: string; added: number; rejected: ConflictRowIssue[]; warnings: string[] };

/**
 * The user's own conflict events (CSV or Parquet). Rows are placed by UBIGEO or by names with the
 * same code the pipeline uses; a bad file or row gets a precise message and nothing loaded
 * before is touched.
 */
export function ConflictUpload() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const files = useStore((s) => s.scenario.userData.conflictFiles);
  const uploads = useStore((s) => s.data.userConflicts);
  const addUserConflicts = useStore((s) => s.addUserConflicts);
  const addConflictFile = useStore((s) => s.addConflictFile);
  const removeConflictFile = useStore((s) => s.removeConflictFile);
  const selectConflict = useStore((s) => s.selectConflict);
  const n = (x: number) => formatNumber(x, i18n.language, 0);

  const load = async (file: File) => {
    setBusy(true);
    setOutcome(null);
    try {
      // the one reader, in its worker (the same as «Datos propios»); the rows are placed there too
      const fuente = t('conflicts.userSource', { file: file.name });
      const { read, result } = await readConflictFileInWorker(file, file.name, async () => {
        const provinces = boundariesOf(useStore.getState(), 'provincia');
        const districts = (await requestLevel('distrito')).boundaries;
        if (!provinces) throw new Error(t('conflicts.boundariesNotReady'));
        return gazetteerPlaces(districts, provinces);
      }, { idPrefix: `usuario_${file.name}`, fuente });
      if (!read.result.ok || !result) {
        setOutcome({ kind: 'error', message: userFileMessage(t, read.result.ok ? { code: 'sin_datos', params: {} } : read.result.error) });
        return;
      }
      if (!result.ok) {
        setOutcome({ kind: 'error', message: userFileMessage(t, result.error) });
        return;
      }
      if (result.events.length > 0 && read.sha256) {
        // kept in this browser, so the scenario finds it again after a reload
        await fileStore.put({ sha256: read.sha256, name: file.name, blob: file, savedAt: new Date().toISOString() });
        addUserConflicts({ sha256: read.sha256, fileName: file.name, events: result.events, rejected: result.rejected.length });
        addConflictFile({ sha256: read.sha256, name: file.name, bytes: file.size, events: result.events.length, rejected: result.rejected.length, fuente });
      }
      setOutcome({
        kind: 'ok',
        fileName: file.name,
        added: result.events.length,
        rejected: result.rejected,
        warnings: [...read.result.warnings, ...result.warnings].map((w) => userFileMessage(t, w)),
      });
    } catch (err) {
      setOutcome({ kind: 'error', message: t('conflicts.uploadFailed', { detail: err instanceof Error ? err.message : String(err) }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="field conflict-upload" data-testid="conflict-upload">
      <label htmlFor={`${id}-file`}>{t('conflicts.upload')}</label>
      <input
        id={`${id}-file`}
        type="file"
        accept=".csv,.txt,.tsv,.xlsx,.parquet,.geojson,.json,text/csv"
        disabled={busy}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void load(file);
          e.target.value = ''; // the same file can be loaded again after a fix
        }}
      />
      <p className="small muted">{t('conflicts.uploadHelp')}</p>
      {busy && <p role="status">{t('app.loading')}</p>}
      {outcome?.kind === 'error' && (
        <p role="alert" className="error" data-testid="upload-error">
          {outcome.message}
        </p>
      )}
      {outcome?.kind === 'ok' && (
        <div role="status" data-testid="upload-result">
          <p>{t('conflicts.uploadAdded', { count: outcome.added, n: n(outcome.added), file: outcome.fileName })}</p>
          {outcome.rejected.length > 0 && (
            <>
              <p className="warning">{t('conflicts.uploadRejected', { count: outcome.rejected.length, n: n(outcome.rejected.length) })}</p>
              <ul className="small" data-testid="upload-rejected">
                {outcome.rejected.slice(0, SHOWN_ISSUES).map((r) => (
                  <li key={`${r.line}-${r.code}`}>{userFileMessage(t, r)}</li>
                ))}
                {outcome.rejected.length > SHOWN_ISSUES && <li>{t('conflicts.andMore', { n: n(outcome.rejected.length - SHOWN_ISSUES) })}</li>}
              </ul>
            </>
          )}
          {outcome.warnings.length > 0 && (
            <ul className="small muted" data-testid="upload-warnings">
              {outcome.warnings.slice(0, SHOWN_ISSUES).map((w, k) => (
                <li key={k}>{w}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {files.length > 0 && (
        <ul className="small" data-testid="user-files">
          {files.map((f) => {
            const loaded = uploads.find((u) => u.sha256 === f.sha256);
            return (
              <li key={f.sha256}>
                {t('conflicts.userFile', { file: f.name, count: f.events, n: n(f.events) })}{' '}
                {!loaded && <span className="muted">{t('app.loading')}</span>}
                {loaded?.error && (
                  <span role="alert" className="error" data-testid="conflict-file-missing">
                    {loaded.error.key === 'userFileMissing' ? t('conflicts.fileMissing', { file: f.name }) : t(`errors.${loaded.error.key}`, loaded.error.params)}
                  </span>
                )}{' '}
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    // a card of a removed event would otherwise stay selected and show nothing
                    const sel = useStore.getState().view.selection;
                    if (sel.kind === 'conflict' && loaded?.events.some((e) => e.id === sel.id)) selectConflict(null);
                    removeConflictFile(f.sha256);
                  }}
                >
                  {t('conflicts.removeFile', { file: f.name })}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {files.length > 0 && <p className="small muted">{t('conflicts.linkNote')}</p>}
    </div>
  );
}
