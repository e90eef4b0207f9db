import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { VitePWA } from 'vite-plugin-pwa';
import { CSP_META } from './src/server/csp';

/** Files worth compressing: text, the DuckDB wasm, boundaries. (Parquet and images are compressed already.) */
const COMPRESSIBLE = /\.(js|mjs|css|html|json|topojson|geojson|wasm|svg|txt|webmanifest)$/;

/**
 * Writes `x.br` and `x.gz` beside every compressible file of the build, so any server that
 * serves precompressed files (`npm start`'s, nginx `gzip_static`/`brotli_static`, Caddy
 * `precompressed`) sends the 34 MB DuckDB wasm as about 6 MB. Brotli quality 9 (6 above 4 MB:
 * the wasm would take 7 s at 9 for 3 % less).
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'territorio-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir).flatMap((name) => {
          const path = join(dir, name);
          return statSync(path).isDirectory() ? walk(path) : [path];
        });
      for (const file of walk(outDir)) {
        if (!COMPRESSIBLE.test(file)) continue;
        const bytes = readFileSync(file);
        if (bytes.length < 1024) continue;
        const quality = bytes.length > 4 * 1024 * 1024 ? 6 : 9;
        writeFileSync(`${file}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
        writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    precompress(),
    // Offline workshops (issue 15): a Workbox service worker precaches the app shell, the DuckDB
    // wasm and workers, the data files and the basemap, so after one visit the app opens and
    // reloads with the network cut. A new build waits until the user accepts the update.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false, // registered from src/pwa.ts (no inline script: the CSP forbids it)
      manifest: {
        name: 'Territorio — priorización de inversión en salud',
        short_name: 'Territorio',
        description: '¿En qué provincias priorizamos la inversión en mantenimiento de establecimientos de salud este año?',
        lang: 'es',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#fafafa',
        theme_color: '#12355b',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,wasm,parquet,topojson,json,svg,png,webmanifest}'],
        // the .br/.gz twins are the same files, negotiated by the server; the bench pages are not the app
        globIgnores: ['**/*.br', '**/*.gz', 'bench*.html'],
        // the DuckDB wasm is 34 MB uncompressed (Workbox's default limit is 2 MB)
        maximumFileSizeToCacheInBytes: 40 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // the first visit is served by the worker as soon as it is installed: a network lost in
        // that same session still finds the districts and places it has not opened yet
        clientsClaim: true,
      },
    }),
    {
      name: 'territorio-csp',
      // the policy is written into the page from src/server/csp.ts, the one definition
      transformIndexHtml: (html) => html.replace('%TERRITORIO_CSP%', CSP_META),
    },
  ],
  // Relative base: the built app works from any folder or sub-path, fully offline.
  base: './',
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
  },
  worker: { format: 'es' },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
