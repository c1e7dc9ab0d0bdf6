import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAST_PROFILE, renderRuleFiles } from '../src/index.ts';
import { GENERATED_DIR, UNIT_TESTS_DIR } from './support/paths.ts';
import { run } from './support/run.ts';

const ruleFiles = (await readdir(GENERATED_DIR)).filter((name) => name.endsWith('.rules.yaml'));
const unitTests = (await readdir(UNIT_TESTS_DIR)).filter((name) => name.endsWith('.test.yaml'));

describe('promtool check rules', () => {
  it.each(ruleFiles)('accepts the production %s', async (name) => {
    const result = await run('promtool', [
      'check',
      'rules',
      '--lint-fatal',
      join(GENERATED_DIR, name),
    ]);
    expect(result.output).toContain('SUCCESS');
    expect(result.ok, result.output).toBe(true);
  });

  describe('the fast profile', () => {
    let dir = '';
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'lookout-fast-rules-'));
      for (const file of renderRuleFiles({ profile: FAST_PROFILE })) {
        await writeFile(join(dir, file.fileName), file.content);
      }
    });
    afterAll(() => rm(dir, { recursive: true, force: true }));

    it('renders rule files promtool accepts', async () => {
      const files = ruleFiles.map((name) => join(dir, name));
      const result = await run('promtool', ['check', 'rules', '--lint-fatal', ...files]);
      expect(result.ok, result.output).toBe(true);
    });
  });
});

describe('promtool test rules', () => {
  // Concurrent: the SLO files replay hours of samples and dominate the run; two cores halve it.
  it.concurrent.each(unitTests)('passes every case of %s', async (name) => {
    const result = await run('promtool', ['test', 'rules', name], UNIT_TESTS_DIR);
    expect(result.ok, result.output).toBe(true);
    expect(result.output).toContain('SUCCESS');
  });

  it('fails when an expectation is wrong, so a green run means something', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lookout-promtool-'));
    try {
      const broken = {
        rule_files: [join(GENERATED_DIR, 'watchdog.rules.yaml')],
        tests: [
          {
            interval: '1m',
            input_series: [],
            alert_rule_test: [{ eval_time: '1m', alertname: 'Watchdog', exp_alerts: [] }],
          },
        ],
      };
      await writeFile(join(dir, 'broken.test.yaml'), JSON.stringify(broken));
      const result = await run('promtool', ['test', 'rules', 'broken.test.yaml'], dir);
      expect(result.ok).toBe(false);
      expect(result.output).toContain('FAILED');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
