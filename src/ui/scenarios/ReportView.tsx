import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../state/store';
import { catalogOf } from '../../state/selectors';
import { formatNumber } from '../../i18n';
import { provenance } from '../../export/provenance';
import { stamped } from './ScenarioPanel';
import { reasonsOf, useScenarioContext } from './common';
import { StaticMap } from './StaticMap';
import { useOverlay } from './CompareView';
import { bandLabel, bandOf } from '../stability/stabilityView';
import { stableWidth } from '../../domain/stability/uncertainty';
import { monitoringTotals } from '../../domain/monitoring';
import { MonitoringHead, MonitoringSummary, useMonitoringFormat, useUnitNameOf } from '../MonitoringView';
import '../trends.css';

/**
 * One printable page: question, map, top N with reasons, weights, canvas, minutes (with who
 * decided what), sources with vintages. Print CSS hides the app, so «Guardar como PDF» saves only this.
 */
export function ReportView() {
  const { t, i18n } = useTranslation();
  const scenario = useStore((s) => s.scenario);
  const dataVersion = useStore((s) => catalogOf(s)?.inputsSha256);
  const closeRef = useRef<HTMLButtonElement>(null);
  const close = useOverlay(closeRef);
  const ctx = useScenarioContext(scenario);
  const fmt = (x: number, d = 1) => formatNumber(x, i18n.language, d);

  useEffect(() => {
    document.body.classList.add('sc-report-open');
    return () => document.body.classList.remove('sc-report-open');
  }, []);

  const p = ctx ? provenance({ ...ctx, scenario: stamped(scenario, dataVersion, t('scenarios.untitled')), exportedAt: new Date().toISOString() }) : null;
  // the first N, or the whole scope's ranking (it runs over as many printed pages as it needs)
  const [all, setAll] = useState(false);
  const ranked = ctx?.ranking.order.length ?? 0;
  const top = ctx ? Array.from(ctx.ranking.order.subarray(0, all ? ranked : Math.min(scenario.topN || 10, ranked))) : [];
  const blank = <span className="sc-blank">{t('scenarios.report.blank')}</span>;
  const text = (v: string) => (v ? <p className="sc-pre">{v}</p> : blank);
  const date = (iso: string) => new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'es-PE', { dateStyle: 'long' }).format(new Date(iso));

  return createPortal(
    <div className="sc-report" role="dialog" aria-modal="true" aria-labelledby="sc-report-title" data-testid="report-view" onKeyDown={(e) => e.key === 'Escape' && close()}>
      <div className="sc-report-toolbar">
        <button type="button" data-testid="report-print" onClick={() => window.print()}>
          {t('scenarios.report.print')}
        </button>
        <span className="muted">{t('scenarios.report.printHint')}</span>
        <label className="sc-report-all">
          <input type="checkbox" data-testid="report-all" checked={all} onChange={(e) => setAll(e.target.checked)} /> {t('scenarios.report.all', { n: ranked })}
        </label>
        <button ref={closeRef} type="button" onClick={close}>
          {t('scenarios.report.close')}
        </button>
      </div>
      {!ctx || !p ? (
        <p role="status">{t('app.loadingLevel')}</p>
      ) : (
        <article className="sc-page">
          <header>
            <p className="sc-kicker">Territorio · {t('scenarios.report.title')}</p>
            <h1 id="sc-report-title">{p.title}</h1>
            <p className="sc-report-question">{p.question}</p>
            <p className="sc-report-meta">
              {t('scenarios.meta.scope')}: {p.scope} · {t(p.level === 'distrito' ? 'scope.levelDistrito' : 'scope.levelProvincia')} · {t('scenarios.meta.preset')}: {p.preset} · {t('scenarios.meta.scenarioDate')}:{' '}
              {date(scenario.updatedAt)} · {t('scenarios.meta.author')}: {p.author || '—'}
            </p>
            <p className="sc-note">{p.note}</p>
          </header>
          <div className="sc-report-grid">
            <StaticMap ctx={ctx} width={460} height={470} label={t('map.label')} className="sc-report-map" />
            <section>
              <h2>{all ? t('scenarios.report.whole', { n: top.length }) : t('scenarios.report.top', { n: top.length })}</h2>
              <table className="sc-report-table" data-testid="report-top">
                <thead>
                  <tr>
                    <th scope="col">{t('ranking.rank')}</th>
                    <th scope="col">{t(p.level === 'distrito' ? 'ranking.district' : 'ranking.province')}</th>
                    <th scope="col" className="num">{t('ranking.score')}</th>
                    <th scope="col" className="num">{t('stability.reportBand')}</th>
                    <th scope="col">{t('scenarios.report.reasons')}</th>
                  </tr>
                </thead>
                <tbody>
                  {top.map((u) => (
                    <tr key={u}>
                      <td className="num">{ctx.ranking.rank[u]}</td>
                      <th scope="row">
                        {ctx.units.names[u]} <span className="muted">({ctx.units.level === 'distrito' ? ctx.units.provincias[u] : ctx.units.departamentos[u]})</span>
                      </th>
                      <td className="num">{fmt(ctx.ranking.score[u])}</td>
                      <td className="num" data-testid="report-band">
                        {bandLabel(bandOf(ctx.stability, ctx.units.ids[u]), t)}
                      </td>
                      <td className="small">{reasonsOf(ctx, u)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          </div>
          <section className="sc-report-weights">
            <h2>{t('scenarios.report.weights')}</h2>
            <table className="sc-report-table" data-testid="report-weights">
              <thead>
                <tr>
                  <th scope="col">{t('detail.indicator')}</th>
                  <th scope="col" className="num">{t('detail.weight')}</th>
                  <th scope="col" className="num">{t('weights.points')}</th>
                  <th scope="col">{t('weights.direction')}</th>
                  <th scope="col">{t('weights.method')}</th>
                </tr>
              </thead>
              <tbody>
                {p.weights.map((w) => (
                  <tr key={w.id}>
                    <th scope="row">{w.label}</th>
                    <td className="num">{fmt(w.pct)} %</td>
                    <td className="num">{w.points}</td>
                    <td>{t(`indicators.direction_${w.direction}`)}</td>
                    <td>{w.method}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="small">{t('scenarios.report.settings', { aggregation: p.aggregation, missing: p.missing, coverage: fmt(p.coverageThreshold * 100, 0) })}</p>
            {p.ahp && (
              <p className="small" data-testid="report-ahp">
                {p.ahp}
              </p>
            )}
            <p className="small" data-testid="report-definitions">{p.definitions}</p>
            <p className="small" data-testid="report-stability">
              {p.stability} {ctx.stability ? t('stability.tableNote', { draws: ctx.stability.summary.draws, seed: ctx.stability.seed, rule: t('stability.stableRule', { count: ctx.stability.ranked, width: stableWidth(ctx.stability.ranked) }) }) : t('stability.reportPending')}
            </p>
          </section>
          <div className="sc-report-cols">
            <section>
              <h2>{t('scenarios.report.canvas')}</h2>
              <h3>{t('scenarios.fields.decision')}</h3>
              {text(scenario.canvas.decision)}
              <h3>{t('scenarios.fields.innovation')}</h3>
              {text(scenario.canvas.innovation)}
              <h3>{t('scenarios.fields.ai')}</h3>
              <p>
                <strong>{t(`scenarios.ai.${scenario.canvas.ai.addsValue ?? 'unanswered'}`)}</strong>
                {scenario.canvas.ai.why && ` — ${scenario.canvas.ai.why}`}
              </p>
            </section>
            <section>
              <h2>{t('scenarios.report.minutes')}</h2>
              <h3>{t('scenarios.fields.participants').replace(/ \(.*\)$/, '')}</h3>
              {scenario.participants.length ? <p>{scenario.participants.join(' · ')}</p> : blank}
              <h3>{t('scenarios.fields.agreements')}</h3>
              {text(scenario.agreements)}
              <h3>{t('scenarios.report.decidedBy')}</h3>
              {scenario.decisions ? <p className="sc-pre">{scenario.decisions}</p> : <div className="sc-write-in" aria-hidden="true" />}
            </section>
          </div>
          {scenario.monitoreo.length > 0 && <MonitoringSection />}
          <footer>
            <h2>{t('scenarios.report.sources')}</h2>
            <ul className="sc-sources" data-testid="report-sources">
              {p.sources.map((d) => (
                <li key={d.id}>
                  {d.institution} — {d.title} ({d.vintage})
                </li>
              ))}
            </ul>
            <p className="small muted">
              {t('scenarios.meta.versions')}: Territorio {p.appVersion} · {t('scenarios.meta.data')} {p.dataVersion.slice(0, 12)} · {t('scenarios.meta.exportedAt')}: {date(p.exportedAt)}
            </p>
          </footer>
        </article>
      )}
    </div>,
    document.body,
  );
}

/** Issue 19: the decision's budget against its spending, as entered in «Seguimiento». */
function MonitoringSection() {
  const { t } = useTranslation();
  const entries = useStore((s) => s.scenario.monitoreo);
  const totals = monitoringTotals(entries);
  const nameOf = useUnitNameOf();
  const { money, share } = useMonitoringFormat();
  return (
    <section data-testid="report-monitoring">
      <h2>{t('monitoring.title')}</h2>
      <MonitoringSummary totals={totals} />
      <table className="trend-table">
        <MonitoringHead />
        <tbody>
          {totals.rows.map((r) => (
            <tr key={r.ubigeo}>
              <th scope="row">{nameOf(r.ubigeo)}</th>
              <td className="num">{money(r.planned)}</td>
              <td className="num">{money(r.executed)}</td>
              <td>{r.date ?? '—'}</td>
              <td className="num">{share(r.share)}</td>
              <td className="num">{money(r.gap)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
