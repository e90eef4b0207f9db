import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { requestLevel, useStore } from '../state/store';
import { boundariesOf } from '../state/selectors';
import { conflictsInWorker, readUserFileInWorker, releaseInWorker } from '../data/userFileClient';
import type { ConflictRowIssue } from '../domain/conflictEvents';
import { gazetteerPlaces } from '../domain/gazetteer';
import { formatNumber } from '../i18n';
import { userFileMessage } from './userFileMessage';

const SHOWN_ISSUES = 8;
/**
 * Events one upload may add. Every event crosses to the page and is drawn and counted there; the
 * Defensoría reports about 200 active cases a month, so this is decades of monthly reports.
 */
export const MAX_UPLOAD_EVENTS = 50_000;

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
  const uploads = useStore((s) => s.data.userConflicts);
  const addUserConflicts = useStore((s) => s.addUserConflicts);
  const removeUserConflicts = useStore((s) => s.removeUserConflicts);
  const n = (x: number) => formatNumber(x, i18n.language, 0);

  const load = async (file: File) => {
    setBusy(true);
    setOutcome(null);
    try {
      // the one reader, in its worker (the same as «Datos propios»)
      const { result: read, handle } = await readUserFileInWorker(file, file.name);
      if (!read.ok || handle === null) {
        setOutcome({ kind: 'error', message: userFileMessage(t, read.ok ? { code: 'sin_datos', params: {} } : read.error) });
        return;
      }
      // refused before the districts are even needed: the worker counted the rows
      if (read.rows > MAX_UPLOAD_EVENTS) {
        releaseInWorker(handle);
        setOutcome({ kind: 'error', message: userFileMessage(t, { code: 'demasiadas_filas', params: { filas: read.rows, limite: MAX_UPLOAD_EVENTS } }) });
        return;
      }
      const provinces = boundariesOf(useStore.getState(), 'provincia');
      const districts = (await requestLevel('distrito')).boundaries;
      if (!provinces) throw new Error(t('conflicts.boundariesNotReady'));
      // the rows stay in the worker: they are placed there, and only the events come back
      const result = await conflictsInWorker(
        handle,
        gazetteerPlaces(districts, provinces),
        { idPrefix: `usuario_${file.name}`, fuente: t('conflicts.userSource', { file: file.name }) },
        MAX_UPLOAD_EVENTS,
      ).finally(() => releaseInWorker(handle));
      if (!result.ok) {
        setOutcome({ kind: 'error', message: userFileMessage(t, result.error) });
        return;
      }
      if (result.events.length > 0) addUserConflicts({ fileName: file.name, events: result.events, rejected: result.rejected.length });
      setOutcome({
        kind: 'ok',
        fileName: file.name,
        added: result.events.length,
        rejected: result.rejected,
        warnings: [...read.warnings, ...result.warnings].map((w) => userFileMessage(t, w)),
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
      {uploads.length > 0 && (
        <ul className="small" data-testid="user-files">
          {uploads.map((u) => (
            <li key={u.fileName}>
              {t('conflicts.userFile', { file: u.fileName, count: u.events.length, n: n(u.events.length) })}{' '}
              <button type="button" className="link" onClick={() => removeUserConflicts(u.fileName)}>
                {t('conflicts.removeFile', { file: u.fileName })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
