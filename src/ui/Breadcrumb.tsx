import { useTranslation } from 'react-i18next';
import { useStore } from '../state/store';
import { useDepartments } from './ScopeSelector';

/** Perú › La Libertad › Otuzco: where the ranking is, with a way back up at every step. */
export function Breadcrumb() {
  const { t } = useTranslation();
  const scope = useStore((s) => s.scenario.scope);
  const level = useStore((s) => s.scenario.level);
  const provincias = useStore((s) => s.derived.units.provincia);
  const departments = useDepartments();
  const { setScope, setLevel } = useStore.getState();
  const crumbs: { label: string; go?: () => void }[] = [
    {
      label: t('breadcrumb.peru'),
      go: () => {
        setLevel('provincia');
        setScope({ departamento: null, provincia: null });
      },
    },
  ];
  if (scope.departamento) {
    crumbs.push({
      label: departments.find((d) => d.code === scope.departamento)?.name ?? scope.departamento,
      go: () => {
        setLevel('provincia');
        setScope({ departamento: scope.departamento, provincia: null });
      },
    });
  }
  if (level === 'distrito' && scope.provincia && provincias) {
    crumbs.push({ label: provincias.names[provincias.ids.indexOf(scope.provincia)] ?? scope.provincia });
  }
  // The last crumb is where we are: plain text.
  crumbs[crumbs.length - 1].go = undefined;
  return (
    <nav aria-label={t('breadcrumb.label')} className="breadcrumb" data-testid="breadcrumb">
      <ol>
        {crumbs.map((c, k) => (
          <li key={k}>
            {c.go ? (
              <button type="button" className="link" onClick={c.go}>
                {c.label}
              </button>
            ) : (
              <span aria-current="location">{c.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
