import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../state/store';
import { showDetailOnPhone } from './PhoneTabs';
import { selectedUnitId } from '../state/selectors';
import { formatNumber } from '../i18n';
import { bandOf, bandWidth } from './stability/stabilityView';
import { StabilityCell, StabilityNote } from './stability/StabilityCell';

type SortKey = 'rank' | 'name' | 'parent' | 'score' | 'band';

/**
 * The ranked provinces of the scope. Keyboard: Tab reaches the table (one row is focusable at a
 * time), arrows/Home/End move, Enter or Space selects; the map highlights the selection.
 */
export function RankingTable({ scopeName }: { scopeName: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const ranked = useStore((s) => s.derived.ranking);
  const selected = useStore(selectedUnitId);
  const storeSelect = useStore((s) => s.select);
  // on a phone, the unit chosen in the ranking is explained in the «Detalle» tab
  const select = (id: string) => {
    storeSelect(id);
    showDetailOnPhone();
  };
  const topN = useStore((s) => s.scenario.topN);
  // the result and whether it is current, not the run's progress: the rows re-render once per run
  const result = useStore((s) => s.derived.stability?.result ?? null);
  const fresh = useStore((s) => s.derived.stability?.fresh ?? false);
  const started = useStore((s) => s.derived.stability !== null);
  const [sort, setSort] = useState<{ key: SortKey; asc: boolean }>({ key: 'rank', asc: true });
  const [focusPos, setFocusPos] = useState(0);
  const rowRefs = useRef<(HTMLTableRowElement | null)[]>([]);
  const tbodyRef = useRef<HTMLTableSectionElement>(null);

  useEffect(() => {
    if (performance.getEntriesByName('territorio:table').length === 0) performance.mark('territorio:table');
  }, []);

  // A selection made on the map scrolls its row into view.
  useEffect(() => {
    if (!selected) return;
    tbodyRef.current?.querySelector(`tr[data-ubigeo="${selected}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const rows = useMemo(() => {
    if (!ranked) return [];
    const { units, ranking } = ranked;
    // Ranked units first, then the ones with insufficient data, listed apart at the end.
    const list = [...ranking.order, ...ranking.insufficient];
    const collator = new Intl.Collator(lng);
    const parentOf = (i: number) => (units.level === 'distrito' ? units.provincias[i] : units.departamentos[i]);
    const cmp: Record<SortKey, (a: number, b: number) => number> = {
      rank: (a, b) => (ranking.rank[a] || 1e9) - (ranking.rank[b] || 1e9),
      name: (a, b) => collator.compare(units.names[a], units.names[b]),
      parent: (a, b) => collator.compare(parentOf(a), parentOf(b)),
      // units without a score (insufficient data) sort after every scored unit
      score: (a, b) => (Number.isNaN(ranking.score[a]) ? -Infinity : ranking.score[a]) - (Number.isNaN(ranking.score[b]) ? -Infinity : ranking.score[b]) || 0,
      // narrowest 5–95 % band first; units without a band after every banded one
      band: (a, b) => bandWidth(bandOf(result, units.ids[a])) - bandWidth(bandOf(result, units.ids[b])),
    };
    const sorted = [...list].sort((a, b) => cmp[sort.key](a, b) || ranking.rank[a] - ranking.rank[b]);
    return sort.asc ? sorted : sorted.reverse();
  }, [ranked, sort, lng, result]);

  if (!ranked) return null;
  const { units, ranking } = ranked;
  // The one focusable row stays inside the table when the rows change (a smaller scope).
  const tabPos = Math.min(focusPos, Math.max(0, rows.length - 1));
  // The same top N the map outlines: the first N of the ranking order.
  const top = new Set(Array.from(ranking.order.subarray(0, Math.min(topN, ranking.order.length))));
  const selectedIndex = selected ? units.ids.indexOf(selected) : -1;

  const move = (pos: number) => {
    const p = Math.max(0, Math.min(rows.length - 1, pos));
    setFocusPos(p);
    rowRefs.current[p]?.focus();
  };
  const onKey = (e: KeyboardEvent, pos: number, unit: number) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(pos + 1),
      ArrowUp: () => move(pos - 1),
      Home: () => move(0),
      End: () => move(rows.length - 1),
      PageDown: () => move(pos + 10),
      PageUp: () => move(pos - 10),
      Enter: () => select(units.ids[unit]),
      ' ': () => select(units.ids[unit]),
    };
    const action = keys[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  };

  // `short`: an abbreviation shown in the header (the full name stays in its title), so the five columns fit
  const header = (key: SortKey, label: string, short?: string) => {
    const active = sort.key === key;
    return (
      <th scope="col" aria-sort={active ? (sort.asc ? 'ascending' : 'descending') : 'none'}>
        <button
          type="button"
          className="sort"
          title={t('ranking.sortBy', { column: label })}
          onClick={() => setSort({ key, asc: active ? !sort.asc : key !== 'score' })}
        >
          {short ? <abbr title={label}>{short}</abbr> : label}
          <span aria-hidden="true">{active ? (sort.asc ? ' ▲' : ' ▼') : ''}</span>
        </button>
      </th>
    );
  };

  return (
    <div className="ranking" id="ranking">
      <p className="hint">{t('ranking.keyboardHint')}</p>
      <p className="selected-line" aria-live="polite" data-testid="selected-province">
        {selectedIndex >= 0 ? t('ranking.selected', { name: `${units.names[selectedIndex]} (${units.level === 'distrito' ? `${units.provincias[selectedIndex]}, ` : ''}${units.departamentos[selectedIndex]})` }) : ''}
      </p>
      <div className="table-scroll">
        <table data-testid="ranking-table">
          <caption>{t('ranking.caption', { scope: scopeName })}</caption>
          <thead>
            <tr>
              {header('rank', t('ranking.rank'))}
              {header('name', t(units.level === 'distrito' ? 'ranking.district' : 'ranking.province'))}
              {units.level === 'distrito' ? header('parent', t('ranking.province')) : header('parent', t('ranking.department'), t('ranking.departmentShort'))}
              {header('score', t('ranking.score'))}
              {header('band', t('stability.column'))}
            </tr>
          </thead>
          <tbody ref={tbodyRef}>
            {rows.map((unit, pos) => {
              const id = units.ids[unit];
              const isSel = id === selected;
              const score = ranking.score[unit];
              return (
                <tr
                  key={id}
                  ref={(el) => {
                    rowRefs.current[pos] = el;
                  }}
                  tabIndex={pos === tabPos ? 0 : -1}
                  aria-current={isSel ? 'true' : undefined}
                  className={[isSel ? 'selected' : '', top.has(unit) ? 'top' : ''].join(' ').trim() || undefined}
                  data-ubigeo={id}
                  onClick={() => {
                    setFocusPos(pos);
                    select(id);
                  }}
                  onKeyDown={(e) => onKey(e, pos, unit)}
                >
                  <td className="num">{ranking.rank[unit] || '—'}</td>
                  <th scope="row">{units.names[unit]}</th>
                  {/* the parent unit: department for provinces, province for districts */}
                  <td>{units.level === 'distrito' ? units.provincias[unit] : units.departamentos[unit]}</td>
                  <td className="num score">
                    {Number.isNaN(score) ? <span className="insufficient">{t('ranking.insufficient')}</span> : formatNumber(score, lng)}
                  </td>
                  <StabilityCell band={Number.isNaN(score) ? null : bandOf(result, id)} stale={!fresh} running={started && !result} />
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <StabilityNote />
      <p className="muted small" data-testid="ranking-count">
        {t(units.level === 'distrito' ? 'ranking.countDistricts' : 'ranking.count', { count: rows.length })}
      </p>
    </div>
  );
}
