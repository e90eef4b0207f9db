import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH, E2E_VIEWPORT, PREVIEW_PORT, PREVIEW_URL } from './tests/browser/chromium';

// End-to-end tests run against the production build (`npm run build`), served as `npm start` serves it.
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 90_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    baseURL: PREVIEW_URL,
    viewport: E2E_VIEWPORT,
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    screenshot: 'only-on-failure',
    // The service worker would precache ~40 MB in every test; tests/e2e/offline.spec.ts allows it.
    serviceWorkers: 'block',
  },
  webServer: {
    // E2E_DIST lets a second build (e.g. `vite build --outDir dist-x`) be tested on its own port.
    // the app's own static server (precompressed files, security headers), as `npm start` runs it
    command: `npx tsx src/server/serve.ts ${process.env.E2E_DIST ?? 'dist'} --port ${PREVIEW_PORT}`,
    url: PREVIEW_URL,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
