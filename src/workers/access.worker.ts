/// <reference lib="webworker" />
import { createAccessHandler, transferables, type AccessRequest } from './accessProtocol';

/**
 * Access gaps (issue 5) off the main thread: the nearest-facility search for 136,587 places
 * takes a few hundred ms, which would freeze the map. No DuckDB here: the page sends typed
 * arrays (src/data/accessClient.ts). Requests are answered in order, one at a time.
 */
const handle = createAccessHandler();

self.onmessage = (event: MessageEvent<AccessRequest>) => {
  const response = handle(event.data);
  postMessage(response, response.ok ? transferables(response.result) : []);
};
