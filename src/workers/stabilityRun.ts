/**
 * One stability run, in time slices: the draws (median rank, band, top-N probabilities), then
 * the Saltelli design (Sobol indices). Between slices it yields to the worker's event loop, so a
 * newer run's message can arrive, and it stops as soon as `stopped()` says so. Pure TS: the
 * worker and the Node tests run this same code.
 */
import { mulberry32 } from '../domain/random';
import { RankHistogram, createEvaluator, meanRankShift, nextDraw, summarise } from '../domain/stability/uncertainty';
import { emptyOutputs, runDesignRows, saltelliDesign, sobolIndices } from '../domain/stability/sobol';
import type { StabilityMessage, StabilityReply, StabilityRequest } from './stabilityProtocol';

/** Work done between two yields (ms): short enough for a cancel to land quickly. */
const SLICE_MS = 25;

export async function runStability(
  req: StabilityRequest,
  emit: (reply: StabilityReply) => void,
  stopped: () => boolean,
  pause: () => Promise<void>,
): Promise<void> {
  const { id, model, settings, topN } = req;
  try {
    const ev = createEvaluator(model, settings);
    const m = model.scope.length;
    const ranks = new Int32Array(m);
    const u = new Float64Array(ev.dims);
    const random = mulberry32(settings.seed);
    const histogram = new RankHistogram(m, settings.draws);
    let busy = 0;
    let d = 0;
    while (d < settings.draws) {
      const t0 = performance.now();
      do {
        ev.evaluate(nextDraw(random, u), ranks);
        histogram.add(ranks);
        d++;
      } while (d < settings.draws && performance.now() - t0 < SLICE_MS);
      busy += performance.now() - t0;
      if (d < settings.draws) {
        emit({ type: 'progress', id, phase: 'draws', done: d, total: settings.draws });
        await pause();
        if (stopped()) return;
      }
    }
    const t1 = performance.now();
    const summary = summarise(histogram, topN);
    busy += performance.now() - t1;
    emit({ type: 'uncertainty', id, summary, baseRanks: ev.baseRanks, factors: ev.factors, ms: busy });

    if (req.sobol && ev.factors.length >= 2) {
      await pause();
      if (stopped()) return;
      // its own stream of the seed, so the draws above do not depend on whether Sobol runs
      const design = saltelliDesign(settings.sobolN, ev.factors.map((f) => f.width), mulberry32(settings.seed ^ 0x5b1d));
      const out = emptyOutputs(design);
      const model = (x: Float64Array) => {
        ev.evaluate(x, ranks);
        return meanRankShift(ranks, ev.baseRanks);
      };
      let sobolBusy = 0;
      let r = 0;
      while (r < design.n) {
        const t0 = performance.now();
        const from = r;
        do r++;
        while (r < design.n && performance.now() - t0 < SLICE_MS && r - from < 64);
        runDesignRows(design, model, out, from, r);
        sobolBusy += performance.now() - t0;
        if (r < design.n) {
          emit({ type: 'progress', id, phase: 'sobol', done: r, total: design.n });
          await pause();
          if (stopped()) return;
        }
      }
      emit({ type: 'sobol', id, indices: sobolIndices(out), factors: ev.factors, ms: sobolBusy });
    }
    emit({ type: 'done', id });
  } catch (err) {
    emit({ type: 'error', id, message: err instanceof Error ? err.message : String(err) });
  }
}

/** The worker's message handler: only the latest run is worked on; a new run or a cancel stops the one in progress at its next slice. */
export function stabilityHandler(post: (reply: StabilityReply) => void, pause: () => Promise<void>): (msg: StabilityMessage) => void {
  let current = 0;
  return (msg) => {
    if (msg.type === 'cancel') {
      if (current === msg.id) current = 0;
      return;
    }
    current = msg.id;
    void runStability(msg, post, () => current !== msg.id, pause);
  };
}
