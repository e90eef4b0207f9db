import { useTranslation } from 'react-i18next';
import { useStore } from '../state/store';
import { engineOf, selectedConflictId } from '../state/selectors';
import { USER_SERIES } from '../domain/conflictEvents';
import { datasetLabel } from './datasetLabel';
import { InfoCard } from './InfoCard';

/** One conflict case: what the report says about it, where it was placed and from which source. */
export function ConflictCard() {
  const { t, i18n } = useTranslation();
  const id = useStore(selectedConflictId);
  const selectConflict = useStore((s) => s.selectConflict);
  const data = useStore(engineOf);
  const e = useStore((s) => s.derived.conflictEvents).find((x) => x.id === id);
  if (!e || !data) return null;
  const yesNo = (v: boolean | null) => (v === null ? t('conflictCard.unknown') : v ? t('conflictCard.yes') : t('conflictCard.no'));
  const rows: [string, string][] = [
    [t('conflictCard.company'), e.empresa ?? t('conflictCard.unknown')],
    [t('conflictCard.status'), e.estado ? t(`conflicts.status.${e.estado}`) : (e.estado_fuente ?? t('conflictCard.unknown'))],
    [t('conflictCard.phase'), e.fase ?? t('conflictCard.unknown')],
    [t('conflictCard.type'), [e.tipo, e.actividad].filter(Boolean).join(' · ') || t('conflictCard.unknown')],
    [t('conflictCard.location'), [e.distrito, e.provincia, e.departamento].filter(Boolean).join(', ')],
    [t('conflictCard.period'), e.periodo],
    [t('conflictCard.violence'), yesNo(e.violencia)],
    [t('conflictCard.dialogue'), yesNo(e.dialogo)],
    [t('conflictCard.level'), e.competencia ?? t('conflictCard.unknown')],
    [t('conflictCard.source'), e.fuente],
  ];
  const official = e.serie !== USER_SERIES;
  return (
    <InfoCard title={e.caso ?? e.id} closeLabel={t('conflictCard.close')} onClose={() => selectConflict(null)} rows={rows} testId="conflict-card">
      {e.nivel_ubicacion === 'provincia' && <p className="warning">{t('conflictCard.provinceOnly')}</p>}
      {official && <p className="muted small">{t('conflictCard.pointNote')}</p>}
      {official && <p className="muted small">{t('tooltip.source', { dataset: datasetLabel(data.catalog, 'conflictos', i18n.language) })}</p>}
    </InfoCard>
  );
}
