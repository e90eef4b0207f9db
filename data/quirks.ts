// A quirk is a known defect of a raw file that the pipeline fixes; catalog.json reports each
// one with how many rows (or values) it touched, so the app can show the data's caveats.
import type { Bilingual, CatalogQuirk } from '../src/data/catalog';

export type { Bilingual };
export type Quirk = CatalogQuirk;

export function quirk(id: string, count: number, es: string, en: string): Quirk {
  return { id, description: { es, en }, count };
}
