import { DataError } from './errors';

/**
 * The shape of `catalog.json`: the one definition, shared by the pipeline that writes it
 * (data/catalog.ts) and the app that reads it (see docs/data-contract.md).
 */
export interface Bilingual {
  es: string;
  en: string;
}
export interface CatalogColumn {
  name: string;
  type: string;
  /** Share of rows with a value (non-null), 0..1, rounded to 4 decimals. */
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
  /** As the public copy states it, in both languages. */
  licence: Bilingual;
  vintage: Bilingual;
  source: string;
  rawFiles: string[];
  rows: number;
  bytes: number;
  columns: CatalogColumn[];
  quirks: CatalogQuirk[];
}
export interface Catalog {
  schemaVersion: 1;
  inputsSha256: string;
  /** sha256 of the pipeline's code that built the files (see data/inputs.ts hashPipeline). */
  pipelineSha256: string;
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
