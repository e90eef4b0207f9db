import { useTranslation } from 'react-i18next';
import { useStore } from '../state/store';
import { valueOf } from '../state/loadState';

const MAX_COLUMNS = 10;

/** What the user's own files (joined by IPRESS code) say about one facility, on its card: file text shown as text. */
export function UserFacilityAttributes({ codigo }: { codigo: number }) {
  const { t } = useTranslation();
  const files = useStore((s) => s.scenario.userData.files);
  const states = useStore((s) => s.data.userFiles);
  const register = useStore((s) => valueOf(s.data.register));
  if (!register) return null;
  const found = files.flatMap((ref) => {
    const joined = ref.key.kind === 'ipress' ? valueOf(states[ref.sha256] ?? { status: 'idle' }) : null;
    if (!joined) return [];
    const row = joined.table.records.findIndex((_, i) => joined.facility[i] >= 0 && register.codigo[joined.facility[i]] === codigo);
    if (row < 0) return [];
    const rec = joined.table.records[row];
    return [{ ref, entries: joined.table.columns.filter((c) => c !== (ref.key.kind === 'ipress' ? ref.key.column : '') && rec[c]?.trim()).slice(0, MAX_COLUMNS).map((c) => [c, rec[c]] as const) }];
  });
  if (found.length === 0) return null;
  return (
    <div data-testid="facility-user-data">
      {found.map(({ ref, entries }) => (
        <div key={ref.sha256}>
          <p className="small">
            <strong>{t('userData.card.from', { file: ref.name })}</strong>
          </p>
          <dl className="small">
            {entries.map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </div>
  );
}
