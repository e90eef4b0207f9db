import { useTranslation } from 'react-i18next';
import { useStore } from '../state/store';
import { renderText } from './textCode';
import { engineOf, selectedUnitId } from '../state/selectors';
import { formatNumber } from '../i18n';
import { indicatorById } from '../domain/indicators';
import { medianAt } from '../domain/stats';
import { useSourceLabel } from './datasetLabel';
import { formatIndicator } from './indicatorValue';
import { IndicatorCard } from './IndicatorCard';
import { UnitFacilities } from './UnitFacilities';
import { robustOutlier } from '../domain/outliers';
import { UnitExplanation } from './stability/UnitExplanation';

/**
 * «¿Por qué este puesto?»: the selected unit's score decomposed into contributions, with every
 * raw value, its dataset and vintage, and the scope's median for comparison.
 */
export function DetailPanel() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language === 'en' ? 'en' : 'es';
  const data = useStore(engineOf);
  const source = useSourceLabel();
  const selected = useStore(selectedUnitId);
  const select = useStore((s) => s.select);
  const aggregation = useStore((s) => s.scenario.aggregation);
  const ranked = useStore((s) => s.derived.ranking);
  if (!data || !ranked || !selected) return null;
  const { units, ranking } = ranked;
  const i = units.ids.indexOf(selected);
  if (i < 0) return null;
  const fmt = (x: number, d = 1) => formatNumber(x, lng, d);
  const contributions = ranking.contributionsOf(i);
  // Weights as applied to this unit: re-shared over the indicators it has data for.
  const covered = ranking.coverage[i] > 0 ? ranking.coverage[i] : 1;
  const rows = ranking.indicatorIds.map((id, j) => ({
    id,
    def: indicatorById(id),
    raw: units.values[id][i],
    median: medianAt(units.values[id], ranking.scopeIndices),
    normalised: ranking.normalised[j][i],
    weight: Number.isNaN(ranking.normalised[j][i]) ? NaN : ranking.weights[j] / covered,
    contribution: Number.isNaN(ranking.normalised[j][i]) ? NaN : contributions[j],
    outlier: robustOutlier(units.values[id], ranking.scopeIndices, i).outlier,
  }));
  const max = Math.max(1e-9, ...rows.map((r) => (Number.isNaN(r.contribution) ? 0 : r.contribution)));
  const parent = units.level === 'distrito' ? `${units.provincias[i]}, ${units.departamentos[i]}` : units.departamentos[i];
  return (
    <section className="detail" aria-labelledby="detail-title" data-testid="detail-panel">
      <header>
        <h2 id="detail-title">
          {t('detail.title')} {units.names[i]} <span className="muted">({parent})</span>
        </h2>
        <button type="button" onClick={() => select(null)} aria-label={t('detail.close')}>
          ×
        </button>
      </header>
      {units.level === 'provincia' && (
        <button
          type="button"
          className="drill"
          data-testid="drill-down"
          onClick={() => {
            const s = useStore.getState();
            const ubigeo = units.ids[i];
            s.setLevel('distrito');
            s.setScope({ departamento: ubigeo.slice(0, 2), provincia: ubigeo });
            s.focusMap({ ubigeo });
          }}
        >
          {t('detail.drillDown', { name: units.names[i] })}
        </button>
      )}
      {ranking.inScope[i] === 1 && (
        <button type="button" className="drill" data-testid="detail-trends" onClick={() => useStore.getState().setScreen('tendencias')}>
          {t('detail.trends', { name: units.names[i] })}
        </button>
      )}
      {ranking.inScope[i] !== 1 ? (
        <p>{t('tooltip.outOfScope')}</p>
      ) : ranking.rank[i] > 0 ? (
        <p data-testid="detail-summary">
          {t('detail.summary', {
            rank: ranking.rank[i],
            total: ranking.order.length,
            score: fmt(ranking.score[i]),
            method: t(`weights.aggregations.${aggregation}`),
          })}
          {ranking.coverage[i] < 1 - 1e-9 && ` ${t('detail.partial', { pct: fmt(ranking.coverage[i] * 100, 0) })}`}
        </p>
      ) : (
        <p role="status" className="warning">
          {t('detail.insufficient', { pct: fmt((ranking.coverage[i] || 0) * 100, 0) })}
        </p>
      )}
      {ranking.inScope[i] === 1 && ranking.rank[i] > 0 && <UnitExplanation ranking={ranking} index={i} ubigeo={selected} />}
      <UnitFacilities units={units} index={i} ranking={ranking} />
      <div className="bars" role="img" aria-label={t('detail.chartLabel')}>
        {rows.map((r) => (
          <div key={r.id} className="bar-row">
            <span className="bar-label">{r.def.label[lng]}</span>
            <span className="bar-track">
              <span className="bar" style={{ width: `${Number.isNaN(r.contribution) ? 0 : (r.contribution / max) * 100}%` }} />
            </span>
            <span className="bar-value">{Number.isNaN(r.contribution) ? '—' : fmt(r.contribution)}</span>
          </div>
        ))}
      </div>
      <table className="detail-table" data-testid="detail-table">
        <caption>{t('detail.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('detail.indicator')}</th>
            <th scope="col" className="num">{t('detail.raw')}</th>
            <th scope="col" className="num">{t('detail.median')}</th>
            <th scope="col" className="num">{t('detail.normalised')}</th>
            <th scope="col" className="num">{t('detail.weight')}</th>
            <th scope="col" className="num">{t('detail.contribution')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-indicator={r.id}>
              <th scope="row">
                {r.def.label[lng]}
                <div className="muted small">{r.def.datasets.map(source).join(' · ')}</div>
                <IndicatorCard id={r.id} units={units} index={i} scope={ranking.scopeIndices} />
              </th>
              <td className="num">
                {formatIndicator(r.id, r.raw, t, lng)}
                {r.outlier && (
                  <span className="outlier-mark" data-testid="outlier-mark">
                    {' '}
                    ({t('definitions.outlierMark')})
                  </span>
                )}
              </td>
              <td className="num">{formatIndicator(r.id, r.median, t, lng)}</td>
              <td className="num">{Number.isNaN(r.normalised) ? '—' : fmt(r.normalised)}</td>
              <td className="num">{Number.isNaN(r.weight) ? '—' : `${fmt(r.weight * 100)} %`}</td>
              <td className="num">{Number.isNaN(r.contribution) ? '—' : fmt(r.contribution)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={5}>
              {t('detail.total')}
            </th>
            <td className="num" data-testid="detail-score">{Number.isNaN(ranking.score[i]) ? '—' : fmt(ranking.score[i])}</td>
          </tr>
        </tfoot>
      </table>
      <details>
        <summary>{t('detail.sql')}</summary>
        {rows.map((r) => (
          <pre key={r.id} className="sql">
            {`-- ${r.def.label[lng]}\n${units.sql[r.id] ?? (units.methods?.[r.id] ?? []).map((c) => renderText(t, c)).join('\n')}`}
          </pre>
        ))}
      </details>
    </section>
  );
}
