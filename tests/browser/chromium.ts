/**
 * Debian's Chromium, launched so that nothing leaves the machine (see ../shared/notes/stack.md):
 * no browser download, software WebGL2 through SwiftShader, DNS mapped to nowhere.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--no-default-browser-check',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--metrics-recording-only',
  '--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider,AutofillServerCommunication',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
];

export const PREVIEW_PORT = Number(process.env.PREVIEW_PORT ?? 4173);
export const PREVIEW_URL = `http://127.0.0.1:${PREVIEW_PORT}/`;

/** The viewport of the end-to-end tests (playwright.config.ts) and of their shared context. */
export const E2E_VIEWPORT = { width: 1280, height: 800 };
