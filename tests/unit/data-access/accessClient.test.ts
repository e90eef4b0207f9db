// The access client against the real handler, in a fake worker that answers asynchronously
// (like a Worker) so requests overlap as they do when a slider moves quickly.
import { describe, expect, it } from 'vitest';
import { createAccessClient, type WorkerLike } from '../../../src/data/accessClient';
import { createAccessHandler, type AccessRequest } from '../../../src/workers/accessProtocol';
import { watchedAccessClient } from '../../../src/data/watchedAccess';

class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  readonly received: AccessRequest[] = [];
  private readonly handle = createAccessHandler();
  /** A terminated worker answers nothing and says nothing, like a crashed one. */
  dead = false;

  postMessage(message: unknown): void {
    const req = structuredClone(message) as AccessRequest;
    this.received.push(req);
    setTimeout(() => !this.dead && this.onmessage?.({ data: this.handle(req) } as MessageEvent), 5);
  }

  terminate(): void {
    this.dead = true;
  }
}

function initData() {
  return {
    places: { lon: Float32Array.from([-75, -75.5, -76, -77]), lat: Float32Array.from([-10, -10, -10, -10]) },
    facilities: { lon: Float64Array.from([-75, -77]), lat: Float64Array.from([-10, -10]), rank: Uint8Array.from([1, 5]) },
    units: {
      placeDistrict: Int32Array.from([0, 0, 1, 1]), districtCount: 2,
      districtProvince: Int32Array.from([0, 0]), provinceCount: 1,
      districtPopulation: Float64Array.from([1000, 500]),
    },
  };
}

describe('access client', () => {
  it('initialises, computes and aggregates', async () => {
    const client = createAccessClient(new FakeWorker());
    const info = await client.init(initData(), { transfer: false });
    expect(info.places).toBe(4);
    expect(info.facilities).toBe(2);
    expect(Object.keys(info.indexMs).sort()).toEqual(['any', 'emergency', 'hospital', 'min_I3', 'min_I4']);
    const nearest = await client.compute('any');
    expect(Array.from(nearest!.facility)).toEqual([0, 0, 0, 1]);
    const r = await client.aggregate({ category: 'any', thresholdKm: 30, level: 'distrito' });
    expect(Array.from(r!.places)).toEqual([2, 2]);
    expect(Array.from(r!.beyond)).toEqual([1, 1]);
  });

  it('lets the latest aggregate win and never queues more than one behind the one running', async () => {
    const worker = new FakeWorker();
    const client = createAccessClient(worker);
    await client.init(initData(), { transfer: false });
    const thresholds = [5, 10, 15, 20, 25, 60];
    const results = await Promise.all(thresholds.map((t) => client.aggregate({ category: 'any', thresholdKm: t, level: 'distrito' })));
    // The first was already running (its answer is stale once others are asked); the middle
    // ones were replaced before being sent; only the last is answered.
    expect(results.slice(0, -1)).toEqual([null, null, null, null, null]);
    expect(results.at(-1)!.thresholdKm).toBe(60);
    expect(worker.received.filter((m) => m.type === 'aggregate').map((m) => (m as { thresholdKm: number }).thresholdKm)).toEqual([5, 60]);
  });

  it('rejects with the worker error', async () => {
    const client = createAccessClient(new FakeWorker());
    await expect(client.compute('any')).rejects.toThrow(/init first/);
  });

  it('transfers the input arrays unless told not to', async () => {
    const sent: Transferable[][] = [];
    const worker = new FakeWorker();
    const post = worker.postMessage.bind(worker);
    worker.postMessage = (m: unknown, transfer?: Transferable[]) => {
      sent.push(transfer ?? []);
      post(m);
    };
    const client = createAccessClient(worker);
    await client.init(initData());
    expect(sent[0].length).toBe(8);
  });

  it('a worker that dies without a word is replaced, given the same data, and the call answered', async () => {
    const spawned: FakeWorker[] = [];
    const client = watchedAccessClient(() => {
      const w = new FakeWorker();
      spawned.push(w);
      return w;
    }, 50);
    let restarts = 0;
    client.onRestart(() => restarts++);
    await client.init(initData());
    const before = await client.compute('any');
    client.terminateWorker();
    const after = await client.compute('any', { fresh: true });
    expect(restarts).toBe(1);
    expect(spawned).toHaveLength(2);
    // the new worker was initialised with the same places and facilities before the call
    expect(spawned[1].received.map((m) => m.type)).toEqual(['init', 'compute']);
    expect(Array.from(after!.facility)).toEqual(Array.from(before!.facility));
    const r = await client.aggregate({ category: 'any', thresholdKm: 30, level: 'distrito' });
    expect(Array.from(r!.beyond)).toEqual([1, 1]);
  });
});
