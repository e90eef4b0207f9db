import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StabilityResult } from '../../state/slices';
import { formatNumber } from '../../i18n';
import { bandOf } from './stabilityView';

/** Okabe–Ito blue and vermilion: stable and unstable bands, apart for every colour vision. */
const STABLE = '#0072B2';
const UNSTABLE = '#D55E00';
const TOP = 20;
const ROW = 15;
const LABEL = 112;
const WIDTH = 290;
const PAD = 8;

/** A tick step of 1, 2 or 5 × 10^k that gives about five ticks over 1..max. */
function tickStep(max: number): number {
  const raw = Math.max(1, max / 5);
  const p = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? raw;
}

/**
 * Rank bands in scenario order: the scenario's rank (diamond), the median over the draws (dot)
 * and the 5–95 % band (line), first 20 or every unit. SVG attributes only (the page's policy
 * forbids inline style sheets).
 */
export function BandChart({ result, nameOf }: { result: StabilityResult; nameOf: (id: string) => string }) {
  const { t, i18n } = useTranslation();
  const [all, setAll] = useState(false);
  const rows = useMemo(() => {
    const ranked = result.ids
      .map((id, p) => ({ id, p, base: result.baseRanks[p] }))
      .filter((r) => r.base > 0)
      .sort((a, b) => a.base - b.base);
    return ranked.map((r) => ({ ...r, band: bandOf(result, r.id)! }));
  }, [result]);
  const shown = all ? rows : rows.slice(0, TOP);
  if (shown.length === 0) return null;
  const maxRank = Math.max(...shown.map((r) => Math.max(r.band.p95, r.base)), 2);
  const x = (rank: number) => LABEL + ((rank - 1) / (maxRank - 1)) * (WIDTH - LABEL - PAD);
  const step = tickStep(maxRank);
  const ticks = [1, ...Array.from({ length: Math.floor(maxRank / step) }, (_, k) => (k + 1) * step).filter((v) => v > 1 && v <= maxRank)];
  const top = 20;
  const height = top + shown.length * ROW + 4;
  const pct = (x: number) => formatNumber(x * 100, i18n.language, 0);
  return (
    <figure className="band-chart" data-testid="band-chart">
      <figcaption>
        <strong>{t('stability.bandChartTitle')}</strong>{' '}
        {rows.length > TOP && (
          <button type="button" className="link" aria-pressed={all} onClick={() => setAll(!all)}>
            {all ? t('stability.showTop', { n: TOP }) : t('stability.showAll', { n: rows.length })}
          </button>
        )}
      </figcaption>
      <div className={all ? 'band-scroll' : undefined}>
        <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-label={t('stability.chartLabel')}>
          <text x={LABEL - 6} y={top - 7} textAnchor="end" className="axis-label">
            {t('stability.axisRank')}
          </text>
          {ticks.map((v) => (
            <g key={v}>
              <line x1={x(v)} x2={x(v)} y1={top - 4} y2={height} stroke="#d0d5dc" strokeWidth={0.5} />
              <text x={x(v)} y={top - 7} textAnchor="middle" className="axis">
                {v}
              </text>
            </g>
          ))}
          {shown.map((r, k) => {
            const y = top + k * ROW + ROW / 2;
            const colour = r.band.stable ? STABLE : UNSTABLE;
            const name = nameOf(r.id);
            const d = x(r.base);
            return (
              <g key={r.id} data-ubigeo={r.id}>
                <title>
                  {`${name}: ${t('stability.baseRank')} ${r.base}; ${t('stability.median')} ${r.band.median}; ${t('stability.band')} ${r.band.p05}–${r.band.p95} (${t(r.band.stable ? 'stability.stable' : 'stability.unstable')}); ${t('stability.pTopN', { n: result.summary.topN })}: ${pct(r.band.pTopN)} %`}
                </title>
                <text x={LABEL - 4} y={y + 3.5} textAnchor="end" className="row-label">
                  {`${r.base}. ${name.length > 16 ? `${name.slice(0, 15)}…` : name}`}
                </text>
                <line x1={x(r.band.p05)} x2={Math.max(x(r.band.p95), x(r.band.p05) + 1)} y1={y} y2={y} stroke={colour} strokeWidth={4} strokeLinecap="round" />
                <circle cx={x(r.band.median)} cy={y} r={2.6} fill="#fff" stroke={colour} strokeWidth={1.5} />
                <path d={`M${d} ${y - 4.5}L${d + 4.5} ${y}L${d} ${y + 4.5}L${d - 4.5} ${y}Z`} fill="none" stroke="#111" strokeWidth={1} />
              </g>
            );
          })}
        </svg>
      </div>
    </figure>
  );
}
