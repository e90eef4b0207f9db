import raw from './presets/presets.json' with { type: 'json' };
import type { Aggregation } from './aggregate';
import type { MissingPolicy } from './score';
import { INDICATORS } from './indicators';
import type { Direction } from './indicators';
import type { NormalisationMethod } from './normalise';
import { INSTITUTION_GROUPS, type InstitutionGroup } from './facilities';

/** A preset is data (presets/presets.json); this module only types and checks it. */
export interface PresetIndicator {
  id: string;
  weight: number;
  direction?: Direction;
  method?: NormalisationMethod;
}
export interface Preset {
  id: string;
  title: { es: string; en: string };
  description: { es: string; en: string };
  aggregation: Aggregation;
  missing: MissingPolicy;
  coverageThreshold: number;
  /** Institutions whose facilities the facility-based indicators count (issue 12); absent = all. */
  institutions?: InstitutionGroup[];
  indicators: PresetIndicator[];
}

export function validatePresets(list: unknown): Preset[] {
  if (!Array.isArray(list)) throw new Error('presets: se esperaba una lista');
  const known = new Set(INDICATORS.map((d) => d.id));
  for (const p of list as Preset[]) {
    if (!p.id || !p.title?.es || !p.title?.en) throw new Error(`preset sin id o título: ${JSON.stringify(p).slice(0, 80)}`);
    if (p.aggregation !== 'arithmetic' && p.aggregation !== 'geometric') throw new Error(`preset ${p.id}: agregación inválida`);
    if (p.missing !== 'reweight' && p.missing !== 'exclude') throw new Error(`preset ${p.id}: política de faltantes inválida`);
    for (const g of p.institutions ?? []) {
      if (!(INSTITUTION_GROUPS as readonly string[]).includes(g)) throw new Error(`preset ${p.id}: institución desconocida ${g}`);
    }
    for (const ind of p.indicators) {
      if (!known.has(ind.id)) throw new Error(`preset ${p.id}: indicador desconocido ${ind.id}`);
      // 0 is allowed: the indicator is offered, switched on, and the user decides its weight.
      if (!(ind.weight >= 0)) throw new Error(`preset ${p.id}: peso negativo para ${ind.id}`);
    }
  }
  return list as Preset[];
}

export const PRESETS: Preset[] = validatePresets(raw);
export const DEFAULT_PRESET_ID = 'mantenimiento_gore';

export function presetById(id: string): Preset {
  const p = PRESETS.find((x) => x.id === id);
  if (!p) throw new Error(`preset desconocido: ${id}`);
  return p;
}
