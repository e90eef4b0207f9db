// Imported with its type attribute so that Deno (the notebooks' kernel) loads it too; the whole
// package.json (≈ 3 kB) is then bundled, not only `version`.
import pkg from '../../package.json' with { type: 'json' };

/** The app's version (package.json), written into every scenario and export. */
export const APP_VERSION: string = pkg.version;
