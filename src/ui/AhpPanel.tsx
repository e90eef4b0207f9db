import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../state/store';
import { indicatorById } from '../domain/indicators';
import { CR_LIMIT, judgementLabel as key, pairs, SAATY_SCALE } from '../domain/ahp';
import {
  addParticipant,
  addParticipantFromCode,
  ahpOutcome,
  participantAgreement,
  participantCode,
  ParticipantCodeError,
  points,
  MAX_POINTS,
  removeParticipant,
  setJudgement,
  setPoints,
  type AhpWeighting,
} from '../state/ahpWeighting';
import { download } from './scenarios/common';
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
      <fieldset className="field ahp-vote-by">
        <legend>{t('ahp.voteBy', { alias: me.alias })}</legend>
        {(['pairs', 'points'] as const).map((m) => (
          <label key={m} className="radio">
            <input
              type="radio"
              name={`${id}-vote`}
              data-testid={`ahp-vote-${m}`}
              checked={(m === 'points') === !!me.points}
              onChange={() => update(setPoints(a, m === 'points' ? points(mine.weights) : null))}
            />
            {t(`ahp.voteModes.${m}`)}
          </label>
        ))}
      </fieldset>
      {me.points ? (
        <PointsInputs key={a.active} a={a} values={me.points} name={name} onChange={(pts) => update(setPoints(a, pts))} />
      ) : (
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
      )}
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
      <OtherDevices a={a} onAdd={update} />
      <button type="button" className="link" data-testid="ahp-stop" onClick={() => stopAhp()}>
        {t('ahp.stop')}
      </button>
    </details>
  );
}

/** A participant sharing out points: one number per indicator; the weights are the shares of the total. */
function PointsInputs({ a, values, name, onChange }: { a: AhpWeighting; values: number[]; name: (id: string) => string; onChange: (pts: number[]) => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState(() => values.map(String));
  const parsed = draft.map((x) => (x.trim() === '' ? 0 : Number(x.replace(',', '.'))));
  const valid = parsed.every((x) => Number.isFinite(x) && x >= 0 && x <= MAX_POINTS);
  const total = valid ? parsed.reduce((x, y) => x + y, 0) : NaN;
  const edit = (k: number, text: string) => {
    const next = draft.map((x, j) => (j === k ? text : x));
    setDraft(next);
    const pts = next.map((x) => (x.trim() === '' ? 0 : Number(x.replace(',', '.'))));
    if (pts.every((x) => Number.isFinite(x) && x >= 0 && x <= MAX_POINTS) && pts.some((x) => x > 0)) onChange(pts);
  };
  return (
    <div className="ahp-points" data-testid="ahp-points">
      <p className="small muted" id={`${id}-h`}>
        {t('ahp.pointsHelp')}
      </p>
      <ul>
        {a.indicators.map((ind, k) => (
          <li key={ind}>
            <label htmlFor={`${id}-${k}`}>{t('ahp.pointsFor', { name: name(ind) })}</label>
            <input id={`${id}-${k}`} type="number" min={0} max={MAX_POINTS} step={1} data-testid={`ahp-points-${ind}`} value={draft[k]} onChange={(e) => edit(k, e.target.value)} />
          </li>
        ))}
      </ul>
      <p className="small" role="status" data-testid="ahp-points-total">
        {total > 0 ? t('ahp.pointsTotal', { total: formatNumber(total, i18n.language, 0) }) : t('ahp.pointsNone')}
      </p>
    </div>
  );
}

/**
 * Voting on separate devices (issue 20): the active participant's answers as a code (or a file)
 * to send, and a code received added to the group. No server: the code is the whole exchange.
 */
function OtherDevices({ a, onAdd }: { a: AhpWeighting; onAdd: (next: AhpWeighting) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const me = a.participants[a.active];
  const code = participantCode(a, a.active);
  const [incoming, setIncoming] = useState('');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const add = (text: string) => {
    try {
      const next = addParticipantFromCode(a, text);
      onAdd(next);
      setIncoming('');
      setMessage({ error: false, text: t('ahp.codeAdded', { alias: next.participants[next.active].alias || t('ahp.defaultAlias', { n: next.active + 1 }) }) });
    } catch (err) {
      if (!(err instanceof ParticipantCodeError)) throw err;
      const params = err.problem === 'personalAlias' ? { kind: t(`ahp.personalKinds.${err.params.kind}`) } : err.params;
      setMessage({ error: true, text: t(`ahp.codeProblems.${err.problem}`, params) });
    }
  };
  const alias = me.alias || t('ahp.defaultAlias', { n: a.active + 1 });
  return (
    <details className="ahp-devices" data-testid="ahp-devices">
      <summary>{t('ahp.devicesTitle')}</summary>
      <p className="small muted">{t('ahp.devicesIntro')}</p>
      <label htmlFor={`${id}-mine`}>{t('ahp.myCode', { alias })}</label>
      <textarea id={`${id}-mine`} readOnly rows={3} value={code} data-testid="ahp-my-code" onFocus={(e) => e.target.select()} />
      <div className="ahp-code-actions">
        <button
          type="button"
          onClick={() =>
            void Promise.resolve(navigator.clipboard?.writeText(code) ?? Promise.reject(new Error('no clipboard'))).then(
              () => setMessage({ error: false, text: t('ahp.copied') }),
              // as the scenario link does: the code selected, to copy by hand
              () => {
                document.querySelector<HTMLTextAreaElement>('[data-testid="ahp-my-code"]')?.select();
                setMessage({ error: false, text: t('ahp.copyByHand') });
              },
            )
          }
        >
          {t('ahp.copyCode')}
        </button>
        <button type="button" data-testid="ahp-save-code" onClick={() => download(`participante-${alias.replace(/[^\p{L}\p{N}]+/gu, '-')}.txt`, new Blob([`${code}\n`], { type: 'text/plain;charset=utf-8' }))}>
          {t('ahp.saveCode')}
        </button>
      </div>
      <label htmlFor={`${id}-in`}>{t('ahp.addCode')}</label>
      <textarea id={`${id}-in`} rows={3} value={incoming} data-testid="ahp-code-in" onChange={(e) => setIncoming(e.target.value)} />
      <div className="ahp-code-actions">
        <button type="button" data-testid="ahp-code-add" disabled={incoming.trim() === ''} onClick={() => add(incoming)}>
          {t('ahp.addCodeButton')}
        </button>
        <label>
          {t('ahp.addCodeFile')}{' '}
          <input
            type="file"
            accept=".txt,text/plain"
            data-testid="ahp-code-file"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              // a code file is a few hundred bytes: anything larger is not one
              if (f) void (f.size > 10_000 ? Promise.resolve('') : f.text()).then(add);
            }}
          />
        </label>
      </div>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error small' : 'small'} data-testid="ahp-code-message">
          {message.text}
        </p>
      )}
    </details>
  );
}
