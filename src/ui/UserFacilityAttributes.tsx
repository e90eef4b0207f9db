import { useTranslation } from 'react-i18next';
import { useStore } from '../state/store';
import { valueOf } from '../state/loadState';

/** What the user's own files (joined by IPRESS code) say about one facility, on its card: file text shown as text. */
export function UserFacilityAttributes({ codigo }: { codigo: number }) {
  const { t } = useTranslation();
  const files = useStore((s) => s.scenario.userData.files);
  const states = useStore((s) => s.data.userFiles);
  const found = files.flatMap((ref) => {
    const summary = ref.key.kind === 'ipress' ? valueOf(states[ref.sha256] ?? { status: 'idle' }) : null;
    const entries = summary?.facilities.get(codigo);
    return entries ? [{ ref, entries }] : [];
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
