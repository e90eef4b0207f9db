import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../state/store';
import { valueOf } from '../state/loadState';
import { search, type SearchEntry } from '../domain/search';
import { isPhone } from './PhoneTabs';

/** What choosing a result does: narrow the scope, switch level, select, and zoom. */
function go(e: SearchEntry) {
  const s = useStore.getState();
  // on a phone, the place found is shown on the map (its detail sits under it)
  if (isPhone()) s.setPhoneTab('mapa');
  if (e.kind === 'departamento') {
    s.setScope({ departamento: e.key, provincia: null });
  } else if (e.kind === 'provincia') {
    if (s.scenario.level !== 'provincia') s.setLevel('provincia');
    s.setScope({ departamento: e.key.slice(0, 2), provincia: null });
    s.select(e.key);
    s.focusMap({ ubigeo: e.key });
  } else if (e.kind === 'distrito') {
    s.setLevel('distrito');
    s.setScope({ departamento: e.key.slice(0, 2), provincia: e.key.slice(0, 4) });
    s.select(e.key);
    s.focusMap({ ubigeo: e.key });
  } else {
    s.setLayer('facilities', { visible: true });
    s.setPendingFacility(Number(e.key));
    if (e.lon !== undefined && e.lat !== undefined) s.focusMap({ lonlat: [e.lon, e.lat] });
  }
}

/**
 * One box for departments, provinces, districts and facilities (WAI-ARIA combobox): type, move
 * with the arrows, Enter to go, Escape to close. Accents and case do not matter.
 */
export function SearchBox() {
  const { t } = useTranslation();
  const id = useId();
  const index = useStore((s) => valueOf(s.data.searchIndex));
  const indexError = useStore((s) => s.data.searchIndex.status === 'error');
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  // The index is built on first use, not at start-up (the coordinator loads it).
  const wantSearch = useStore((s) => s.wantSearch);
  useEffect(() => {
    if (query.length >= 2) wantSearch();
  }, [query, wantSearch]);

  const results = useMemo(() => (index ? search(index, query) : []), [index, query]);
  const choose = (e: SearchEntry) => {
    go(e);
    setQuery(e.name);
    setOpen(false);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      setOpen(true);
      setActive((a) => Math.min(results.length - 1, a + 1));
    } else if (e.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
    else if (e.key === 'Enter' && results[active]) choose(results[active]);
    else if (e.key === 'Escape') setOpen(false);
    else return;
    e.preventDefault();
  };
  const listId = `${id}-list`;
  const expanded = open && query.length >= 2;
  return (
    <div className="search">
      <label htmlFor={`${id}-input`}>{t('search.label')}</label>
      <input
        id={`${id}-input`}
        type="search"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && results[active] ? `${id}-opt-${active}` : undefined}
        placeholder={t('search.placeholder')}
        value={query}
        data-testid="search-input"
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={onKey}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      {expanded && (
        <ul id={listId} role="listbox" className="search-results" aria-label={t('search.results')}>
          {!index && (
            <li role="option" aria-selected="false" aria-disabled="true">
              {t(indexError ? 'search.failed' : 'search.loading')}
            </li>
          )}
          {index && results.length === 0 && <li role="option" aria-selected="false" aria-disabled="true">{t('search.none')}</li>}
          {results.map((r, k) => (
            <li
              key={`${r.kind}-${r.key}`}
              id={`${id}-opt-${k}`}
              role="option"
              aria-selected={k === active}
              className={k === active ? 'active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(r);
              }}
            >
              <strong>{r.name}</strong> <span className="muted">{t(`search.kinds.${r.kind}`)}{r.context ? ` · ${r.context}` : ''}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
