import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../state/store';
import type { Level } from '../domain/indicators';

interface Area {
  code: string;
  name: string;
  count: number;
}

function groupBy(codes: string[], names: string[], keep: (i: number) => boolean): Area[] {
  const byCode = new Map<string, Area>();
  codes.forEach((code, i) => {
    if (!keep(i)) return;
    const entry = byCode.get(code) ?? { code, name: names[i], count: 0 };
    entry.count++;
    byCode.set(code, entry);
  });
  return [...byCode.values()].sort((a, b) => a.name.localeCompare(b.name, 'es'));
}

/** Departments with their province counts (always from the province level, loaded at start). */
export function useDepartments(): Area[] {
  const provincias = useStore((s) => s.derived.units.provincia);
  return useMemo(
    () => (provincias ? groupBy(provincias.ubigeoDep, provincias.departamentos, () => true) : []),
    [provincias],
  );
}

/** The scope's name in the UI language: "Todo el Perú", "Cusco", "Cusco › Urubamba". */
export function useScopeName(): string {
  const { t } = useTranslation();
  const scope = useStore((s) => s.scenario.scope);
  const level = useStore((s) => s.scenario.level);
  const provincias = useStore((s) => s.derived.units.provincia);
  const departments = useDepartments();
  if (scope.departamento === null) return t('scope.nationalShort');
  const dep = departments.find((d) => d.code === scope.departamento)?.name ?? scope.departamento;
  if (level === 'distrito' && scope.provincia && provincias) {
    const i = provincias.ids.indexOf(scope.provincia);
    return `${dep} › ${i >= 0 ? provincias.names[i] : scope.provincia}`;
  }
  return dep;
}

export function ScopeSelector() {
  const { t } = useTranslation();
  const scope = useStore((s) => s.scenario.scope);
  const level = useStore((s) => s.scenario.level);
  const setScope = useStore((s) => s.setScope);
  const setLevel = useStore((s) => s.setLevel);
  const provincias = useStore((s) => s.derived.units.provincia);
  const distritos = useStore((s) => s.derived.units.distrito);
  const departments = useDepartments();
  const provinceOptions = useMemo(
    () =>
      provincias && scope.departamento
        ? groupBy(provincias.ids, provincias.names, (i) => provincias.ubigeoDep[i] === scope.departamento)
        : [],
    [provincias, scope.departamento],
  );
  const districtCount = (prov: string) => distritos?.ubigeoProv.filter((p) => p === prov).length;
  return (
    <div className="scope">
      <label htmlFor="level-select">{t('scope.level')}</label>
      <select id="level-select" data-testid="level-select" value={level} onChange={(e) => setLevel(e.target.value as Level)}>
        <option value="provincia">{t('scope.levelProvincia')}</option>
        <option value="distrito">{t('scope.levelDistrito')}</option>
      </select>
      <label htmlFor="scope-select">{t('scope.label')}</label>
      <select
        id="scope-select"
        data-testid="scope-select"
        value={scope.departamento ?? ''}
        onChange={(e) => setScope({ departamento: e.target.value === '' ? null : e.target.value, provincia: null })}
      >
        <option value="">{t(level === 'provincia' ? 'scope.national' : 'scope.nationalDistricts')}</option>
        {departments.map((d) => (
          <option key={d.code} value={d.code}>
            {level === 'provincia' ? t('scope.regionOption', { name: d.name, count: d.count }) : d.name}
          </option>
        ))}
      </select>
      {level === 'distrito' && scope.departamento !== null && (
        <>
          <label htmlFor="province-select">{t('scope.province')}</label>
          <select
            id="province-select"
            data-testid="province-select"
            value={scope.provincia ?? ''}
            onChange={(e) => setScope({ ...scope, provincia: e.target.value === '' ? null : e.target.value })}
          >
            <option value="">{t('scope.allProvinces')}</option>
            {provinceOptions.map((p) => (
              <option key={p.code} value={p.code}>
                {districtCount(p.code) ? t('scope.provinceOption', { name: p.name, count: districtCount(p.code) }) : p.name}
              </option>
            ))}
          </select>
        </>
      )}
      {scope.departamento === '15' && <p className="muted small note">{t('scope.note_lima')}</p>}
    </div>
  );
}
