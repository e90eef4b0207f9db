import type { Catalog } from '../data/catalog';
import { datasetById } from '../data/catalog';

/** "Title (vintage)" for a dataset id, in the UI language: the answer to "which number, from where". */
export function datasetLabel(catalog: Catalog, id: string, lng: string): string {
  const ds = datasetById(catalog, id);
  if (!ds) return id;
  const title = lng === 'en' ? ds.title.en : ds.title.es;
  return `${title} (${ds.institution}, ${lng === 'en' ? ds.vintage.en : ds.vintage.es})`;
}
