import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../state/store';

/** Departments present in the data, with their province counts, for the scope selector. */
export function useDepartments() {
  const data = useStore((s) => s.data);
  return useMemo(() => {
    if (!data) return [];
    const byCode = new Map<string, { code: string; name: string; count: number }>();
    data.provincias.ubigeoDep.forEach((code, i) => {
      const entry = byCode.get(code) ?? { code, name: data.provincias.departamentos[i], count: 0 };
      entry.count++;
      byCode.set(code, entry);
    });
    return [...byCode.values()].sort((a, b) => a.name.localeCompare(b.name, 'es'));
  }, [data]);
}

export function ScopeSelector() {
  const { t } = useTranslation();
  const departamento = useStore((s) => s.scenario.scope.departamento);
  const setScope = useStore((s) => s.setScope);
  const departments = useDepartments();
  return (
    <div className="scope">
      <label htmlFor="scope-select">{t('scope.label')}</label>
      <select
        id="scope-select"
        data-testid="scope-select"
        value={departamento ?? ''}
        onChange={(e) => setScope(e.target.value === '' ? null : e.target.value)}
      >
        <option value="">{t('scope.national')}</option>
        {departments.map((d) => (
          <option key={d.code} value={d.code}>
            {t('scope.regionOption', { name: d.name, count: d.count })}
          </option>
        ))}
      </select>
      {departamento === '15' && <p className="muted small">{t('scope.note_lima')}</p>}
    </div>
  );
}
