import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../state/store';
import { boundariesOf } from '../../state/selectors';
import { classRanges, drawableMode, indicatorColumn, unitColours } from '../../map/classes';
import { legendFormat } from '../indicatorValue';
import { classTitle, legendItems, mapSvg } from '../../export/svgMap';
import { provenance, type ExportContext } from '../../export/provenance';
import { formatNumber } from '../../i18n';

export interface FigureOptions {
  width: number;
  height: number;
  /** title, question, legend and sources drawn into the image (the PNG); otherwise the map and legend only */
  full?: boolean;
  legend?: boolean;
}

/** The SVG of a scenario's map (see src/export/svgMap.ts); null until its boundaries are loaded. */
export function useMapSvg(ctx: ExportContext | null, o: FigureOptions): string | null {
  const { t, i18n } = useTranslation();
  const boundaries = useStore((s) => (ctx ? boundariesOf(s, ctx.scenario.level) : undefined));
  const departamentos = useStore((s) => s.data.geo?.departamentos);
  return useMemo(() => {
    if (!ctx || !boundaries) return null;
    const { scenario: s, units, ranking } = ctx;
    // a static map has no stability run of its own: P(top N) falls back to score intervals
    const inputs = { indicator: indicatorColumn(s.classes, s, units.values) };
    const classes = drawableMode(s.classes, inputs);
    const { fmt, name } = legendFormat(classes, t, i18n.language);
    const p = o.full ? provenance(ctx) : null;
    return mapSvg({
      boundaries,
      outlines: s.level === 'provincia' || s.scope.provincia === null ? departamentos : undefined,
      departmentNames: s.scope.departamento === null,
      index: new Map(units.ids.map((id, i) => [id, i])),
      colours: unitColours(ranking, classes, s.topN, inputs),
      fit: new Set(Array.from(ranking.scopeIndices, (i) => units.ids[i])),
      // the top N named on the map, with their rank
      labels: Array.from(ranking.order.subarray(0, Math.min(s.topN, ranking.order.length)), (i) => ({ ubigeo: units.ids[i], text: `${ranking.rank[i]}. ${units.names[i]}` })),
      width: o.width,
      height: o.height,
      title: p ? `${p.title} — ${p.scope}` : undefined,
      subtitle: p ? p.question : undefined,
      legend: o.legend === false ? undefined : legendItems(classes, classRanges(classes, ranking, inputs), s.topN, t as never, fmt),
      legendTitle: classTitle(classes, s.topN, t as never, name),
      footer: p
        ? [
            `${t('scenarios.meta.weights')}: ${p.weights.map((w) => `${w.label} ${formatNumber(w.pct, i18n.language, 0)} %`).join('; ')}`,
            `${t('scenarios.meta.sources')}: ${p.sources.map((d) => `${d.institution} ${d.title} (${d.vintage})`).join('; ')}`,
            p.definitions,
            p.stability,
            `${t('scenarios.meta.scenarioDate')}: ${p.scenarioDate.slice(0, 10)} · ${t('scenarios.meta.author')}: ${p.author || '—'} · Territorio ${p.appVersion} · ${t('scenarios.meta.data')} ${p.dataVersion.slice(0, 12)}`,
            p.note,
          ]
        : undefined,
    });
  }, [ctx, boundaries, departamentos, o.width, o.height, o.full, o.legend, t, i18n.language]);
}

/** A static, printable map of a scenario, announced as one image. */
export function StaticMap({ ctx, label, width, height, legend, className, testId }: { ctx: ExportContext | null; label: string; width: number; height: number; legend?: boolean; className?: string; testId?: string }) {
  const svg = useMapSvg(ctx, { width, height, legend });
  const { t } = useTranslation();
  if (!svg) return <p role="status">{t('app.loadingLevel')}</p>;
  return <div className={`static-map ${className ?? ''}`} role="img" aria-label={label} data-testid={testId} dangerouslySetInnerHTML={{ __html: svg }} />;
}
