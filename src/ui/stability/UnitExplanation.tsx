import { useTranslation } from 'react-i18next';
import { useStore } from '../../state/store';
import type { Ranking } from '../../state/ranking';
import { explainUnit } from '../../domain/stability/explain';
import { stableWidth } from '../../domain/stability/uncertainty';
import { renderText } from '../textCode';
import { useScopeName } from '../ScopeSelector';
import { useIndicatorLabel } from './StabilityPanel';
import { bandOf } from './stabilityView';

/** «Pobreza monetaria» → «pobreza monetaria» inside a sentence; an acronym («IDH …») stays. */
const midSentence = (label: string) => (/^\p{Lu}\p{Ll}/u.test(label) ? label[0].toLocaleLowerCase('es') + label.slice(1) : label);

/**
 * The unit's position in plain words, from the numbers alone: rank, the two indicators that
 * explain most of its score, and how the rank held up when the assumptions varied.
 */
export function UnitExplanation({ ranking, index, ubigeo }: { ranking: Ranking; index: number; ubigeo: string }) {
  const { t } = useTranslation();
  const st = useStore((s) => s.derived.stability);
  const settings = useStore((s) => s.scenario.stability);
  const scopeName = useScopeName();
  const label = useIndicatorLabel();
  const result = st?.fresh ? st.result : null;
  const band = bandOf(result, ubigeo);
  const contributions = ranking.rank[index] > 0 ? ranking.contributionsOf(index) : null;
  const codes = explainUnit({
    ubigeo,
    rank: ranking.rank[index],
    ranked: ranking.order.length,
    scopeName,
    contributions: contributions ? ranking.indicatorIds.map((id, j) => ({ id, points: contributions[j] })) : [],
    stability:
      result && band
        ? {
            draws: result.summary.draws,
            topN: result.summary.topN,
            pTopN: band.pTopN,
            p05: band.p05,
            p95: band.p95,
            median: band.median,
            factors: result.factors.map((f) => f.kind),
            weightMode: settings.weights === 'off' ? undefined : settings.weights,
            weightNoise: settings.weightNoise,
          }
        : undefined,
    stableWidth: stableWidth(ranking.order.length),
    labelOf: (id) => midSentence(label(id)),
  });
  return (
    <p className="explanation" data-testid="unit-explanation">
      {codes.map((c) => renderText(t, c)).join(' ')}
    </p>
  );
}
