import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dot } from './Dot';
import { useStore } from '../state/store';
import { NO_DATA, OUT_OF_SCOPE, MAX_CLASSES, MIN_CLASSES, cssColour, paletteFor } from '../map/palette';
import { classRanges, drawableMode } from '../map/classes';
import { classLabel, classTitle } from '../export/svgMap';
import { useMapClassInputs } from './mapClassInputs';
import { legendFormat } from './indicatorValue';
import { indicatorById } from '../domain/indicators';
import type { ClassMode } from '../state/scenario';
import { formatNumber } from '../i18n';
import { FACILITY_GROUPS, GROUP_COLOUR, GROUP_RADIUS } from '../domain/facilities';
import { HEAT_RANGE, STATUS_STYLE } from '../map/conflictLayers';
import { CONFLICT_STATUSES } from '../domain/conflictEvents';
import { HOTSPOT_CLASSES } from './hotspotClasses';
import { BEYOND, DISTANCE_BREAKS, DISTANCE_COLOURS, WITHIN } from '../map/placesLayer';

const LINE_LAYERS = ['departamentos', 'provincias', 'distritos'] as const;
const HEAT_GRADIENT = `linear-gradient(to right, ${HEAT_RANGE.map((c) => `rgb(${c.join(',')})`).join(', ')})`;

