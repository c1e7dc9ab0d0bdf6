/**
 * Writes `.env.production.example` and `docs/configuration.md` from the settings tables.
 *
 *   pnpm --filter @lookout/sdk generate:config-docs            writes both files
 *   pnpm --filter @lookout/sdk generate:config-docs --check    exits 1, naming the files,
 *                                                              when the committed ones differ
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { configDocOutputs } from './config-docs/outputs.ts';

const REPO_ROOT = resolve(import.meta.dirname, '../../..');

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
  const outputs = configDocOutputs();

  if (!values.check) {
    for (const output of outputs) await writeFile(join(REPO_ROOT, output.path), output.content);
    console.log(`wrote ${outputs.map((output) => output.path).join(', ')}`);
    return;
  }
  const stale: string[] = [];
  for (const output of outputs) {
    const committed = await readFile(join(REPO_ROOT, output.path), 'utf8').catch(() => undefined);
    if (committed !== output.content) stale.push(output.path);
  }
  if (stale.length === 0) return;
  const command = 'pnpm --filter @lookout/sdk generate:config-docs';
  console.error(`out of date, run ${command}: ${stale.join(', ')}`);
  process.exitCode = 1;
}

await main();
