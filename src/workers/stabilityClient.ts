/**
 * Main-thread side of the stability worker. `run()` starts a run and returns a function that
 * cancels it; replies of a superseded run are dropped here, so the caller only ever hears about
 * the latest one. A worker that dies is replaced at the next run (the run it was on reports an error).
 */
import type { StabilityReply, StabilityRequest } from './stabilityProtocol';
import type { WorkerLike } from '../data/accessClient';

export type StabilityRunRequest = Omit<StabilityRequest, 'type' | 'id'>;

export interface StabilityRunner {
  run(request: StabilityRunRequest, on: (reply: StabilityReply) => void): () => void;
  terminate(): void;
}

export function createStabilityRunner(spawn: () => WorkerLike): StabilityRunner {
  let worker: WorkerLike | null = null;
  let nextId = 1;
  let current: { id: number; on: (reply: StabilityReply) => void } | null = null;

  const ensure = (): WorkerLike => {
    if (worker) return worker;
    const w = spawn();
    w.onmessage = (event: MessageEvent<StabilityReply>) => {
      const reply = event.data;
      if (current && reply.id === current.id) current.on(reply);
    };
    w.onerror = (event: ErrorEvent) => {
      event.preventDefault?.();
      w.terminate();
      if (worker === w) worker = null;
      if (current) current.on({ type: 'error', id: current.id, message: event.message || 'stability worker' });
      current = null;
    };
    worker = w;
    return w;
  };

  return {
    run(request, on) {
      const id = nextId++;
      current = { id, on };
      ensure().postMessage({ ...request, type: 'run', id } satisfies StabilityRequest);
      return () => {
        if (current?.id !== id) return;
        current = null;
        worker?.postMessage({ type: 'cancel', id });
      };
    },
    terminate() {
      current = null;
      worker?.terminate();
      worker = null;
    },
  };
}
