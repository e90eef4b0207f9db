import { useTranslation } from 'react-i18next';
import { useStore } from '../state/store';
import { dateUsable, START_DATE_FLAGS, type StartDateFlag } from '../domain/datePlausibility';

/** The facility card's start-date flag (issue 12) and whether the scenario's age indicators use the date. */
export function StartDateFlagNote({ flag, year }: { flag: string; year: number }) {
  const { t } = useTranslation();
  const rule = useStore((s) => s.scenario.definitions.dates);
  if (!(START_DATE_FLAGS as readonly string[]).includes(flag)) return null;
  const f = flag as StartDateFlag;
  return (
    <p className="warning" data-testid="facility-date-flag" data-flag={f}>
      {t(`definitions.flags.${f}`)}
      {!dateUsable(year, f, rule) && ` ${t('definitions.flags.excluded')}`}
    </p>
  );
}
