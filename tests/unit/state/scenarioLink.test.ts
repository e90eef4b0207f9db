import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../../src/state/scenario';
import { ScenarioError } from '../../../src/state/scenarioCodec';
import { MAX_LINK_CHARS, decodeScenarioLink, encodeScenarioLink, linkParam, scenarioDiff, scenarioFromDiff, scenarioLink } from '../../../src/state/scenarioLink';
import { workshopScenario } from './workshopScenario';

describe('scenario link', () => {
  it('round-trips a workshop scenario through the compressed hash', async () => {
    const s = workshopScenario();
    const param = await encodeScenarioLink(s);
    expect(param).toMatch(/^[A-Za-z0-9_-]+$/);
    const { scenario } = await decodeScenarioLink(param);
    expect(scenario).toEqual(s);
  });

  it('a typical workshop scenario makes a link under 2,000 characters', async () => {
    const url = await scenarioLink(workshopScenario(), 'https://territorio.example.gob.pe/app/index.html');
    expect(url.length).toBeLessThan(2000);
    expect(linkParam(new URL(url).hash)).not.toBeNull();
  });

  it('encodes only the differences from the preset', () => {
    const diff = scenarioDiff(defaultScenario());
    expect(diff.i).toBeUndefined();
    expect(diff.l).toBeUndefined();
    const w = scenarioDiff(workshopScenario());
    expect(w.i).toEqual([{ id: 'pobreza_pct', weight: 35 }]);
    expect(w.l).toEqual({ facilities: { visible: true, minAge: 30 } });
    expect(scenarioFromDiff(JSON.parse(JSON.stringify(w))).scenario).toEqual(workshopScenario());
  });

  it('refuses a damaged link with a typed error', async () => {
    const param = await encodeScenarioLink(workshopScenario());
    for (const bad of [param.slice(0, 20), 'no es base64!', 'AAAA']) {
      await expect(decodeScenarioLink(bad)).rejects.toBeInstanceOf(ScenarioError);
    }
    expect(linkParam('#x=1')).toBeNull();
  });

  it('refuses a zip bomb quickly: an over-long link at once, a smaller bomb soon after the inflate cap', async () => {
    const deflate = async (bytes: Uint8Array) =>
      new Uint8Array(await new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
    const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
    // 300 MB of zeros pack to ~290 KB: longer than any link may be
    const big = b64(await deflate(new Uint8Array(300 * 1024 * 1024)));
    expect(big.length).toBeGreaterThan(MAX_LINK_CHARS);
    let t0 = performance.now();
    await expect(decodeScenarioLink(big)).rejects.toMatchObject({ key: 'invalidLink' });
    expect(performance.now() - t0).toBeLessThan(50);
    // 80 MB of zeros pack to ~78 KB: under the length cap, so it reaches the decompressor
    const small = b64(await deflate(new Uint8Array(80 * 1024 * 1024)));
    expect(small.length).toBeLessThan(MAX_LINK_CHARS);
    t0 = performance.now();
    await expect(decodeScenarioLink(small)).rejects.toMatchObject({ key: 'invalidLink' });
    expect(performance.now() - t0).toBeLessThan(1000);
  }, 60_000);
});
