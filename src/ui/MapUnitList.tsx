import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../state/store';
import { selectedUnitId } from '../state/selectors';

export interface VisibleUnit {
  ubigeo: string;
  name: string;
  parent: string;
  /** 0 = not ranked (insufficient data). */
  rank: number;
}

/**
 * The keyboard path through the map (issue 15): the units the map shows right now, as a native
 * list box (arrows move and select, the selection is announced above the ranking table and the
 * map outlines it). It follows the view: pan or zoom and the list changes.
 */
export function MapUnitList({ units }: { units: VisibleUnit[] }) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const selected = useStore(selectedUnitId);
  const select = useStore((s) => s.select);
  return (
    <div className="map-units">
      <button type="button" aria-expanded={open} aria-controls={`${id}-list`} data-testid="map-units-toggle" onClick={() => setOpen(!open)}>
        {t('map.unitsInView', { count: units.length })}
      </button>
      {open && (
        <div className="map-units-panel">
          <label htmlFor={`${id}-list`} className="small">
            {t('map.unitsInViewHint')}
          </label>
          <select
            id={`${id}-list`}
            data-testid="map-units"
            size={Math.min(10, Math.max(2, units.length))}
            value={selected && units.some((u) => u.ubigeo === selected) ? selected : ''}
            onChange={(e) => select(e.target.value || null)}
          >
            {units.map((u) => (
              <option key={u.ubigeo} value={u.ubigeo}>
                {u.rank > 0 ? `${u.rank}. ` : ''}
                {u.name} ({u.parent})
              </option>
            ))}
          </select>
        </div>
      )}
    </div>
  );
}
