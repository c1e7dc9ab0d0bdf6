import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnProcess } from '@lookout/testkit';
import { describe, expect, it } from 'vitest';
import {
  requireSidecarBinary,
  SIDECAR_CONFIG,
  SIDECAR_DEBUG_OVERLAY,
} from '../src/testing/index.ts';

/** Runs `otelcol-lookout validate` on `configs` and returns its exit code and output. */
async function validate(configs: string[], env: Record<string, string> = {}) {
  await using process = await spawnProcess({
    command: requireSidecarBinary(),
    args: ['validate', ...configs.flatMap((config) => ['--config', config])],
    env,
  });
  const exit = await process.exited;
  return { code: exit.code, output: process.output.all.map((line) => line.text).join('\n') };
}

describe('sidecar config', () => {
  it('is accepted by the built collector with its defaults', async () => {
    const result = await validate([SIDECAR_CONFIG]);
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });

  it('is accepted with the debug overlay merged on top', async () => {
    const result = await validate([SIDECAR_CONFIG, SIDECAR_DEBUG_OVERLAY]);
    expect(result.code, result.output).toBe(0);
  });

  it('takes backend credentials as a header map from the environment', async () => {
    const headers = '{"Authorization": "Basic dXNlcjp0b2tlbg==", "X-Scope-OrgID": "team-a"}';
    const result = await validate([SIDECAR_CONFIG], {
      LOOKOUT_TEMPO_HEADERS: headers,
      LOOKOUT_LOKI_HEADERS: headers,
      LOOKOUT_PROMETHEUS_HEADERS: headers,
    });
    expect(result.code, result.output).toBe(0);
  });

  it('reads a header map from the secret file that a variable names', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'lookout-sidecar-secret-'));
    try {
      const secret = join(directory, 'vendor-headers');
      await writeFile(secret, '{"Authorization": "Bearer from-a-file"}\n');
      const found = await validate([SIDECAR_CONFIG], {
        LOOKOUT_TEMPO_HEADERS: `\${file:${secret}}`,
      });
      const missing = await validate([SIDECAR_CONFIG], {
        LOOKOUT_TEMPO_HEADERS: `\${file:${join(directory, 'absent')}}`,
      });

      expect(found.code, found.output).toBe(0);
      // Proves the file is really read: a missing one fails validation.
      expect(missing.code).not.toBe(0);
      expect(missing.output).toMatch(/no such file/);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it('is rejected when a setting from the environment is malformed', async () => {
    // Proves validation really reads the environment: a bad duration must fail it.
    const result = await validate([SIDECAR_CONFIG], { LOOKOUT_RETRY_MAX_ELAPSED_TIME: 'soon' });
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/max_elapsed_time|duration/);
  });
});
