import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../state/store';
import { indicatorById } from '../domain/indicators';
import { CR_LIMIT, judgementLabel as key, pairs, SAATY_SCALE } from '../domain/ahp';
import { addParticipant, ahpOutcome, participantAgreement, points, removeParticipant, setJudgement, type AhpWeighting } from '../state/ahpWeighting';
import { personalDataInLabel } from '../data/userFile/personalData';
import { formatNumber } from '../i18n';

/** The judgement values a pair's select offers: the first indicator 9 … 2 times more, equal, the second 2 … 9 times more. */
const OPTIONS = [...[...SAATY_SCALE].reverse().filter((x) => x > 1), 1, ...SAATY_SCALE.filter((x) => x > 1).map((x) => 1 / x)];

/**
 * Weights from pairwise comparisons (issue 20): each participant answers «¿qué tan importante es
 * X frente a Y?» on Saaty's scale; the group's weights (geometric mean of the judgements, or mean
 * of the weights) go to the ranking at every answer. Consistency (CR) with a warning above 0.10
 * and the comparison to revisit; each participant's distance from the group's ranking.
 */
export function AhpPanel() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language === 'en' ? 'en' : 'es';
  const id = useId();
  const scenario = useStore((s) => s.scenario);
  const a = scenario.ahp;
  const startAhp = useStore((s) => s.startAhp);
  const setAhp = useStore((s) => s.setAhp);
  const stopAhp = useStore((s) => s.stopAhp);
  const units = useStore((s) => s.derived.ranking?.units ?? null);
  const [aliasProblem, setAliasProblem] = useState<string | null>(null);
  const outcome = useMemo(() => (a ? ahpOutcome(a) : null), [a]);
  const n = (x: number, d = 2) => formatNumber(x, lng, d);
  const weighted = scenario.indicators.filter((i) => i.enabled && i.weight > 0).length;
  const name = (indicator: string) => indicatorById(indicator).label[lng];

  // A few rankings of the scenario's units (≈ 0.05 ms each for provinces, 0.4 ms for districts),
  // keyed on what ranks, without the compared indicators' weights (the group's or the
  // participant's replace them): a weight drag or a canvas edit does not re-rank them all.
  const agreementKey = useMemo(
    () =>
      JSON.stringify([
        scenario.level,
        scenario.scope,
        scenario.aggregation,
        scenario.missing,
        scenario.coverageThreshold,
        scenario.definitions,
        scenario.topN,
        scenario.indicators.map((i) => (a?.indicators.includes(i.id) ? { ...i, weight: 0 } : i)),
      ]),
    [scenario, a],
  );
  const agreement = useMemo(
    () => (a && a.participants.length > 1 && units && units.level === scenario.level ? participantAgreement(units, scenario, a, scenario.topN) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- scenario enters through agreementKey
    [a, units, agreementKey],
  );

  if (!a || !outcome) {
    return (
      <details className="ahp" data-testid="ahp-panel">
        <summary>{t('ahp.title')}</summary>
        <p className="small muted">{t('ahp.intro')}</p>
        {weighted < 2 ? (
          <p className="small warning">{t('ahp.needTwo')}</p>
        ) : (
          <button type="button" data-testid="ahp-start" onClick={() => startAhp(t('ahp.defaultAlias', { n: 1 }))}>
            {t('ahp.start')}
          </button>
        )}
      </details>
    );
  }

  const me = a.participants[a.active];
  const mine = outcome.participants[a.active];
  const update = (next: AhpWeighting) => setAhp(next);
  const rename = (alias: string) => {
    const kind = personalDataInLabel(alias);
    if (kind) return setAliasProblem(t('ahp.aliasPersonal', { kind: t(`ahp.personalKinds.${kind}`) }));
    setAliasProblem(null);
    update({ ...a, participants: a.participants.map((p, i) => (i === a.active ? { ...p, alias } : p)) });
  };
  const group = a.participants.length > 1;
  // the ranking uses the group's weights unless someone changed them by hand since
  const manual = a.indicators.some((ind, k) => {
    const w = scenario.indicators.find((i) => i.id === ind)?.weight ?? 0;
    return Math.abs(w - points(outcome.group.weights)[k]) > 0.05;
  });
  return (
    <details className="ahp" data-testid="ahp-panel" open>
      <summary>{t('ahp.title')}</summary>
      <p className="small muted">{t('ahp.intro')}</p>
      <div className="field">
        <label htmlFor={`${id}-p`}>{t('ahp.participant')}</label>
        <select id={`${id}-p`} data-testid="ahp-participant" value={a.active} onChange={(e) => update({ ...a, active: Number(e.target.value) })}>
          {a.participants.map((p, i) => (
            <option key={i} value={i}>
              {p.alias || t('ahp.defaultAlias', { n: i + 1 })}
            </option>
          ))}
        </select>
        <button type="button" data-testid="ahp-add" onClick={() => update(addParticipant(a, t('ahp.defaultAlias', { n: a.participants.length + 1 })))}>
          {t('ahp.add')}
        </button>
        {group && (
          <button type="button" className="link" onClick={() => update(removeParticipant(a, a.active))}>
            {t('ahp.remove', { alias: me.alias })}
          </button>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-a`}>{t('ahp.alias')}</label>
        <input
          id={`${id}-a`}
          data-testid="ahp-alias"
          key={a.active}
          defaultValue={me.alias}
          maxLength={60}
          aria-invalid={aliasProblem ? true : undefined}
          aria-describedby={`${id}-ah${aliasProblem ? ` ${id}-ap` : ''}`}
          onBlur={(e) => rename(e.target.value.trim())}
        />
        <p className="small muted" id={`${id}-ah`}>
          {t('ahp.aliasHelp')}
        </p>
        {aliasProblem && (
          <p role="alert" className="error small" data-testid="ahp-alias-problem" id={`${id}-ap`}>
            {aliasProblem}
          </p>
        )}
      </div>
      <ol className="ahp-pairs" data-testid="ahp-pairs">
        {pairs(a.indicators.length).map(([i, j], k) => {
          const x = name(a.indicators[i]);
          const y = name(a.indicators[j]);
          return (
            <li key={`${i}-${j}`}>
              <label htmlFor={`${id}-q${k}`}>{t('ahp.question', { a: x, b: y })}</label>
              <select
                id={`${id}-q${k}`}
                data-testid={`ahp-pair-${a.indicators[i]}-${a.indicators[j]}`}
                value={key(me.judgements[k])}
                onChange={(e) => update(setJudgement(a, k, OPTIONS.find((o) => key(o) === e.target.value) ?? 1))}
              >
                {OPTIONS.map((o) => (
                  <option key={key(o)} value={key(o)}>
                    {o === 1 ? t('ahp.equal') : t('ahp.more', { name: o > 1 ? x : y, v: Math.round(o > 1 ? o : 1 / o), level: t(`ahp.levels.${Math.round(o > 1 ? o : 1 / o)}`) })}
                  </option>
                ))}
              </select>
            </li>
          );
        })}
      </ol>
      <div className="field">
        <label htmlFor={`${id}-m`}>{t('ahp.method')}</label>
        <select id={`${id}-m`} data-testid="ahp-method" value={a.method} onChange={(e) => update({ ...a, method: e.target.value as AhpWeighting['method'] })}>
          {(['eigenvector', 'geometric'] as const).map((m) => (
            <option key={m} value={m}>
              {t(`ahp.methods.${m}`)}
            </option>
          ))}
        </select>
        {group && (
          <>
            <label htmlFor={`${id}-g`}>{t('ahp.group')}</label>
            <select id={`${id}-g`} data-testid="ahp-group" value={a.group} onChange={(e) => update({ ...a, group: e.target.value as AhpWeighting['group'] })}>
              {(['judgements', 'weights'] as const).map((g) => (
                <option key={g} value={g}>
                  {t(`ahp.groups.${g}`)}
                </option>
              ))}
            </select>
          </>
        )}
      </div>
      <p className={mine.consistency.acceptable ? 'small' : 'small warning'} data-testid="ahp-cr" role={mine.consistency.acceptable ? undefined : 'alert'}>
        {t('ahp.cr', { alias: me.alias, cr: n(mine.consistency.cr ?? 0), ci: n(mine.consistency.ci, 3), lambda: n(mine.consistency.lambdaMax, 3) })}{' '}
        {(mine.consistency.cr ?? 0) <= CR_LIMIT ? t('ahp.crOk') : t('ahp.crHigh')}
      </p>
      {mine.revisit && (
        <p className="small warning" data-testid="ahp-revisit">
          {t('ahp.revisit', {
            a: name(a.indicators[mine.revisit.i]),
            b: name(a.indicators[mine.revisit.j]),
            given: key(mine.revisit.given),
            suggested: key(mine.revisit.suggested),
          })}
        </p>
      )}
      <table className="small ahp-weights" data-testid="ahp-weights">
        <caption>{t('ahp.weightsTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ahp.colIndicator')}</th>
            <th scope="col">{t('ahp.colParticipant', { alias: me.alias })}</th>
            {group && <th scope="col">{t('ahp.colGroup')}</th>}
          </tr>
        </thead>
        <tbody>
          {a.indicators.map((ind, k) => (
            <tr key={ind} data-indicator={ind}>
              <th scope="row">{name(ind)}</th>
              <td>{n(mine.weights[k] * 100, 1)}{'\u00a0'}%</td>
              {group && (
                <td>
                  <span data-testid="ahp-group-weight">{n(outcome.group.weights[k] * 100, 1)}{'\u00a0'}%</span>
                  <br />
                  <span className="muted" title={t('ahp.colSpread')} data-testid="ahp-group-spread">
                    {n(outcome.group.spread.min[k] * 100, 1)}–{n(outcome.group.spread.max[k] * 100, 1)}
                  </span>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {group && outcome.group.result?.consistency.cr !== undefined && outcome.group.result.consistency.cr !== null && (
        <p className="small">{t('ahp.crGroup', { cr: n(outcome.group.result.consistency.cr) })}</p>
      )}
      {agreement && (
        <section aria-label={t('ahp.agreementTitle')} data-testid="ahp-agreement">
          <h3>{t('ahp.agreementTitle')}</h3>
          <ul className="small">
            {agreement.map((g, i) => (
              <li key={i}>{t('ahp.agreement', { alias: a.participants[i].alias, rho: n(g.rho), common: g.common, n: scenario.topN })}</li>
            ))}
          </ul>
        </section>
      )}
      {manual && <p className="small warning">{t('ahp.manual')}</p>}
      <button type="button" className="link" data-testid="ahp-stop" onClick={() => stopAhp()}>
        {t('ahp.stop')}
      </button>
    </details>
  );
}
