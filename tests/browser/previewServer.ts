import { spawn, type ChildProcess } from 'node:child_process';
import { PREVIEW_PORT } from './chromium';

export interface Preview {
  child: ChildProcess;
  url: string;
}

/** Starts `vite preview` on a built folder and resolves once it answers. */
export async function startPreview(outDir = 'dist', port = PREVIEW_PORT): Promise<Preview> {
  const url = `http://127.0.0.1:${port}/`;
  const child = spawn('npx', ['vite', 'preview', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
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
  throw new Error(`vite preview no respondió en ${url}`);
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
