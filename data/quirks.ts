// A quirk is a known defect of a raw file that the pipeline fixes; catalog.json reports each
// one with how many rows (or values) it touched, so the app can show the data's caveats.
export interface Bilingual {
  es: string;
  en: string;
}

export interface Quirk {
  id: string;
  description: Bilingual;
  count: number;
}

export function quirk(id: string, count: number, es: string, en: string): Quirk {
  return { id, description: { es, en }, count };
}
