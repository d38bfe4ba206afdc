// Entry of the ES module build (dist/emsh-interactive.mjs): the one that can load the Ink UI.
// dist/emsh.js hands interactive sessions over to it (see src/cli.ts and src/launcher.ts).
import { runCli } from './cli.js';

void runCli(process.argv.slice(2), { load: () => import('./ui/run.js') });
