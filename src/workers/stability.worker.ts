/// <reference lib="webworker" />
/** The stability worker: Monte Carlo and Sobol runs off the main thread (issue 14). */
import { stabilityHandler } from './stabilityRun';
import type { StabilityMessage } from './stabilityProtocol';

declare const self: DedicatedWorkerGlobalScope;

// a MessageChannel round trip yields to the event loop without the 4 ms clamp of nested timers
const channel = new MessageChannel();
let resume: (() => void) | null = null;
channel.port1.onmessage = () => {
  const r = resume;
  resume = null;
  r?.();
};
const pause = () =>
  new Promise<void>((resolve) => {
    resume = resolve;
    channel.port2.postMessage(0);
  });

const handle = stabilityHandler((reply) => self.postMessage(reply), pause);
self.onmessage = (event: MessageEvent<StabilityMessage>) => handle(event.data);
