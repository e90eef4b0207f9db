/**
 * The access worker, watched (issue 15): a worker that ends without a word (a crash, the tab's
 * memory reclaimed) leaves its promises pending for ever. A call unanswered for WATCH_MS makes
 * the client start a new worker, give it the same data again and repeat the call, and say so.
 */
import { settlesWithin } from './settles';
import { createAccessClient, type AccessClient, type AccessInitData, type AccessInitInfo, type WorkerLike } from './accessClient';

/** The nearest search for every place and facility takes well under a second here. */
const WATCH_MS = 15_000;

export interface WatchedAccessClient extends AccessClient {
  /** Called after a dead worker was replaced. */
  onRestart(listener: () => void): void;
  /** For the recovery test: ends the worker the way a crash would (no event, no answer). */
  terminateWorker(): void;
}

export function watchedAccessClient(spawn: () => WorkerLike, watchMs = WATCH_MS): WatchedAccessClient {
  let worker = spawn();
  let client = createAccessClient(worker);
  // kept (copied, never transferred) so that a new worker can be given the same data
  let initData: AccessInitData | null = null;
  // the universe last set, given again to a new worker
  let universe: Uint8Array | null = null;
  let restarting: Promise<void> | null = null;
  const listeners: (() => void)[] = [];

  const restart = (): Promise<void> =>
    (restarting ??= (async () => {
      client.terminate(); // the old one's pending calls are repeated by their callers below
      worker = spawn();
      client = createAccessClient(worker);
      if (initData) await client.init(initData, { transfer: false });
      if (universe) await client.setUniverse(universe);
      listeners.forEach((l) => l());
    })().finally(() => {
      restarting = null;
    }));

  async function watched<T>(call: (c: AccessClient) => Promise<T>): Promise<T> {
    if (restarting) await restarting;
    const used = client;
    const p = call(used);
    p.catch(() => undefined);
    if (!(await settlesWithin(p, watchMs))) {
      await restart();
      return call(client);
    }
    try {
      return await p;
    } catch (err) {
      // ended by a restart another call started: ask the new worker
      if (used !== client || restarting) {
        if (restarting) await restarting;
        return call(client);
      }
      throw err;
    }
  }

  return {
    init(data: AccessInitData): Promise<AccessInitInfo> {
      initData = data;
      return client.init(data, { transfer: false });
    },
    setUniverse: (include) => {
      universe = include;
      return watched((c) => c.setUniverse(include));
    },
    compute: (category, options) => watched((c) => c.compute(category, options)),
    aggregate: (request) => watched((c) => c.aggregate(request)),
    // the brute-force reference runs for about a minute on purpose: not watched
    bruteForce: (category) => client.bruteForce(category),
    terminate: () => client.terminate(),
    onRestart: (l) => void listeners.push(l),
    terminateWorker: () => worker.terminate(),
  };
}
