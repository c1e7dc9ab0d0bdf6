/**
 * Regenerates the redaction block of config/sidecar.yaml from the SDK's sensitive-key list.
 *
 * Usage: node scripts/sync-redaction.ts            rewrite the config
 *        node scripts/sync-redaction.ts --check    exit 1 if the config is out of date
 */
import { readFile, writeFile } from 'node:fs/promises';
import { SENSITIVE_KEYS } from '../../sdk/src/redaction/sensitive-keys.ts';
import { replaceRedactionBlock } from '../src/redaction-patterns.ts';

const configUrl = new URL('../config/sidecar.yaml', import.meta.url);
const current = await readFile(configUrl, 'utf8');
const wanted = replaceRedactionBlock(current, SENSITIVE_KEYS);

if (current === wanted) {
  console.log('config/sidecar.yaml: redaction keys up to date');
} else if (process.argv.includes('--check')) {
  console.error('config/sidecar.yaml: redaction keys differ from the SDK list; run sync:redaction');
  process.exitCode = 1;
} else {
  await writeFile(configUrl, wanted);
  console.log(`config/sidecar.yaml: wrote ${SENSITIVE_KEYS.length} redaction key patterns`);
}
