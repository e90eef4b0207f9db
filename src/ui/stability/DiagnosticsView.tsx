import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ranking } from '../../state/ranking';
import { indicatorDiagnostics } from '../../domain/stability/diagnostics';
import { formatNumber } from '../../i18n';
import { renderText } from '../textCode';

/** Correlation buckets for the cell shading (the number is always written in the cell too). */
function corrClass(r: number): string {
  if (!Number.isFinite(r)) return 'corr-na';
  const a = Math.abs(r);
  const level = a >= 0.9 ? 3 : a >= 0.6 ? 2 : a >= 0.3 ? 1 : 0;
  return level === 0 ? 'corr-0' : `corr-${r > 0 ? 'pos' : 'neg'}-${level}`;
}

/**
 * «Diagnóstico de indicadores»: which weighted indicators move together (possible double
 * counting) or against each other, how much each one really drives the score next to its
 * nominal weight, and how much of the scope it covers. Computed on the ranking on screen.
 */
export function DiagnosticsView({ ranking, labelOf }: { ranking: Ranking; labelOf: (id: string) => string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const diag = useMemo(
    () =>
      indicatorDiagnostics({
        ids: ranking.indicatorIds,
        normalised: ranking.normalised,
        score: ranking.score,
        scope: ranking.scopeIndices,
        weights: ranking.weights,
        labelOf,
      }),
    [ranking, labelOf],
  );
  const weighted = diag.ids.map((id, j) => ({ id, j })).filter(({ j }) => ranking.weights[j] > 0);
  const pct = (x: number) => (Number.isFinite(x) ? `${formatNumber(x * 100, lng, 0)} %` : '—');
  const two = (x: number) => (Number.isFinite(x) ? formatNumber(x, lng, 2) : '—');
  if (weighted.length === 0) return null;
  return (
    <section className="diagnostics" aria-labelledby="diag-title" data-testid="diagnostics">
      <h3 id="diag-title">{t('stability.diagTitle')}</h3>
      {diag.warnings.length > 0 ? (
        <ul className="warnings" data-testid="diag-warnings">
          {diag.warnings.map((w) => (
            <li key={`${w.a}:${w.b}`} className="warning small">
              {renderText(t, w)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="small muted">{t('stability.noWarnings')}</p>
      )}
      {/* focusable, so a keyboard user can scroll a matrix wider than the panel */}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('stability.correlation')}>
        <table className="corr-table small" data-testid="corr-table">
          <caption>{t('stability.correlation')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('stability.indicator')}</th>
              {weighted.map((c, k) => (
                <th key={c.id} scope="col" title={labelOf(c.id)}>
                  {k + 1}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weighted.map((r, k) => (
              <tr key={r.id}>
                <th scope="row">
                  {k + 1}. {labelOf(r.id)}
                </th>
                {weighted.map((c) => {
                  const v = diag.correlation.r[r.j][c.j];
                  return (
                    <td key={c.id} className={r.j === c.j ? 'corr-self' : corrClass(v)}>
                      {r.j === c.j ? '·' : two(v)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="small muted">{t('stability.correlationNote')}</p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('stability.influence')}>
        <table className="influence-table small" data-testid="influence-table">
          <caption>{t('stability.influence')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('stability.indicator')}</th>
              <th scope="col" className="num">{t('stability.nominal')}</th>
              <th scope="col" className="num">{t('stability.influence')}</th>
              <th scope="col" className="num">{t('stability.ratio')}</th>
              <th scope="col" className="num">{t('stability.coverage')}</th>
            </tr>
          </thead>
          <tbody>
            {weighted.map(({ id, j }) => {
              const inf = diag.influence[j];
              return (
                <tr key={id} data-indicator={id}>
                  <th scope="row">{labelOf(id)}</th>
                  <td className="num">{pct(inf.weight)}</td>
                  <td className="num">{pct(inf.influence)}</td>
                  <td className="num">{two(inf.ratio)}</td>
                  <td className="num">{pct(diag.coverage[j].share)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="small muted">{t('stability.influenceNote')}</p>
    </section>
  );
}
