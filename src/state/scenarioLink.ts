import { scenarioFromPreset, type Scenario, type ScenarioIndicator } from './scenario';
import { ScenarioError, parseScenario, type ParsedScenario } from './scenarioCodec';
import { PRESETS } from '../domain/presets';
import { fromBase64Url, toBase64Url } from './base64url';

/**
 * A scenario in a short link: only what differs from its preset, as JSON, compressed with the
 * browser's own deflate-raw (CompressionStream) and written base64url in the hash (`#e=…`), so it
 * never reaches a server log. Decoding goes through the same validating parser as files.
 */
export const LINK_PARAM = 'e';
/** Decompressed payloads larger than this are refused (a link is a few hundred bytes). */
const MAX_PAYLOAD = 256 * 1024;
/** A link's compressed part: a real scenario (even with a full canvas) packs to a few KB. */
export const MAX_LINK_CHARS = 128 * 1024;
/** Compressed bytes handed to the decompressor at a time, so inflating stops soon after the cap. */
const INFLATE_CHUNK = 4 * 1024;

type Obj = Record<string, unknown>;

/**
 * A file the scenario used that a link cannot carry (issue 17): named in the link, so whoever
 * opens it is told which file the ranking was made with and that theirs is computed without it.
 */
export interface LeftBehind {
  kind: 'eventos' | 'datos';
  name: string;
  /** The first 12 hex digits of its SHA-256. */
  sha: string;
}
const MAX_LEFT_BEHIND = 20;

/** The user's files a scenario references: conflict events and data files. */
export function leftBehindFiles(s: Scenario): LeftBehind[] {
  return [
    ...s.userData.conflictFiles.map((f) => ({ kind: 'eventos' as const, name: f.name, sha: f.sha256.slice(0, 12) })),
    ...s.userData.files.map((f) => ({ kind: 'datos' as const, name: f.name, sha: f.sha256.slice(0, 12) })),
  ].slice(0, MAX_LEFT_BEHIND);
}

/** The `f` part of a link, read defensively: names are shown as text, so only their length is bounded. */
function readLeftBehind(f: unknown): LeftBehind[] {
  if (!Array.isArray(f)) return [];
  return f.slice(0, MAX_LEFT_BEHIND).flatMap((x) =>
    Array.isArray(x) && typeof x[1] === 'string' && typeof x[2] === 'string' && /^[0-9a-f]{1,64}$/.test(x[2])
      ? [{ kind: x[0] === 'e' ? ('eventos' as const) : ('datos' as const), name: x[1].slice(0, 120), sha: x[2].slice(0, 12) }]
      : [],
  );
}

/** A scenario opened from a link, and the files it was made with that stayed with its author. */
export type LinkedScenario = ParsedScenario & { leftBehind: LeftBehind[] };
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The differences from the preset the scenario starts from. */
export function scenarioDiff(s: Scenario): Obj {
  const base = scenarioFromPreset(s.presetId);
  const out: Obj = { v: s.version, p: s.presetId };
  const d: Obj = {};
  for (const key of Object.keys(s) as (keyof Scenario)[]) {
    if (key === 'version' || key === 'presetId' || key === 'indicators' || key === 'layers') continue;
    // A link cannot carry the user's files (they stay in this browser): their indicators are left out.
    if (key === 'userData') continue;
    // provenance always travels: a fresh preset would carry the opener's version and today's date
    if (key === 'appVersion' || key === 'createdAt' || !same(s[key], base[key])) d[key] = s[key];
  }
  if (Object.keys(d).length) out.d = d;
  const layers: Obj = {};
  for (const [name, layer] of Object.entries(s.layers) as [string, Obj][]) {
    const b = (base.layers as unknown as Record<string, Obj>)[name] ?? {};
    const changed = Object.fromEntries(Object.entries(layer).filter(([k, v]) => !same(v, b[k])));
    if (Object.keys(changed).length) layers[name] = changed;
  }
  if (Object.keys(layers).length) out.l = layers;
  const baseInd = new Map(base.indicators.map((i) => [i.id, i]));
  const ind = s.indicators.flatMap((i) => {
    const b = baseInd.get(i.id);
    const changed = Object.fromEntries(Object.entries(i).filter(([k, v]) => k !== 'id' && (!b || !same(v, b[k as keyof ScenarioIndicator]))));
    return Object.keys(changed).length ? [{ id: i.id, ...changed }] : [];
  });
  if (ind.length) out.i = ind;
  const files = leftBehindFiles(s);
  if (files.length) out.f = files.map((x) => [x.kind === 'eventos' ? 'e' : 'd', x.name.slice(0, 120), x.sha]);
  return out;
}

