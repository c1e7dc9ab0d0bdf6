/**
 * docs/sidecar-settings.md promises to list every variable the sidecar config reads; this keeps
 * the promise as the config grows.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, SIDECAR_CONFIG } from './support/paths.ts';

const SETTINGS_DOC = join(REPO_ROOT, 'docs', 'sidecar-settings.md');

describe('the sidecar settings page', () => {
  it('documents every environment variable the sidecar config reads, with its default', async () => {
    // Comments mention the syntax itself (`${env:NAME:-default}`); only settings count.
    const config = (await readFile(SIDECAR_CONFIG, 'utf8')).replace(/^\s*#.*$/gm, '');
    const doc = await readFile(SETTINGS_DOC, 'utf8');
    const references = [...config.matchAll(/\$\{env:(\w+)(?::-([^}]*))?\}/g)];

    expect(references.length).toBeGreaterThan(0);
    for (const [, name, fallback] of references) {
      const row = doc
        .split('\n')
        .find((line) => new RegExp(`^\\|\\s*\`${name}\`\\s*\\|`).test(line));
      expect(row, `${name} has no row`).toBeDefined();
      if (fallback !== undefined && fallback !== '[]')
        expect(row, name).toContain(`\`${fallback}\``);
    }
  });
});
