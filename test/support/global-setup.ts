import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** The example services run the SDK from its build output, as any application would. */
export default function buildSdk(): void {
  const sdk = fileURLToPath(new URL('../../packages/sdk/', import.meta.url));
  const require = createRequire(import.meta.url);
  const tsc = require.resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
    cwd: sdk,
    stdio: 'inherit',
  });
}
