/**
 * `npm run notebooks`: executes every notebook in notebooks/ headless (Deno's Jupyter kernel, run
 * by Debian's jupyter-nbconvert) and writes a rendered HTML copy of each to notebooks/html/
 * (git-ignored). A cell that throws — a failed `check`, a number that differs from the app's —
 * fails the run, and so `npm test` and CI. `npm run notebooks -- 02_metodologia` runs one.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../data/config';

const notebooksDir = path.join(PROJECT_ROOT, 'notebooks');
const htmlDir = path.join(notebooksDir, 'html');
// Deno's own binary from the npm package (its JS launcher would need the package's install script)
const deno = path.join(PROJECT_ROOT, 'node_modules', '@deno', 'linux-x64-glibc', 'deno');

// A kernelspec of our own, in a git-ignored folder: Deno from node_modules, nothing in $HOME
const jupyterPath = path.join(PROJECT_ROOT, '.cache', 'jupyter');
mkdirSync(path.join(jupyterPath, 'kernels', 'deno'), { recursive: true });
writeFileSync(
  path.join(jupyterPath, 'kernels', 'deno', 'kernel.json'),
  JSON.stringify({ argv: [deno, 'jupyter', '--kernel', '--conn', '{connection_file}'], display_name: 'Deno', language: 'typescript' }, null, 1),
);

const version = spawnSync('jupyter', ['nbconvert', '--version'], { encoding: 'utf8' });
if (version.status !== 0) {
  console.error('No se encontró jupyter-nbconvert. Instálelo: sudo apt-get install jupyter-nbconvert python3-nbclient');
  process.exit(1);
}

const only = process.argv.slice(2);
const notebooks = readdirSync(notebooksDir)
  .filter((f) => f.endsWith('.ipynb') && (only.length === 0 || only.some((o) => f.startsWith(o))))
  .sort();
mkdirSync(htmlDir, { recursive: true });
let failed = 0;
for (const nb of notebooks) {
  const started = performance.now();
  const r = spawnSync(
    'jupyter',
    ['nbconvert', '--execute', '--to', 'html', '--ExecutePreprocessor.timeout=600', '--output-dir', htmlDir, nb],
    // DENO_NO_UPDATE_CHECK: no request to the internet from the kernel
    { cwd: notebooksDir, encoding: 'utf8', env: { ...process.env, JUPYTER_PATH: jupyterPath, DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' } },
  );
  const s = ((performance.now() - started) / 1000).toFixed(1);
  if (r.status === 0) {
    console.log(`✓ ${nb} (${s} s) → notebooks/html/${nb.replace(/\.ipynb$/, '.html')}`);
  } else {
    failed++;
    console.error(`✗ ${nb} (${s} s)\n${(r.stderr ?? '').split('\n').filter((l) => !/Warning|validate\(nb\)|lexer/.test(l)).slice(-40).join('\n')}`);
  }
}
console.log(`${notebooks.length - failed} de ${notebooks.length} cuadernos ejecutados sin error`);
process.exit(failed ? 1 : 0);
