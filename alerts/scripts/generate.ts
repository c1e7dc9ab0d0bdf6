/**
 * Writes the rule files and promtool tests.
 *
 *   node alerts/scripts/generate.ts
 *       production rules into alerts/generated/ and unit tests into alerts/tests/ (committed)
 *   node alerts/scripts/generate.ts --check
 *       exits 1, naming the files, when the committed ones differ from a fresh generation
 *   node alerts/scripts/generate.ts --profile fast --out DIR [--time-scale 60] [--scrape-interval 1]
 *       the same rules with every window divided by the time scale, into DIR (not committed)
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fastProfile } from '../src/profile.ts';
import { renderRuleFiles } from '../src/render-rules.ts';
import { committedOutputs, type Output } from './outputs.ts';

const ALERTS_DIR = resolve(import.meta.dirname, '..');

async function write(root: string, outputs: readonly Output[]): Promise<void> {
  for (const output of outputs) {
    const path = join(root, output.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, output.content);
  }
  console.log(`wrote ${outputs.length} files under ${root}`);
}

async function stale(outputs: readonly Output[]): Promise<string[]> {
  const differing: string[] = [];
  for (const output of outputs) {
    const onDisk = await readFile(join(ALERTS_DIR, output.path), 'utf8').catch(() => undefined);
    if (onDisk !== output.content) differing.push(output.path);
  }
  return differing;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      check: { type: 'boolean', default: false },
      profile: { type: 'string', default: 'production' },
      out: { type: 'string' },
      'time-scale': { type: 'string' },
      'scrape-interval': { type: 'string' },
    },
  });

  if (values.profile === 'fast') {
    if (values.out === undefined) throw new Error('--profile fast needs --out DIR');
    const profile = fastProfile({
      timeScale: values['time-scale'] === undefined ? undefined : Number(values['time-scale']),
      scrapeIntervalSeconds:
        values['scrape-interval'] === undefined ? undefined : Number(values['scrape-interval']),
    });
    const files = renderRuleFiles({ profile });
    await write(
      resolve(values.out),
      files.map((f) => ({ path: f.fileName, content: f.content })),
    );
    return;
  }
  if (values.profile !== 'production') throw new Error(`unknown profile "${values.profile}"`);

  const outputs = committedOutputs();
  if (!values.check) return write(ALERTS_DIR, outputs);
  const differing = await stale(outputs);
  if (differing.length === 0) return;
  console.error(`out of date, run node alerts/scripts/generate.ts: ${differing.join(', ')}`);
  process.exitCode = 1;
}

await main();
