import { useTranslation } from 'react-i18next';
import type { StabilityState } from '../../state/slices';
import type { Factor } from '../../domain/stability/uncertainty';
import { formatNumber } from '../../i18n';

/** An assumption's name: one indicator's weight, or the assumption itself. */
export function useFactorLabel(labelOf: (id: string) => string): (f: Factor) => string {
  const { t } = useTranslation();
  return (f) => (f.kind === 'weight' && f.indicator ? t('stability.factorWeight', { indicator: labelOf(f.indicator) }) : t(`stability.factors.${f.kind === 'weight' ? 'weights' : f.kind}`));
}

/**
 * «Qué mueve más este ranking»: first-order and total Sobol indices of each assumption on the
 * mean rank shift, largest total first, as a table with bars (numbers first, bars to compare).
 */
export function SobolTable({ st, labelOf }: { st: StabilityState; labelOf: (id: string) => string }) {
  const { t, i18n } = useTranslation();
  const label = useFactorLabel(labelOf);
  const factors = st.result?.factors ?? [];
  if (factors.length === 0) return null;
  if (factors.length === 1) return <p className="small muted">{t('stability.sobolOne')}</p>;
  if (!st.sobol) return st.status === 'error' ? null : <p className="small muted">{t('stability.sobolPending')}</p>;
  const { indices, factors: fs, ms } = st.sobol;
  if (!(indices.variance > 0)) return <p className="small muted">{t('stability.sobolFlat')}</p>;
  const fmt = (x: number) => formatNumber(Math.max(0, x), i18n.language, 2);
  const bar = (x: number) => `${Math.max(0, Math.min(1, x)) * 100}%`;
  const rows = fs.map((f, k) => ({ f, first: indices.first[k], total: indices.total[k] })).sort((a, b) => b.total - a.total);
  return (
    <section className="sobol" aria-labelledby="sobol-title">
      <h3 id="sobol-title">{t('stability.sobolTitle')}</h3>
      <table className="sobol-table" data-testid="sobol-table">
        <thead>
          <tr>
            <th scope="col">{t('stability.vary')}</th>
            <th scope="col">{t('stability.sobolFirst')}</th>
            <th scope="col">{t('stability.sobolTotal')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ f, first, total }) => (
            <tr key={`${f.kind}:${f.indicator ?? ''}`}>
              <th scope="row">{label(f)}</th>
              <td>
                <span className="num">{fmt(first)}</span>
                <span className="bar-track">
                  <span className="bar" style={{ width: bar(first) }} />
                </span>
              </td>
              <td>
                <span className="num">{fmt(total)}</span>
                <span className="bar-track">
                  <span className="bar total" style={{ width: bar(total) }} />
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="small muted">{t('stability.sobolNote', { runs: formatNumber(indices.runs, i18n.language, 0), ms: Math.round(ms) })}</p>
    </section>
  );
}
