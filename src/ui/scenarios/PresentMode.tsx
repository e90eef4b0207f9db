import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../state/store';
import { formatNumber } from '../../i18n';
import { reasonsOf, useScenarioContext } from './common';
import { bandLabel, bandOf } from '../stability/stabilityView';
import { StaticMap } from './StaticMap';
import { provenance } from '../../export/provenance';

/** Rows per slide of the ranking after the top N: legible from the back of a room at 1280×720. */
const RANK_PAGE = 15;
/** The index of the top-N slide: the ranking's pages follow it. */
const TOP_SLIDE = 2;

/**
 * Full-screen presentation for a workshop group: the question, the map, the top N with their
 * reasons, the canvas answers, the agreements. Arrows, Page Up/Down, space, Home/End; Esc leaves.
 */
export function PresentMode() {
  const { t, i18n } = useTranslation();
  const scenario = useStore((s) => s.scenario);
  const ctx = useScenarioContext(scenario);
  const setView = useStore((s) => s.setScreen);
  const [k, setK] = useState(0);
  // the whole scope's ranking, paged after the top N (issue 17): off by default, a checkbox in the bar
  const [all, setAll] = useState(false);
  const slideRef = useRef<HTMLDivElement>(null);
  const fmt = (x: number) => formatNumber(x, i18n.language);

  const exit = () => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    setView('none');
    document.querySelector<HTMLElement>('[data-testid="open-present"]')?.focus();
  };

  useEffect(() => {
    document.documentElement.requestFullscreen?.().catch(() => undefined);
    return () => {
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
  }, []);

  const p = ctx ? provenance(ctx) : null;
  const top = ctx ? Array.from(ctx.ranking.order.subarray(0, Math.min(scenario.topN || 10, ctx.ranking.order.length))) : [];
  const ai = scenario.canvas.ai;
  const rest = ctx && all ? Array.from(ctx.ranking.order.subarray(top.length)) : [];
  const pages: number[][] = [];
  for (let i = 0; i < rest.length; i += RANK_PAGE) pages.push(rest.slice(i, i + RANK_PAGE));
  const text = (v: string) => v || t('scenarios.report.blank');
  const slides: { title: string; body: ReactNode }[] = [
    {
      title: t('scenarios.present.question'),
      body: (
        <>
          <p className="sc-present-question">{p?.question ?? (scenario.question || t('app.question'))}</p>
          <p className="sc-present-meta">
            {p?.title} · {p?.scope}
            {scenario.author && ` · ${scenario.author}`}
          </p>
        </>
      ),
    },
    {
      title: t('scenarios.present.map'),
      body: <StaticMap ctx={ctx} width={1100} height={640} label={t('map.label')} className="sc-present-map" />,
    },
    {
      title: t('scenarios.present.top', { n: top.length }),
      body: ctx && (
        <ol className="sc-present-top">
          {top.map((u) => (
            <li key={u}>
              <strong>{ctx.units.names[u]}</strong> <span className="muted">({ctx.units.level === 'distrito' ? ctx.units.provincias[u] : ctx.units.departamentos[u]})</span> — {fmt(ctx.ranking.score[u])}
              <div className="sc-present-reasons">{t('scenarios.present.reasons', { reasons: reasonsOf(ctx, u) })}</div>
              {ctx.stability && (
                <div className="sc-present-reasons" data-testid="present-band">
                  {t('stability.reportBand')}: {bandLabel(bandOf(ctx.stability, ctx.units.ids[u]), t)}
                </div>
              )}
            </li>
          ))}
        </ol>
      ),
    },
    ...pages.map((page) => ({
      title: t('scenarios.present.rankPage', { from: ctx!.ranking.rank[page[0]], to: ctx!.ranking.rank[page[page.length - 1]], total: ctx!.ranking.order.length }),
      body: (
        <table className="sc-present-table" data-testid="present-page">
          <thead>
            <tr>
              <th scope="col">{t('ranking.rank')}</th>
              <th scope="col">{t(ctx!.units.level === 'distrito' ? 'ranking.district' : 'ranking.province')}</th>
              <th scope="col">{t(ctx!.units.level === 'distrito' ? 'ranking.province' : 'ranking.department')}</th>
              <th scope="col" className="num">{t('ranking.score')}</th>
              {ctx!.stability && <th scope="col">{t('stability.reportBand')}</th>}
            </tr>
          </thead>
          <tbody>
            {page.map((u) => (
              <tr key={u}>
                <td className="num">{ctx!.ranking.rank[u]}</td>
                <th scope="row">{ctx!.units.names[u]}</th>
                <td>{ctx!.units.level === 'distrito' ? ctx!.units.provincias[u] : ctx!.units.departamentos[u]}</td>
                <td className="num">{fmt(ctx!.ranking.score[u])}</td>
                {ctx!.stability && <td>{bandLabel(bandOf(ctx!.stability, ctx!.units.ids[u]), t)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      ),
    })),
    {
      // how the ranking was weighed: a group presents its choices, not only their result
      title: t('scenarios.present.weights'),
      body: p && (
        <>
          <ul className="sc-present-weights" data-testid="present-weights">
            {[...p.weights]
              .sort((a, b) => b.pct - a.pct)
              .map((w) => (
                <li key={w.id}>
                  <strong>{formatNumber(w.pct, i18n.language, 0)} %</strong> {w.label} <span className="muted">({t(`indicators.direction_${w.direction}`)})</span>
                </li>
              ))}
          </ul>
          {p.ahp && <p className="sc-present-small">{p.ahp}</p>}
          <p className="sc-present-small">{p.definitions}</p>
          <p className="sc-present-small">{p.stability}</p>
        </>
      ),
    },
    {
      title: t('scenarios.present.canvas'),
      body: (
        <dl className="sc-present-canvas">
          <dt>{t('scenarios.fields.decision')}</dt>
          <dd>{text(scenario.canvas.decision)}</dd>
          <dt>{t('scenarios.fields.innovation')}</dt>
          <dd>{text(scenario.canvas.innovation)}</dd>
          <dt>{t('scenarios.fields.ai')}</dt>
          <dd>
            <strong>{t(`scenarios.ai.${ai.addsValue ?? 'unanswered'}`)}</strong>
            {ai.why && ` — ${ai.why}`}
          </dd>
        </dl>
      ),
    },
    {
      title: t('scenarios.present.agreements'),
      body: (
        <dl className="sc-present-canvas">
          <dt>{t('scenarios.fields.agreements')}</dt>
          <dd>{text(scenario.agreements)}</dd>
          <dt>{t('scenarios.fields.decisions')}</dt>
          <dd>{text(scenario.decisions)}</dd>
          {scenario.participants.length > 0 && (
            <>
              <dt>{t('scenarios.fields.participants').replace(/ \(.*\)$/, '')}</dt>
              <dd>{scenario.participants.join(' · ')}</dd>
            </>
          )}
          <dd className="sc-present-note">{t('scenarios.decisionNote')}</dd>
        </dl>
      ),
    },
  ];
  const last = slides.length - 1;
  const go = (n: number) => setK(Math.max(0, Math.min(last, n)));
  // the pages go in after the top N: a slide after them stays on screen when they come or go
  const pageCount = (on: boolean) => (ctx && on ? Math.ceil(Math.max(0, ctx.ranking.order.length - top.length) / RANK_PAGE) : 0);
  const toggleAll = (on: boolean) => {
    if (k > TOP_SLIDE) setK(Math.max(TOP_SLIDE, k + pageCount(on) - pageCount(all)));
    setAll(on);
  };
  if (k > last) setK(last);
  // one source per institution and vintage (two boundary files share INEI's)
  const sources = p ? [...new Set(p.sources.map((d) => `${d.institution} (${d.vintage})`))].join('; ') : '';

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      // buttons keep their own Enter/Space
      if (target?.tagName === 'BUTTON' && (e.key === ' ' || e.key === 'Enter')) return;
      const keys: Record<string, () => void> = {
        ArrowRight: () => setK((x) => Math.min(last, x + 1)),
        ArrowDown: () => setK((x) => Math.min(last, x + 1)),
        PageDown: () => setK((x) => Math.min(last, x + 1)),
        ' ': () => setK((x) => Math.min(last, x + 1)),
        ArrowLeft: () => setK((x) => Math.max(0, x - 1)),
        ArrowUp: () => setK((x) => Math.max(0, x - 1)),
        PageUp: () => setK((x) => Math.max(0, x - 1)),
        Home: () => setK(0),
        End: () => setK(last),
        Escape: exit,
      };
      const action = keys[e.key];
      if (action) {
        e.preventDefault();
        action();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `exit` only closes over stable store actions
  }, [last]);

  useEffect(() => slideRef.current?.focus(), [k]);

  return (
    <div className="sc-present" role="dialog" aria-modal="true" aria-label={t('scenarios.present.label')} data-testid="present-mode">
      <div className="sc-slide" ref={slideRef} tabIndex={-1} aria-roledescription="slide" aria-labelledby="sc-slide-title" data-testid="slide" data-slide={k}>
        <h2 id="sc-slide-title">{slides[k].title}</h2>
        <div className="sc-slide-body">{slides[k].body}</div>
      </div>
      <footer className="sc-present-bar">
        <button type="button" onClick={() => go(k - 1)} disabled={k === 0}>
          {t('scenarios.present.prev')}
        </button>
        <span aria-live="polite" data-testid="slide-counter">
          {t('scenarios.present.counter', { n: k + 1, total: slides.length })}
        </span>
        <button type="button" onClick={() => go(k + 1)} disabled={k === last}>
          {t('scenarios.present.next')}
        </button>
        <span className="muted">{t('scenarios.present.keys')}</span>
        <label className="sc-present-all">
          <input type="checkbox" data-testid="present-all" checked={all} onChange={(e) => toggleAll(e.target.checked)} /> {t('scenarios.report.all', { n: ctx?.ranking.order.length ?? 0 })}
        </label>
        <span className="sc-present-source">{p && `${t('scenarios.meta.sources')}: ${sources}`}</span>
        <button type="button" onClick={exit}>
          {t('scenarios.present.exit')}
        </button>
      </footer>
    </div>
  );
}
