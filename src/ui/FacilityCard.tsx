import { useTranslation } from 'react-i18next';
import { useStore } from '../state/store';
import { engineOf, selectedFacilityIndex } from '../state/selectors';
import { valueOf } from '../state/loadState';
import { formatNumber } from '../i18n';
import { datasetLabel } from './datasetLabel';
import { InfoCard } from './InfoCard';
import { StartDateFlagNote } from './StartDateFlagNote';
import { UserFacilityAttributes } from './UserFacilityAttributes';

/** The facility card: what the register says about one facility, with its data-quality flags. */
export function FacilityCard() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const f = useStore((s) => valueOf(s.data.facilities));
  const i = useStore(selectedFacilityIndex);
  const selectFacility = useStore((s) => s.selectFacility);
  const data = useStore(engineOf);
  const ref = useStore((s) => s.scenario.definitions.referenceYear);
  const outliers = useStore((s) => s.scenario.definitions.emergencyOutliers);
  if (!f || i === null || !data) return null;
  const year = f.anioInicio[i];
  const rows: [string, string][] = [
    [t('facility.code'), String(f.codigo[i])],
    [t('facility.category'), f.categoria[i]],
    [t('facility.institution'), f.institucion[i]],
    [t('facility.location'), `${f.distrito[i]}, ${f.provincia[i]}, ${f.departamento[i]}`],
    [
      t('facility.start'),
      Number.isNaN(year) ? t('facility.noDate') : t('facility.startValue', { year, age: ref - year, ref }),
    ],
    [t('facility.beds'), Number.isNaN(f.camas[i]) ? t('indicators.missing') : formatNumber(f.camas[i], lng, 0)],
    [
      t('facility.emergencies'),
      Number.isNaN(f.atenciones[i]) ? t('facility.notInSusalud') : formatNumber(f.atenciones[i], lng, 0),
    ],
    [t('facility.altitude'), Number.isNaN(f.altitud[i]) ? t('indicators.missing') : `${formatNumber(f.altitud[i], lng, 0)} ${t('units.metres')}`],
  ];
  const flag = f.ubicacion[i];
  return (
    <InfoCard title={f.nombre[i]} closeLabel={t('facility.close')} onClose={() => selectFacility(null)} rows={rows} testId="facility-card">
      <StartDateFlagNote flag={f.inicioAlerta[i]} year={year} />
      {f.atencionesAlerta[i] !== '' && (
        <p className="warning" data-testid="facility-emergency-flag">
          {t('definitions.emergencyOutlierFlag', { max: formatNumber(f.maximoPlausible[i], lng, 0) })}{' '}
          {t(`definitions.emergencyOutlierApplied.${outliers}`, { max: formatNumber(f.maximoPlausible[i], lng, 0) })}
        </p>
      )}
      <UserFacilityAttributes codigo={f.codigo[i]} />
      {flag !== 'ok' && (
        <p className="warning" data-testid="facility-flag">
          {t(`facility.flags.${flag}`, { defaultValue: flag })}
        </p>
      )}
      <p className="muted small">{t('tooltip.source', { dataset: datasetLabel(data.catalog, 'establecimientos', lng) })}</p>
    </InfoCard>
  );
}
