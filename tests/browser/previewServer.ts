import { spawn, type ChildProcess } from 'node:child_process';
import { PREVIEW_PORT } from './chromium';

export interface Preview {
  child: ChildProcess;
  url: string;
}

/** Starts the app's static server (src/server/serve.ts, as `npm start`) on a built folder and resolves once it answers. */
export async function startPreview(outDir = 'dist', port = PREVIEW_PORT): Promise<Preview> {
  const url = `http://127.0.0.1:${port}/`;
  const child = spawn('npx', ['tsx', 'src/server/serve.ts', outDir, '--port', String(port)], {
    stdio: 'ignore',
    detached: true,
  });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return { child, url }; // answering at all is enough (dist-bench has no index.html)
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  stopPreview({ child, url });
  throw new Error(`el servidor estático no respondió en ${url}`);
}

export function stopPreview({ child }: Preview) {
  if (child.pid) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
}
