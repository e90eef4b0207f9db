import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../state/store';
import type { Scenario } from '../../state/scenario';
import { rankShifts, topOverlap } from '../../domain/compare';
import { formatNumber } from '../../i18n';
import { useScenarioContext } from './common';
import { StaticMap } from './StaticMap';
import { unitsKey } from '../../domain/universe';
import { participantScenario } from '../../state/ahpWeighting';

const CURRENT = 'current';

/** Closes a full-screen view on Escape and gives the focus back to the scenario buttons. */
export function useOverlay(closeRef: React.RefObject<HTMLElement | null>) {
  const setView = useStore((s) => s.setScreen);
  const close = () => {
    setView('none');
    const target = document.querySelector<HTMLElement>(useStore.getState().view.workshop.panelOpen ? '[data-testid="scenario-panel"] button' : '[data-testid="open-scenarios"]');
    target?.focus();
  };
  useEffect(() => {
    closeRef.current?.focus();
  }, [closeRef]);
  return close;
}

/** Option keys of the AHP participants' own rankings (not saved scenarios). */
const PARTICIPANT = 'ahp-participant:';

/** The scenario an option names: the current one, an AHP participant's own weights, or a saved entry. */
function scenarioOf(key: string, current: Scenario, entries: readonly { id: string; scenario: Scenario }[]): Scenario {
  if (key.startsWith(PARTICIPANT)) return participantScenario(current, Number(key.slice(PARTICIPANT.length))) ?? current;
  return entries.find((e) => e.id === key)?.scenario ?? current;
}

/** Both scenarios rank the same units with the same map extent: one can be laid over the other. */
const sameScope = (x: Scenario, y: Scenario) => x.level === y.level && x.scope.departamento === y.scope.departamento && x.scope.provincia === y.scope.provincia;

