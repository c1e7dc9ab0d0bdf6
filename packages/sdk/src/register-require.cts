/**
 * Preload entry for CommonJS applications: `node -r @lookout/sdk/register app.js`. CommonJS
 * modules are patched as they are required, so starting before the application's first
 * `require` is enough; the SDK itself is an ES module loaded through `require(esm)`.
 */
const { startFromEnvironment } =
  require('./start-from-environment.js') as typeof import('./start-from-environment.ts');

startFromEnvironment();
