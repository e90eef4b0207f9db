import { indicatorById } from '../domain/indicators';
import { judgementLabel, pairs } from '../domain/ahp';
import { ahpOutcome, type AhpWeighting } from '../state/ahpWeighting';
import type { Tr } from './provenance';

/**
 * How the weights came from pairwise comparisons (issue 20), in one paragraph for every export:
 * the method, each participant (alias) with every judgement and its CR, and how the group was
 * formed, so the weights can be recomputed from the export alone.
 */
export function ahpText(a: AhpWeighting | null, t: Tr, lng: 'es' | 'en'): string | null {
  if (!a) return null;
  const outcome = ahpOutcome(a);
  const name = (id: string) => indicatorById(id).label[lng];
  const pp = pairs(a.indicators.length);
  const members = a.participants.map((p, k) =>
    p.points
      ? t('ahp.exportPoints', { alias: p.alias, points: a.indicators.map((id, m) => `${name(id)} ${p.points![m]}`).join('; ') })
      : t('ahp.exportParticipant', {
      alias: p.alias,
      cr: (outcome.participants[k].consistency.cr ?? 0).toFixed(2),
      judgements: pp.map(([i, j], m) => `${name(a.indicators[i])} / ${name(a.indicators[j])} = ${judgementLabel(p.judgements[m])}`).join('; '),
    }),
  );
  return t('ahp.exportLine', {
    method: t(`ahp.methods.${a.method}`),
    count: a.participants.length,
    members: members.join(' '),
    group: a.participants.length > 1 ? t(`ahp.groups.${a.group}`) : '—',
  });
}
