import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderQuery } from '../src/index.ts';
import { queries } from './support/fixtures.ts';

const run = promisify(execFile);

// Values a dashboard would substitute on a one-hour view; durations Prometheus accepts.
const VALUES = {
  service: 'orders',
  environment: '.*',
  instance: '.*',
  sidecar: '.*',
  sidecar_instance: '.*',
  __rate_interval: '1m',
  __range: '1h',
  __interval: '15s',
};

// Every PromQL target as a recording rule: promtool then checks it with Prometheus' own parser.
function rulesFile(): string {
  const rules = queries
    .filter((query) => query.datasource === 'prometheus')
    .map((query, index) => {
      const expr = JSON.stringify(renderQuery(query, VALUES));
      return `      - record: lookout:dashboard_query_${index}\n        expr: ${expr}\n`;
    });
  return `groups:\n  - name: dashboard-queries\n    rules:\n${rules.join('')}`;
}

describe('promtool', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lookout-dashboards-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('accepts every PromQL target with the variables substituted', async () => {
    const file = join(dir, 'queries.yml');
    await writeFile(file, rulesFile());
    const { stdout } = await run('promtool', ['check', 'rules', file]);
    expect(stdout).toMatch(/SUCCESS: \d+ rules found/);
  });
});