/** Legend and class controls: equal score intervals or rank quantiles, 3–7 classes, top N. */
export function Legend({ narrow = false }: { narrow?: boolean }) {
  const { t, i18n } = useTranslation();
  const classes = useStore((s) => s.scenario.classes);
  const topN = useStore((s) => s.scenario.topN);
  const setClasses = useStore((s) => s.setClasses);
  const setTopN = useStore((s) => s.setTopN);
  const ranked = useStore((s) => s.derived.ranking);
  const layers = useStore((s) => s.scenario.layers);
  const scenarioIndicators = useStore((s) => s.scenario.indicators);
  const userIndicators = useStore((s) => s.scenario.userData.indicators);
  const { inputs } = useMapClassInputs();
  // null: follows the map's width (folded when narrow); a click makes it the user's choice
  const [chosen, setOpen] = useState<boolean | null>(null);
  const open = chosen ?? !narrow;
  // what the map draws: P(top N) falls back to score intervals until the first stability run ends,
  // and so does an indicator without values here
  const drawn = drawableMode(classes, inputs);
  const palette = paletteFor(classes.count);
  const ranges = ranked ? classRanges(drawn, ranked.ranking, inputs) : [];
  const { fmt, name } = legendFormat(drawn, t, i18n.language);
  const lng = i18n.language === 'en' ? 'en' : 'es';
  // the indicators the map can show: those the units of this level have values for
  const mappable = ranked
    ? [...scenarioIndicators, ...userIndicators].filter((i) => ranked.units.values[i.id] && indicatorById(i.id).levels.includes(ranked.units.level))
    : [];
  const setKind = (kind: ClassMode['kind']) => {
    if (kind !== 'indicator') return setClasses({ kind, count: classes.count });
    // the indicator weighing most, so the first pick is one that matters to this ranking
    const first = [...mappable].sort((a, b) => (b.enabled ? b.weight : 0) - (a.enabled ? a.weight : 0))[0];
    if (first) setClasses({ kind, count: classes.count, indicator: first.id });
  };
  // folded away, the legend leaves the map (and whatever it covered) free; one click brings it back
  if (!open) {
    return (
      <button type="button" className="legend legend-show" aria-expanded={false} data-testid="legend-show" onClick={() => setOpen(true)}>
        {t('map.legendShow')}
      </button>
    );
  }
  return (
    <section className="legend" aria-labelledby="legend-title" data-testid="legend">
      <button type="button" className="legend-hide" aria-expanded={true} data-testid="legend-hide" onClick={() => setOpen(false)}>
        {t('map.legendHide')}
      </button>
      {layers.facilities.visible && (
        <div data-testid="legend-facilities">
          <h2 id={layers.choropleth.visible ? undefined : 'legend-title'}>{t('layers.legendFacilities')}</h2>
          <ul>
            {FACILITY_GROUPS.filter((g) => layers.facilities.categories.includes(g)).map((g) => (
              <li key={g}>
                <Dot rgb={GROUP_COLOUR[g]} size={GROUP_RADIUS[g] * 2} />
                {t(`layers.groups.${g}`)}
              </li>
            ))}
            {layers.facilities.flags && (
              <li>
                <span className="dot ring" aria-hidden="true" />
                {t('layers.flagsLegend')}
              </li>
            )}
          </ul>
        </div>
      )}
      {layers.places.visible && (
        <div data-testid="legend-places">
          <h2>{t(layers.places.colourBy === 'threshold' ? 'access.legendThreshold' : 'access.legendDistance')}</h2>
          <ul>
            {layers.places.colourBy === 'threshold' ? (
              <>
                <li>
                  <Dot rgb={WITHIN} size={8} />
                  {t('access.legendWithin', { km: layers.places.thresholdKm })}
                </li>
                <li>
                  <Dot rgb={BEYOND} size={8} />
                  {t('access.legendBeyond', { km: layers.places.thresholdKm })}
                </li>
              </>
            ) : (
              DISTANCE_COLOURS.map((c, k) => (
                <li key={k}>
                  <Dot rgb={c} size={8} />
                  {k === 0 ? `≤ ${DISTANCE_BREAKS[0]} km` : k < DISTANCE_BREAKS.length ? `${DISTANCE_BREAKS[k - 1]}–${DISTANCE_BREAKS[k]} km` : `> ${DISTANCE_BREAKS[k - 1]} km`}
                </li>
              ))
            )}
            <li>
              <Dot rgb={[150, 150, 150]} size={8} />
              {t('access.legendNone')}
            </li>
          </ul>
        </div>
      )}
      {layers.conflictHeatmap.visible && (
        <div data-testid="legend-heat">
          <h2>{t('conflicts.legendHeat')}</h2>
          <div className="heat-ramp" style={{ background: HEAT_GRADIENT }} aria-hidden="true" />
          <p className="heat-ends">
            <span>{t('conflicts.legendLow')}</span>
            <span>{t('conflicts.legendHigh')}</span>
          </p>
        </div>
      )}
      {layers.conflictPoints.visible && (
        <div data-testid="legend-conflicts">
          <h2>{t('conflicts.legendPoints')}</h2>
          <ul>
            {CONFLICT_STATUSES.map((st) => (
              <li key={st}>
                <Dot rgb={STATUS_STYLE[st].colour} size={STATUS_STYLE[st].radius * 2} />
                {t(`conflicts.status.${st}`)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {layers.hotspots.visible && (
        <div data-testid="legend-hotspots">
          <h2>{t('conflicts.classesTitle')}</h2>
          <ul>
            {HOTSPOT_CLASSES.map((c) => (
              <li key={c.id}>
                <span className="swatch" style={{ background: c.css }} aria-hidden="true" />
                {t(`conflicts.classes.${c.id}`)}
              </li>
            ))}
          </ul>
          <p className="small" data-testid="legend-hotspots-correction">
            {t('conflicts.legendCorrection', {
              correction: t(`conflicts.correctionInForce.${layers.hotspots.correction}`, { alpha: formatNumber(layers.hotspots.alpha, i18n.language, 2) }),
            })}
          </p>
        </div>
      )}
      {LINE_LAYERS.some((k) => layers[k].visible) && (
        <ul data-testid="legend-lines">
          {LINE_LAYERS.filter((k) => layers[k].visible).map((k) => (
            <li key={k}>
              <span className={`line-swatch line-${k}`} aria-hidden="true" />
              {t(`layers.${k}`)}
            </li>
          ))}
        </ul>
      )}
      {layers.choropleth.visible && (
      <div data-testid="legend-choropleth">
      <h2 id="legend-title">{classTitle(drawn, topN, t, name)}</h2>
      {drawn !== classes && (
        <p className="small muted" data-testid={classes.kind === 'indicator' ? 'legend-indicator-pending' : 'legend-ptop-pending'}>
          {t(classes.kind === 'indicator' ? 'map.indicatorPending' : 'stability.mapPending')}
        </p>
      )}
      {drawn.kind === 'indicator' && inputs.indicator && (
        <p className="small" data-testid="legend-indicator-note">
          {t('map.legendIndicatorNote', { dir: t(inputs.indicator.direction === 'up' ? 'map.legendIndicatorUp' : 'map.legendIndicatorDown') })}
        </p>
      )}
      <ul>
        {[...palette.keys()].reverse().map((c) =>
          ranges[c] ? (
            <li key={c}>
              <span className="swatch" style={{ background: cssColour(palette[c]) }} aria-hidden="true" />
              {classLabel(drawn, ranges[c], t, fmt)}
              {c === palette.length - 1 && ` (${t('map.legendHigh')})`}
              {c === 0 && ` (${t('map.legendLow')})`}
            </li>
          ) : null,
        )}
        <li>
          <span className="swatch outline-top" aria-hidden="true" />
          {t('map.topN', { n: topN })}
        </li>
        <li>
          <span className="swatch" style={{ background: cssColour(NO_DATA) }} aria-hidden="true" />
          {t('map.noData')}
        </li>
        <li>
          <span className="swatch" style={{ background: cssColour(OUT_OF_SCOPE) }} aria-hidden="true" />
          {t('map.outOfScope')}
        </li>
      </ul>
      <details className="legend-more">
        <summary>{t('map.classControls')}</summary>
        <div className="legend-controls">
        <label htmlFor="class-mode">{t('map.classMode')}</label>
        <select id="class-mode" data-testid="class-mode" value={classes.kind} onChange={(e) => setKind(e.target.value as ClassMode['kind'])}>
          <option value="equal">{t('map.classEqual')}</option>
          <option value="quantile">{t('map.classQuantile')}</option>
          <option value="ptop">{t('map.classPTop')}</option>
          {mappable.length > 0 && <option value="indicator">{t('map.classIndicator')}</option>}
        </select>
        {classes.kind === 'indicator' && (
          <>
            <label htmlFor="class-indicator">{t('map.classIndicatorPick')}</label>
            <select
              id="class-indicator"
              data-testid="class-indicator"
              value={classes.indicator}
              onChange={(e) => setClasses({ ...classes, indicator: e.target.value })}
            >
              {mappable.some((i) => i.id === classes.indicator) ? null : <option value={classes.indicator}>{classes.indicator}</option>}
              {mappable.map((i) => (
                <option key={i.id} value={i.id}>
                  {indicatorById(i.id).label[lng]}
                </option>
              ))}
            </select>
          </>
        )}
        <label htmlFor="class-count">{t('map.classCount')}</label>
        <input
          id="class-count"
          type="number"
          min={MIN_CLASSES}
          max={MAX_CLASSES}
          value={classes.count}
          onChange={(e) => setClasses({ ...classes, count: Math.min(MAX_CLASSES, Math.max(MIN_CLASSES, Number(e.target.value) || MIN_CLASSES)) })}
        />
        <label htmlFor="top-n">{t('map.topNLabel')}</label>
        <input id="top-n" type="number" min={0} max={50} value={topN} onChange={(e) => setTopN(Number(e.target.value))} />
        </div>
      </details>
      </div>
      )}
    </section>
  );
}
