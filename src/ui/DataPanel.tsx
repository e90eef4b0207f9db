import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../state/store';
import { engineOf } from '../state/selectors';
import { formatNumber } from '../i18n';

/** The catalogue of every dataset: who published it, when, under which licence, how complete, what was fixed. */
export function DataPanel() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language === 'en' ? 'en' : 'es';
  const data = useStore(engineOf);
  const open = useStore((s) => s.view.dataPanelOpen);
  const setOpen = useStore((s) => s.setDataPanelOpen);
  const closeRef = useRef<HTMLButtonElement>(null);
  // Closing gives the focus back to the button that opened the panel.
  const close = () => {
    setOpen(false);
    document.querySelector<HTMLButtonElement>('[data-testid="open-data-panel"]')?.focus();
  };

  useEffect(() => {
    if (open) closeRef.current?.focus();
  }, [open]);

  if (!open || !data) return null;
  const { catalog, tables } = data;
  return (
    <div
      className="data-panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby="data-panel-title"
      data-testid="data-panel"
      onKeyDown={(e) => e.key === 'Escape' && close()}
    >
      <header>
        <h2 id="data-panel-title">{t('data.title')}</h2>
        <button ref={closeRef} type="button" onClick={close}>
          {t('data.close')}
        </button>
      </header>
      <p>{t('data.intro')}</p>
      <p className="muted small">{t('data.version', { hash: catalog.inputsSha256.slice(0, 12) })}</p>
      {catalog.datasets.map((ds) => (
        <article key={ds.id} className="dataset" data-dataset={ds.id}>
          <h3>{ds.title[lng]}</h3>
          <dl>
            <dt>{t('data.institution')}</dt>
            <dd>{ds.institution}</dd>
            <dt>{t('data.licence')}</dt>
            <dd>{ds.licence[lng]}</dd>
            <dt>{t('data.vintage')}</dt>
            <dd>{ds.vintage[lng]}</dd>
            <dt>{t('data.source')}</dt>
            <dd>{ds.source}</dd>
            <dt>{t('data.rows')}</dt>
            <dd>
              {formatNumber(ds.rows, lng, 0)}
              {tables[ds.id] && <span className="muted"> · {t('data.loadedInEngine', { rows: formatNumber(tables[ds.id].rows, lng, 0) })}</span>}
            </dd>
            <dt>{t('data.size')}</dt>
            <dd>{t('data.kilobytes', { n: formatNumber(ds.bytes / 1024, lng, 0) })}</dd>
            <dt>{t('data.rawFiles')}</dt>
            <dd>{ds.rawFiles.join(', ')}</dd>
          </dl>
          <h4>{t('data.quirks')}</h4>
          {ds.quirks.length === 0 ? (
            <p className="muted">{t('data.noQuirks')}</p>
          ) : (
            <ul className="quirks">
              {ds.quirks.map((q) => (
                <li key={q.id}>
                  {q.description[lng]} <span className="badge">{t('data.quirkCount', { count: q.count, n: formatNumber(q.count, lng, 0) })}</span>
                </li>
              ))}
            </ul>
          )}
          {ds.columns.length > 0 && (
            <details>
              <summary>{t('data.columns')}</summary>
              <table className="completeness">
                <thead>
                  <tr>
                    <th scope="col">{t('data.column')}</th>
                    <th scope="col" className="num">{t('data.completeness')}</th>
                  </tr>
                </thead>
                <tbody>
                  {ds.columns.map((c) => (
                    <tr key={c.name}>
                      <th scope="row">{c.name}</th>
                      <td className="num">{formatNumber(c.completeness * 100, lng, 1)} %</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          )}
        </article>
      ))}
    </div>
  );
}
