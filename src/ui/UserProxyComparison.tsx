import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../state/store';
import { spearman } from '../domain/rankCorrelation';
import { indicatorById } from '../domain/indicators';
import { formatNumber } from '../i18n';

/** The open-data proxy a declared condition replaces. */
export const PROXY_ID = 'antiguedad_mediana';
const W = 240;
const H = 150;
const PAD = 28;

/**
 * A user indicator beside the open-data proxy it replaces (median facility age): a scatter plot of
 * the units of the scenario's level that have both values, and Spearman's rank correlation.
 */
export function UserProxyComparison({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language === 'en' ? 'en' : 'es';
  const units = useStore((s) => s.derived.units[s.scenario.level]);
  const pairs = useMemo(() => {
    const x = units?.values[PROXY_ID];
    const y = units?.values[id];
    if (!x || !y) return [];
    const out: [number, number][] = [];
    for (let i = 0; i < x.length; i++) if (Number.isFinite(x[i]) && Number.isFinite(y[i])) out.push([x[i], y[i]]);
    return out;
  }, [units, id]);
  if (!units) return null;
  const n = pairs.length;
  if (n < 3) {
    return (
      <p className="small muted" data-testid="proxy-comparison">
        {t('userData.compare.few', { count: n, n })}
      </p>
    );
  }
  const { rho } = spearman(
    pairs.map((p) => p[0]),
    pairs.map((p) => p[1]),
  );
  const [x0, x1] = [Math.min(...pairs.map((p) => p[0])), Math.max(...pairs.map((p) => p[0]))];
  const [y0, y1] = [Math.min(...pairs.map((p) => p[1])), Math.max(...pairs.map((p) => p[1]))];
  const sx = (v: number) => PAD + ((v - x0) / (x1 - x0 || 1)) * (W - PAD - 6);
  const sy = (v: number) => H - PAD - ((v - y0) / (y1 - y0 || 1)) * (H - PAD - 6);
  const proxy = indicatorById(PROXY_ID).label[lng];
  const label = indicatorById(id).label[lng];
  return (
    <figure className="small" data-testid="proxy-comparison">
      <svg width={W} height={H} role="img" aria-label={t('userData.compare.aria', { x: proxy, y: label, n })}>
        <line x1={PAD} y1={H - PAD} x2={W - 4} y2={H - PAD} stroke="currentColor" />
        <line x1={PAD} y1={4} x2={PAD} y2={H - PAD} stroke="currentColor" />
        {pairs.map(([x, y], k) => (
          <circle key={k} cx={sx(x)} cy={sy(y)} r={2.5} fill="#1f6fb2" fillOpacity={0.7} />
        ))}
        <text x={W / 2} y={H - 8} textAnchor="middle" fontSize="10">
          {proxy}
        </text>
        <text x={10} y={H / 2} textAnchor="middle" fontSize="10" transform={`rotate(-90 10 ${H / 2})`}>
          {label}
        </text>
      </svg>
      <figcaption data-testid="proxy-rho">{t('userData.compare.rho', { rho: formatNumber(rho, i18n.language, 2), n, proxy })}</figcaption>
    </figure>
  );
}
