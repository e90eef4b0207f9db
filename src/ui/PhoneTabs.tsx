import { useTranslation } from 'react-i18next';
import { useStore } from '../state/store';
import { PHONE_TABS, type PhoneTab } from '../state/slices';

/** The phone's width (as in styles.css): the workspace shows one part at a time, chosen by the tabs. */
export const PHONE_QUERY = '(max-width: 760px)';
export const isPhone = () => typeof matchMedia === 'function' && matchMedia(PHONE_QUERY).matches;

/** On a phone, after choosing a unit in the ranking, its explanation is what the person wants to read. */
export function showDetailOnPhone() {
  if (isPhone()) useStore.getState().setPhoneTab('detalle');
}

const PANEL: Record<PhoneTab, string> = { mapa: 'map-area', ranking: 'ranking', detalle: 'detail-area', capas: 'left-panels' };

/**
 * Issue 17: on a phone (360–414 px) the map, the ranking, the detail and the layers and weights
 * are tabs, one shown at a time, instead of one long column. Hidden on wider screens (CSS).
 */
export function PhoneTabs() {
  const { t } = useTranslation();
  const tab = useStore((s) => s.view.phoneTab);
  const setPhoneTab = useStore((s) => s.setPhoneTab);
  return (
    <nav className="phone-tabs" aria-label={t('phoneTabs.label')}>
      <div role="tablist">
        {PHONE_TABS.map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            id={`phone-tab-${k}`}
            data-testid={`phone-tab-${k}`}
            aria-selected={tab === k}
            aria-controls={PANEL[k]}
            tabIndex={tab === k ? 0 : -1}
            onClick={() => setPhoneTab(k)}
            onKeyDown={(e) => {
              const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
              if (!step) return;
              const next = PHONE_TABS[(PHONE_TABS.indexOf(tab) + step + PHONE_TABS.length) % PHONE_TABS.length];
              setPhoneTab(next);
              document.getElementById(`phone-tab-${next}`)?.focus();
            }}
          >
            {t(`phoneTabs.${k}`)}
          </button>
        ))}
      </div>
    </nav>
  );
}
