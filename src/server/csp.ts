/**
 * The app's Content-Security-Policy, in one place: the build writes it into index.html's
 * `<meta>` (for any static host) and `npm start`'s server also sends it as a header, where the
 * directives a `<meta>` cannot carry (frame-ancestors) take effect too.
 * No 'unsafe-inline' anywhere: React and MapLibre set styles through the CSSOM, which CSP allows.
 */
const BASE = [
  "default-src 'self'",
  // DuckDB-WASM compiles WebAssembly
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self' data: blob:",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

export const CSP_META = BASE.join('; ');
export const CSP_HEADER = [...BASE, "frame-ancestors 'none'"].join('; ');
