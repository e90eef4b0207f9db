import { DataError } from './errors';

/** The shape of `catalog.json`, written by the pipeline (see docs/data-contract.md). */
export interface Bilingual {
  es: string;
  en: string;
}
export interface CatalogColumn {
  name: string;
  type: string;
  completeness: number;
}
export interface CatalogQuirk {
  id: string;
  description: Bilingual;
  count: number;
}
export interface CatalogDataset {
  id: string;
  file: string;
  title: Bilingual;
  institution: string;
  licence: string;
  vintage: string;
  source: string;
  rawFiles: string[];
  rows: number;
  bytes: number;
  columns: CatalogColumn[];
  quirks: CatalogQuirk[];
}
export interface Catalog {
  schemaVersion: number;
  inputsSha256: string;
  datasets: CatalogDataset[];
}

export async function fetchCatalog(baseUrl: string): Promise<Catalog> {
  const url = `${baseUrl}catalog.json`;
  let res: Response;
  try {
    res = await fetch(url);
  } catch {
    throw new DataError('catalogMissing', { url });
  }
  if (!res.ok) throw new DataError('catalogMissing', { url });
  const catalog = (await res.json()) as Catalog;
  if (!Array.isArray(catalog.datasets)) throw new DataError('catalogMissing', { url });
  return catalog;
}

export function datasetById(catalog: Catalog, id: string): CatalogDataset | undefined {
  return catalog.datasets.find((d) => d.id === id);
}
