// Only `version` is bundled: Vite turns JSON into named exports that tree-shake.
import { version } from '../../package.json';

/** The app's version (package.json), written into every scenario and export. */
export const APP_VERSION: string = version;
