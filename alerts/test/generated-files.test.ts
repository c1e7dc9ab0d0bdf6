import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { committedOutputs } from '../scripts/outputs.ts';
import { UNIT_TEST_FILES } from '../tests/cases/index.ts';
import { ALERTS_DIR } from './support/paths.ts';

describe('committed rule files and promtool tests', () => {
  const outputs = committedOutputs();

  it('cover all seven rule files and every unit-test file', () => {
    const paths = outputs.map((output) => output.path).sort();
    expect(paths.filter((path) => path.startsWith('generated/'))).toHaveLength(7);
    expect(paths.filter((path) => path.startsWith('tests/'))).toHaveLength(UNIT_TEST_FILES.length);
  });

  it.each(outputs.map((output) => [output.path, output.content]))(
    '%s equals a fresh generation (run node alerts/scripts/generate.ts)',
    async (path, content) => {
      const onDisk = await readFile(join(ALERTS_DIR, path), 'utf8');
      expect(onDisk).toBe(content);
    },
  );
});
