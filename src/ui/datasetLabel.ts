import { useTranslation } from 'react-i18next';
import type { Catalog } from '../data/catalog';
import { datasetById } from '../data/catalog';
import { useStore } from '../state/store';
import { catalogOf } from '../state/selectors';

/** "Title (vintage)" for a dataset id, in the UI language: the answer to "which number, from where". */
export function datasetLabel(catalog: Catalog, id: string, lng: string): string {
  const ds = datasetById(catalog, id);
  if (!ds) return id;
  const title = lng === 'en' ? ds.title.en : ds.title.es;
  return `${title} (${ds.institution}, ${lng === 'en' ? ds.vintage.en : ds.vintage.es})`;
}

/**
 * The source line as the scenario's data make it: for the conflict cases, the published report
 * plus the user's own event files and the time window, when they apply (issue 17: provenance
 * follows the data, not only the catalogue).
 */
export function useSourceLabel(): (id: string) => string {
  const { t, i18n } = useTranslation();
  const catalog = useStore(catalogOf);
  const files = useStore((s) => s.scenario.userData.conflictFiles);
  const window = useStore((s) => s.scenario.timeWindow);
  return (id: string) => {
    const base = catalog ? datasetLabel(catalog, id, i18n.language) : id;
    if (id !== 'conflictos') return base;
    const parts = [base];
    if (files.length > 0) {
      const events = files.reduce((n, f) => n + f.events, 0);
      parts.push(t('sources.userConflicts', { count: events, files: files.map((f) => `«${f.name}», ${f.sha256.slice(0, 8)}`).join('; ') }));
    }
    if (window.from || window.to) parts.push(t('sources.window', { from: window.from ?? '…', to: window.to ?? '…' }));
    return parts.join(' + ');
  };
}
