import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATED_DIR } from '../src/paths.ts';
import { generated } from './support/fixtures.ts';

describe('generated dashboard JSON', () => {
  it.each(generated.map((d) => [d.uid, d] as const))(
    'commits %s exactly as a fresh generation',
    (uid, dashboard) => {
      const text = readFileSync(join(GENERATED_DIR, `${uid}.json`), 'utf8');
      expect(text, 'run `node scripts/generate.ts` in dashboards/').toBe(dashboard.json);
    },
  );

  it('commits no file for a dashboard that has no definition', () => {
    const files = readdirSync(GENERATED_DIR).sort();
    expect(files).toEqual(generated.map((d) => `${d.uid}.json`).sort());
  });

  it('writes keys in sorted order with a trailing newline', () => {
    for (const dashboard of generated) {
      expect(dashboard.json.endsWith('}\n')).toBe(true);
      const keys = Object.keys(JSON.parse(dashboard.json) as object);
      expect(keys).toEqual([...keys].sort());
    }
  });

  it('names each file after the UID inside it', () => {
    for (const dashboard of generated) {
      expect((JSON.parse(dashboard.json) as { uid: string }).uid).toBe(dashboard.uid);
    }
  });
});
