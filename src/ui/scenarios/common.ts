import { useEffect, useMemo } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../state/store';
import { catalogOf } from '../../state/selectors';
import type { Units } from '../../data/loadApp';
import type { Level } from '../../domain/indicators';
import { indicatorById } from '../../domain/indicators';
import { rankScenario, type Ranking } from '../../state/ranking';
import type { Scenario } from '../../state/scenario';
import { ScenarioError, type ScenarioWarning } from '../../state/scenarioCodec';
import type { ExportContext, Lang } from '../../export/provenance';
import { formatNumber } from '../../i18n';

/** A level's units (SQL + browser-computed columns), asking the coordinator for them if no view has yet. */
export function useLevelUnits(level: Level): Units | undefined {
  const units = useStore((s) => s.derived.units[level]);
  const wantLevel = useStore((s) => s.wantLevel);
  useEffect(() => {
    if (!units) wantLevel(level);
  }, [units, level, wantLevel]);
  return units;
}

/** "Todo el Perú", "Cusco", "Cusco › Urubamba" for any scenario (not only the current one). */
export function scopeNameOf(s: Scenario, provincias: Units | undefined, t: TFunction): string {
  const { departamento, provincia } = s.scope;
  if (departamento === null) return t('scope.nationalShort');
  const d = provincias ? provincias.ubigeoDep.indexOf(departamento) : -1;
  const dep = d >= 0 ? provincias!.departamentos[d] : departamento;
  if (s.level === 'distrito' && provincia && provincias) {
    const p = provincias.ids.indexOf(provincia);
    return `${dep} › ${p >= 0 ? provincias.names[p] : provincia}`;
  }
  return dep;
}

export const langOf = (lng: string): Lang => (lng === 'en' ? 'en' : 'es');

/** A scenario ranked on its level's units, with everything an export needs; null while loading. */
export function useScenarioContext(s: Scenario | null): ExportContext | null {
  const { t, i18n } = useTranslation();
  const units = useLevelUnits(s?.level ?? 'provincia');
  const provincias = useStore((st) => st.derived.units.provincia);
  const catalog = useStore(catalogOf);
  const lng = langOf(i18n.language);
  // the rank bands belong to the scenario on screen only, and only once its run has ended
  const stability = useStore((st) => (st.scenario === s && st.derived.stability?.fresh ? st.derived.stability.result : null));
  return useMemo(() => {
    if (!s || !units || units.level !== s.level || !catalog) return null;
    const ranking: Ranking = rankScenario(units, s);
    return { scenario: s, units, ranking, catalog, scopeName: scopeNameOf(s, provincias, t), lng, t: t as ExportContext['t'], exportedAt: new Date().toISOString(), stability };
  }, [s, units, provincias, catalog, lng, t, stability]);
}

/** The indicators that weigh most in a unit's score: "antigüedad 32 %, pobreza 25 %". */
export function reasonsOf(ctx: ExportContext, unit: number, count = 2): string {
  const c = ctx.ranking.contributionsOf(unit);
  const score = ctx.ranking.score[unit];
  return ctx.ranking.indicatorIds
    .map((id, j) => ({ id, c: c[j] }))
    .filter((x) => Number.isFinite(x.c) && x.c > 0)
    .sort((a, b) => b.c - a.c)
    .slice(0, count)
    .map((x) => `${indicatorById(x.id).label[ctx.lng]} (${formatNumber((x.c / score) * 100, ctx.lng, 0)}\u00a0%)`)
    .join('; ');
}

/** Translated lines for a scenario error or warnings. */
export function errorText(err: unknown, t: TFunction): string {
  if (err instanceof ScenarioError) return t(`scenarios.errors.${err.key}`, err.params);
  return t('scenarios.notices.storageFailed', { detail: err instanceof Error ? err.message : String(err) });
}
export function warningLines(warnings: ScenarioWarning[], t: TFunction): string[] {
  return warnings.map((w) => t(`scenarios.warnings.${w.key}`, w.params));
}

/** Saves a blob under a file name through a temporary link. */
export function download(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "territorio-mesa-3-cusco-2026-05-01" */
export function fileStem(s: Scenario, fallback: string): string {
  const slug = (s.title || fallback)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);
  return `territorio-${slug || 'escenario'}-${new Date().toISOString().slice(0, 10)}`;
}

/** An SVG document rasterised to PNG by the browser (2× for print). */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width * scale;
    canvas.height = height * scale;
    const ctx = canvas.getContext('2d')!;
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
