import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { requestLevel, useStore } from '../state/store';
import { boundariesOf } from '../state/selectors';
import { readUserFileInWorker } from '../data/userFileClient';
import { buildGazetteer, conflictEventsFromTable, type ConflictRowIssue } from '../domain/conflictEvents';
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
  const uploads = useStore((s) => s.data.userConflicts);
  const addUserConflicts = useStore((s) => s.addUserConflicts);
  const removeUserConflicts = useStore((s) => s.removeUserConflicts);
  const n = (x: number) => formatNumber(x, i18n.language, 0);

  const load = async (file: File) => {
    setBusy(true);
    setOutcome(null);
    try {
      // the one reader, in its worker (the same as «Datos propios»)
      const read = (await readUserFileInWorker(file, file.name)).result;
      if (!read.ok) {
        setOutcome({ kind: 'error', message: userFileMessage(t, read.error) });
        return;
      }
      const provinces = boundariesOf(useStore.getState(), 'provincia');
      const districts = (await requestLevel('distrito')).boundaries;
      if (!provinces) throw new Error(t('conflicts.boundariesNotReady'));
      const gazetteer = buildGazetteer(gazetteerPlaces(districts, provinces));
      const result = conflictEventsFromTable(read.table, gazetteer, { idPrefix: `usuario_${file.name}`, fuente: t('conflicts.userSource', { file: file.name }) });
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