/** Two scenarios side by side or one over the other (a swipe): maps, a summary line and who moved up or down. */
export function CompareView() {
  const { t, i18n } = useTranslation();
  const entries = useStore((s) => s.view.workshop.entries);
  const currentId = useStore((s) => s.view.workshop.currentId);
  const current = useStore((s) => s.scenario);
  const [aKey, setA] = useState(() => entries.find((e) => e.id !== currentId)?.id ?? CURRENT);
  const [bKey, setB] = useState(CURRENT);
  const [onlyChanged, setOnlyChanged] = useState(false);
  // how deep to compare: «10 de 10 coinciden» can hide a top 3 that changed completely
  const [depth, setDepth] = useState<number | null>(null);
  // side by side, or one map over the other with a divider the user drags (issue 20)
  const [layout, setLayout] = useState<'side' | 'swipe'>('side');
  const [cut, setCut] = useState(50);
  const closeRef = useRef<HTMLButtonElement>(null);
  const close = useOverlay(closeRef);
  // each AHP participant's own ranking can be compared with the group's (the current scenario)
  const participants = current.ahp && current.ahp.participants.length > 1 ? current.ahp.participants : [];
  // memoised: a participant's scenario is built, and its ranking computed, once per change
  const sA = useMemo(() => scenarioOf(aKey, current, entries), [aKey, current, entries]);
  const sB = useMemo(() => scenarioOf(bKey, current, entries), [bKey, current, entries]);
  const sameLevel = sA.level === sB.level;
  const a = useScenarioContext(sA);
  const b = useScenarioContext(sameLevel ? sB : null);
  const nameOf = (key: string) =>
    key === CURRENT
      ? `${t('scenarios.compare.current')}${current.title ? `: ${current.title}` : ''}`
      : key.startsWith(PARTICIPANT)
        ? t('scenarios.compare.participant', { alias: participants[Number(key.slice(PARTICIPANT.length))]?.alias ?? '' })
        : (entries.find((e) => e.id === key)?.name ?? key);

  const result = useMemo(() => {
    if (!a || !b || a.units !== b.units) return null;
    const n = depth ?? (b.scenario.topN || 10);
    const depths = [...new Set([3, 5, 10, n])].filter((d) => d <= Math.max(a.ranking.order.length, b.ranking.order.length)).sort((x, y) => x - y);
    return {
      shifts: rankShifts(a.ranking, b.ranking),
      overlap: topOverlap(a.ranking, b.ranking, n),
      depths: depths.map((d) => topOverlap(a.ranking, b.ranking, d)),
    };
  }, [a, b, depth]);

  const options = [
    { key: CURRENT, label: nameOf(CURRENT) },
    ...participants.map((p, k) => ({ key: `${PARTICIPANT}${k}`, label: t('scenarios.compare.participant', { alias: p.alias }) })),
    ...entries.map((e) => ({ key: e.id, label: e.name })),
  ];
  const select = (id: string, label: string, value: string, onChange: (v: string) => void, testId: string) => (
    <div className="sc-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {options.map((o) => (
          <option key={o.key} value={o.key}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  const units = a?.units;
  const district = units?.level === 'distrito';
  const names = (list: number[]) => (list.length ? list.map((u) => units!.names[u]).join(', ') : t('scenarios.compare.none'));

  return (
    <div className="sc-overlay" role="dialog" aria-modal="true" aria-labelledby="sc-compare-title" data-testid="compare-view" onKeyDown={(e) => e.key === 'Escape' && close()}>
      <header className="sc-overlay-head">
        <h2 id="sc-compare-title">{t('scenarios.compare.title')}</h2>
        <button ref={closeRef} type="button" onClick={close}>
          {t('scenarios.compare.close')}
        </button>
      </header>
      <div className="sc-compare-pick">
        {select('sc-compare-a', t('scenarios.compare.a'), aKey, setA, 'compare-a')}
        {select('sc-compare-b', t('scenarios.compare.b'), bKey, setB, 'compare-b')}
      </div>
      <p className="sc-note">{t('scenarios.decisionNote')}</p>
      {!sameLevel ? (
        <p role="alert" className="warning">
          {t('scenarios.compare.levelMismatch')}
        </p>
      ) : !a || !b || !result ? (
        <p role="status">{t('scenarios.compare.loading')}</p>
      ) : (
        <>
          <div className="sc-field">
            <label htmlFor="sc-compare-depth">{t('scenarios.compare.topN')}</label>
            <select id="sc-compare-depth" data-testid="compare-depth" value={result.overlap.n} onChange={(e) => setDepth(Number(e.target.value))}>
              {[...new Set([3, 5, 10, 20, result.overlap.n])].sort((x, y) => x - y).map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          </div>
          <p className="sc-summary" data-testid="compare-summary">
            {t(district ? 'scenarios.compare.summaryDistricts' : 'scenarios.compare.summary', { common: result.overlap.common, n: result.overlap.n })}
          </p>
          <p className="small" data-testid="compare-depths">
            {t('scenarios.compare.byDepth', { list: result.depths.map((o) => t('scenarios.compare.depth', { common: o.common, n: o.n })).join(' · ') })}
          </p>
          {unitsKey(sA.definitions) !== unitsKey(sB.definitions) && (
            <p role="status" className="warning" data-testid="compare-definitions-differ">
              {t('definitions.compareDiffer')}
            </p>
          )}
          <ul className="sc-moves">
            <li>{t('scenarios.compare.entered', { n: result.overlap.n, names: names(result.overlap.entered) })}</li>
            <li>{t('scenarios.compare.left', { n: result.overlap.n, names: names(result.overlap.left) })}</li>
          </ul>
          <fieldset className="sc-field sc-layout">
            <legend>{t('scenarios.compare.layout')}</legend>
            {(['side', 'swipe'] as const).map((l) => (
              <label key={l} className="radio">
                <input type="radio" name="sc-compare-layout" value={l} checked={layout === l} onChange={() => setLayout(l)} data-testid={`compare-layout-${l}`} />
                {t(`scenarios.compare.layouts.${l}`)}
              </label>
            ))}
          </fieldset>
          {layout === 'swipe' ? (
            sameScope(sA, sB) ? (
              <figure className="sc-swipe-figure">
                <figcaption>
                  <strong>A</strong> — {nameOf(aKey)} · <strong>B</strong> — {nameOf(bKey)}
                </figcaption>
                {/* the same scope draws the same projection: B over A, shown right of the cut */}
                <div className="sc-swipe" data-testid="compare-swipe">
                  <StaticMap ctx={a} width={560} height={470} legend={false} label={t('scenarios.compare.mapOf', { which: 'A', name: nameOf(aKey) })} testId="compare-map-A" />
                  <div className="sc-swipe-top" style={{ clipPath: `inset(0 0 0 ${cut}%)` }} data-testid="compare-swipe-b">
                    <StaticMap ctx={b} width={560} height={470} legend={false} label={t('scenarios.compare.mapOf', { which: 'B', name: nameOf(bKey) })} testId="compare-map-B" />
                  </div>
                  <div className="sc-swipe-line" style={{ left: `${cut}%` }} aria-hidden="true" />
                  <span className="sc-swipe-tag sc-swipe-a" aria-hidden="true">A</span>
                  <span className="sc-swipe-tag sc-swipe-b" aria-hidden="true">B</span>
                </div>
                <label htmlFor="sc-swipe-cut">{t('scenarios.compare.cut')}</label>
                <input id="sc-swipe-cut" type="range" min={0} max={100} step={1} value={cut} onChange={(e) => setCut(Number(e.target.value))} data-testid="compare-cut" />
                <p className="small muted">{t('scenarios.compare.swipeNote')}</p>
              </figure>
            ) : (
              <p role="status" className="warning" data-testid="compare-swipe-scope">
                {t('scenarios.compare.swipeScope')}
              </p>
            )
          ) : (
          <div className="sc-compare-maps">
            {[
              { ctx: a, which: 'A', name: nameOf(aKey) },
              { ctx: b, which: 'B', name: nameOf(bKey) },
            ].map(({ ctx, which, name }) => (
              <figure key={which}>
                <figcaption>
                  <strong>{which}</strong> — {name}
                </figcaption>
                <StaticMap ctx={ctx} width={560} height={470} label={t('scenarios.compare.mapOf', { which, name })} testId={`compare-map-${which}`} />
              </figure>
            ))}
          </div>
          )}
          <label className="sc-check">
            <input type="checkbox" checked={onlyChanged} onChange={(e) => setOnlyChanged(e.target.checked)} />
            {t('scenarios.compare.onlyChanged')}
          </label>
          <div className="sc-table-wrap" role="region" aria-labelledby="sc-shifts-caption" tabIndex={0}>
            <table className="sc-shifts" data-testid="rank-shifts">
              <caption id="sc-shifts-caption">{t('scenarios.compare.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('scenarios.compare.rankB')}</th>
                  <th scope="col">{t(district ? 'ranking.district' : 'ranking.province')}</th>
                  <th scope="col">{t(district ? 'ranking.province' : 'ranking.department')}</th>
                  <th scope="col">{t('scenarios.compare.rankA')}</th>
                  <th scope="col">{t('scenarios.compare.shift')}</th>
                  <th scope="col" className="num">{t('ranking.score')} A</th>
                  <th scope="col" className="num">{t('ranking.score')} B</th>
                </tr>
              </thead>
              <tbody>
                {result.shifts
                  .filter((r) => !onlyChanged || r.shift !== 0)
                  .map((r) => (
                    <tr key={r.unit} data-ubigeo={units!.ids[r.unit]} data-shift={r.shift ?? ''} className={r.shift && r.shift > 0 ? 'up' : r.shift && r.shift < 0 ? 'down' : undefined}>
                      <td className="num">{r.rankB ?? '—'}</td>
                      <th scope="row">{units!.names[r.unit]}</th>
                      <td>{district ? units!.provincias[r.unit] : units!.departamentos[r.unit]}</td>
                      <td className="num">{r.rankA ?? '—'}</td>
                      <td>
                        {r.shift === null ? (
                          t(r.rankA === null ? 'scenarios.compare.onlyB' : 'scenarios.compare.onlyA')
                        ) : r.shift === 0 ? (
                          t('scenarios.compare.same')
                        ) : (
                          <>
                            <span aria-hidden="true">{r.shift > 0 ? '▲ ' : '▼ '}</span>
                            {t(r.shift > 0 ? 'scenarios.compare.up' : 'scenarios.compare.down', { n: Math.abs(r.shift) })}
                          </>
                        )}
                      </td>
                      <td className="num">{formatNumber(a.ranking.score[r.unit], i18n.language)}</td>
                      <td className="num">{formatNumber(b.ranking.score[r.unit], i18n.language)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
