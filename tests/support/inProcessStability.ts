import { createStabilityRunner, type StabilityRunner } from '../../src/workers/stabilityClient';
import { stabilityHandler } from '../../src/workers/stabilityRun';
import type { WorkerLike } from '../../src/data/accessClient';
import type { StabilityMessage, StabilityReply } from '../../src/workers/stabilityProtocol';

/**
 * The stability worker's own handler run in this process (Node has no Web Worker): messages are
 * structured-cloned both ways as postMessage would, and slices yield with setImmediate.
 */
export function inProcessStability(): StabilityRunner {
  return createStabilityRunner(() => {
    const w: WorkerLike & { dead: boolean } = {
      dead: false,
      onmessage: null,
      onerror: null,
      postMessage(message: unknown) {
        if (this.dead) return;
        const msg = structuredClone(message) as StabilityMessage;
        setImmediate(() => handle(msg));
      },
      terminate() {
        this.dead = true;
      },
    };
    const handle = stabilityHandler(
      (reply: StabilityReply) => !w.dead && w.onmessage?.({ data: structuredClone(reply) } as MessageEvent),
      () => new Promise<void>((r) => setImmediate(r)),
    );
    return w;
  });
}
