/**
 * `npm start`'s static server (also used by the e2e tests and the benchmarks): serves a built
 * folder on 127.0.0.1 with sirv, sending the precompressed `.br`/`.gz` files the build writes,
 * `Cache-Control: immutable` on hashed assets, and the security headers.
 * Usage: `tsx src/server/serve.ts [folder=dist] [--port 4173]`.
 */
import { createServer } from 'node:http';
import sirv from 'sirv';
import { CSP_HEADER } from './csp';

const args = process.argv.slice(2);
const portAt = args.indexOf('--port');
const port = Number(portAt >= 0 ? args[portAt + 1] : (process.env.PORT ?? 4173));
const dir = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--port') ?? 'dist';

const serve = sirv(dir, {
  brotli: true,
  gzip: true,
  etag: true,
  setHeaders(res, pathname) {
    // The page's policy. (A worker takes the policy of its own script's response; sent there too,
    // it broke hyparquet's decoding in the Parquet worker, so workers keep the page's origin rules only.)
    if (pathname === '/' || pathname.endsWith('.html')) res.setHeader('Content-Security-Policy', CSP_HEADER);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    // Vite names assets by content hash: they never change. Everything else is revalidated.
    res.setHeader('Cache-Control', pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
  },
});

createServer((req, res) =>
  serve(req, res, () => {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end('No encontrado');
  }),
).listen(port, '127.0.0.1', () => console.log(`Territorio: http://127.0.0.1:${port}/ (${dir})`));
