/**
 * Preload entry for ES module applications: `node --import @lookout/sdk/register app.js`.
 *
 * Node applies `--import` hooks only to modules loaded after them, and `import` statements are
 * resolved before any code runs, so the import hook must be registered here and confirmed active
 * before the application's first import. Registering a hook file with `--import` alone silently
 * instruments nothing on current Node. The hook is registered exactly once per process.
 */
import { register } from 'node:module';
import { createAddHookMessageChannel } from 'import-in-the-middle';
import { startFromEnvironment } from './start-from-environment.ts';

const REGISTERED = Symbol.for('lookout.esm-hook-registered');
const slot = globalThis as { [REGISTERED]?: boolean };

if (!slot[REGISTERED]) {
  slot[REGISTERED] = true;
  const { registerOptions, waitForAllMessagesAcknowledged } = createAddHookMessageChannel();
  register('@opentelemetry/instrumentation/hook.mjs', import.meta.url, registerOptions);
  // Instrumentations created by the start below announce the modules they patch to the hook...
  startFromEnvironment();
  // ...and the application may not import anything until the hook thread has acknowledged them.
  await waitForAllMessagesAcknowledged();
}
