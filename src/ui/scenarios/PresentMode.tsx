import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../state/store';
import { formatNumber } from '../../i18n';
import { reasonsOf, useScenarioContext } from './common';
import { bandLabel, bandOf } from '../stability/stabilityView';
import { StaticMap } from './StaticMap';
import { provenance } from '../../export/provenance';

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
        <span className="sc-present-source">{p && `${t('scenarios.meta.sources')}: ${p.sources.map((d) => `${d.institution} (${d.vintage})`).join('; ')}`}</span>
        <button type="button" onClick={exit}>
          {t('scenarios.present.exit')}
        </button>
      </footer>
    </div>
  );
}
