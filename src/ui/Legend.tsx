import { useTranslation } from 'react-i18next';
import { NO_DATA, OUT_OF_SCOPE, SCORE_CLASSES, cssColour } from '../map/palette';

export function Legend() {
  const { t } = useTranslation();
  const step = 100 / SCORE_CLASSES.length;
  return (
    <section className="legend" aria-labelledby="legend-title">
      <h2 id="legend-title">{t('map.legendTitle')}</h2>
      <ul>
        {SCORE_CLASSES.map((c, i) => (
          <li key={i}>
            <span className="swatch" style={{ background: cssColour(c) }} aria-hidden="true" />
            {`${i * step} – ${(i + 1) * step}`}
            {i === 0 && ` (${t('map.legendLow')})`}
            {i === SCORE_CLASSES.length - 1 && ` (${t('map.legendHigh')})`}
          </li>
        ))}
        <li>
          <span className="swatch" style={{ background: cssColour(NO_DATA) }} aria-hidden="true" />
          {t('map.noData')}
        </li>
        <li>
          <span className="swatch" style={{ background: cssColour(OUT_OF_SCOPE) }} aria-hidden="true" />
          {t('map.outOfScope')}
        </li>
      </ul>
    </section>
  );
}