/** The inverse of scenarioDiff, validated: the preset with the differences applied. */
export function scenarioFromDiff(diff: unknown): LinkedScenario {
  if (typeof diff !== 'object' || diff === null || typeof (diff as Obj).p !== 'string') throw new ScenarioError('invalidLink');
  const { v, p, d, l, i, f } = diff as Obj;
  const presetId = PRESETS.some((x) => x.id === p) ? (p as string) : PRESETS[0].id;
  const base = scenarioFromPreset(presetId) as unknown as Obj;
  const baseLayers = base.layers as Record<string, Obj>;
  const layers = Object.fromEntries(
    Object.entries(baseLayers).map(([name, layer]) => [name, { ...layer, ...((l as Record<string, Obj> | undefined)?.[name] ?? {}) }]),
  );
  const patches = Array.isArray(i) ? (i as Obj[]) : [];
  const byId = new Map(patches.map((x) => [x?.id, x]));
  const indicators: unknown[] = (base.indicators as ScenarioIndicator[]).map((ind) => ({ ...ind, ...(byId.get(ind.id) ?? {}) }));
  // ids the preset does not have go through too, so the parser can report them
  for (const x of patches) if (!(base.indicators as ScenarioIndicator[]).some((ind) => ind.id === x?.id)) indicators.push(x);
  const parsed = parseScenario({ ...base, ...(typeof d === 'object' && d !== null ? d : {}), version: v, presetId, layers, indicators });
  return { ...parsed, leftBehind: readLeftBehind(f) };
}

// ---------------------------------------------------------------------------------------------
// bytes

/** The link's bytes from its text; anything not base64url is an invalid link. */
function linkBytes(s: string): Uint8Array {
  try {
    return fromBase64Url(s);
  } catch {
    throw new ScenarioError('invalidLink');
  }
}

async function readAll(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array> {
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new ScenarioError('invalidLink');
    }
    parts.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const streamOf = (bytes: Uint8Array) => new Blob([bytes as BlobPart]).stream();

/**
 * The bytes as a pull stream of small chunks. A decompressor inflates a whole input chunk at
 * once: fed 2 MB in one piece, a zip bomb inflated to 1.6 GB before the cap could stop it.
 * In 4 KB pieces, backpressure stops it after the first piece past the cap.
 */
function chunkedStreamOf(bytes: Uint8Array): ReadableStream<BufferSource> {
  let at = 0;
  return new ReadableStream<BufferSource>(
    {
      pull(controller) {
        if (at >= bytes.length) return controller.close();
        controller.enqueue(bytes.slice(at, at + INFLATE_CHUNK));
        at += INFLATE_CHUNK;
      },
    },
    { highWaterMark: 0 },
  );
}

/** Scenario → the `e` parameter of a link. */
export async function encodeScenarioLink(s: Scenario): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(scenarioDiff(s)));
  const packed = await readAll(streamOf(json).pipeThrough(new CompressionStream('deflate-raw')), Infinity);
  return toBase64Url(packed);
}

/** The `e` parameter of a link → a valid scenario, or a ScenarioError. */
export async function decodeScenarioLink(param: string): Promise<LinkedScenario> {
  if (param.length > MAX_LINK_CHARS) throw new ScenarioError('invalidLink');
  const packed = linkBytes(param);
  let json: string;
  try {
    const bytes = await readAll(chunkedStreamOf(packed).pipeThrough(new DecompressionStream('deflate-raw')), MAX_PAYLOAD);
    json = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (err) {
    if (err instanceof ScenarioError) throw err;
    throw new ScenarioError('invalidLink');
  }
  let diff: unknown;
  try {
    diff = JSON.parse(json);
  } catch {
    throw new ScenarioError('invalidLink');
  }
  return scenarioFromDiff(diff);
}

/** The full link: this page, with the scenario in the hash. */
export async function scenarioLink(s: Scenario, pageUrl: string): Promise<string> {
  const url = new URL(pageUrl);
  url.hash = `${LINK_PARAM}=${await encodeScenarioLink(s)}`;
  return url.toString();
}

/** The `e` parameter of a location hash, if any. */
export function linkParam(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return params.get(LINK_PARAM);
}
