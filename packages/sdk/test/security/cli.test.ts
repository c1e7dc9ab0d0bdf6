import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { auditEvents } from './support/audit-records.ts';
import { listen } from './support/listen.ts';
import { buildSecureApp, type ExpressApp } from './support/secure-app.ts';
import { securityFixture } from './support/security-env.ts';
import { tempDir } from './support/temp-dir.ts';

const run = promisify(execFile);
const KEYS_CLI = fileURLToPath(new URL('../../src/cli/lookout-keys.ts', import.meta.url));
const AUDIT_CLI = fileURLToPath(new URL('../../src/cli/lookout-audit.ts', import.meta.url));
const KEY_FORMAT = /^lko_[0-9A-Za-z]{11}_[0-9A-Za-z]{39}$/;

/** Runs a CLI as its own Node process and returns its exit code and output, never throwing. */
async function cli(script: string, args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, [script, ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('lookout-keys and lookout-audit', () => {
  it('creates, lists, rotates and revokes keys that a running server honours', async () => {
    using dir = tempDir();
    const fixture = securityFixture(dir);
    await using secure = await buildSecureApp(
      express as unknown as () => ExpressApp,
      fixture.config,
    );
    await using server = await listen(secure.app);
    const orders = (key: string) =>
      fetch(`${server.url}/orders`, { headers: { authorization: `Bearer ${key}` } });

    const created = await cli(
      KEYS_CLI,
      ['create', '--name', 'ci-deploy', '--scopes', 'orders:read'],
      fixture.env,
    );
    const key = created.stdout.trim();
    expect(created.code).toBe(0);
    expect(key).toMatch(KEY_FORMAT);
    expect(created.stderr).toMatch(/only time the key is shown/);
    expect((await orders(key)).status).toBe(200);

    const listed = await cli(KEYS_CLI, ['list', '--json'], fixture.env);
    const [record] = JSON.parse(listed.stdout) as { id: string; status: string }[];
    expect(record).toMatchObject({ status: 'active', name: 'ci-deploy', scopes: ['orders:read'] });
    expect(listed.stdout).not.toContain(key.slice(16));
    expect(listed.stdout).not.toContain('hash');

    const rotated = await cli(
      KEYS_CLI,
      ['rotate', String(record?.id), '--overlap-hours', '0', '--json'],
      fixture.env,
    );
    const successor = JSON.parse(rotated.stdout) as { key: string; id: string };
    expect(successor.key).toMatch(KEY_FORMAT);
    expect(await statusWithin(() => orders(key), 401)).toBe(401);
    expect((await orders(successor.key)).status).toBe(200);

    const revoked = await cli(
      KEYS_CLI,
      ['revoke', successor.id, '--reason', 'offboarding'],
      fixture.env,
    );
    expect(revoked.code).toBe(0);
    expect(await statusWithin(() => orders(successor.key), 401)).toBe(401);

    expect(auditEvents(fixture.auditPath, 'key.created')).toMatchObject([
      { name: 'ci-deploy', scopes: ['orders:read'] },
    ]);
    expect(auditEvents(fixture.auditPath, 'key.rotated')).toMatchObject([
      { key_id: record?.id, new_key_id: successor.id },
    ]);
    expect(auditEvents(fixture.auditPath, 'key.revoked')).toMatchObject([
      { key_id: successor.id, reason: 'offboarding' },
    ]);
    expect(auditEvents(fixture.auditPath, 'admin.action').map((r) => r.command)).toEqual([
      'keys.create',
      'keys.list',
      'keys.rotate',
      'keys.revoke',
    ]);
    expect(readFileSync(fixture.auditPath, 'utf8')).not.toContain(key.slice(16));

    await secure.audit.close();
    const verified = await cli(AUDIT_CLI, ['verify', fixture.auditPath], {});
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/^OK .* records in 5 chain\(s\)/);
  });

  it('reports the first tampered line and exits 1', async () => {
    using dir = tempDir();
    const fixture = securityFixture(dir);
    await cli(KEYS_CLI, ['create', '--name', 'a'], fixture.env);
    const rows = readFileSync(fixture.auditPath, 'utf8').trimEnd().split('\n');
    rows[2] = String(rows[2]).replace('"name":"a"', '"name":"b"');
    writeFileSync(fixture.auditPath, `${rows.join('\n')}\n`);

    const verified = await cli(AUDIT_CLI, ['verify', fixture.auditPath], {});

    expect(verified.code).toBe(1);
    expect(verified.stdout).toMatch(/^TAMPERED .*audit\.log:3: content does not match its hash/);
  });

  it('refuses to run without a configured store and explains why', async () => {
    const result = await cli(KEYS_CLI, ['list'], {});

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/LOOKOUT_KEY_STORE and LOOKOUT_API_KEY_SECRET must be set/);
  });

  it('rejects an unknown command and a bad option with usage and exit code 2', async () => {
    const unknown = await cli(KEYS_CLI, ['delete-all'], {});
    const badOption = await cli(KEYS_CLI, ['create', '--nmae', 'x'], {});

    expect([unknown.code, badOption.code]).toEqual([2, 2]);
    expect(unknown.stderr).toMatch(/Usage: lookout-keys/);
  });
});

/** Polls until `request` answers `status` (the server re-reads the key file periodically). */
async function statusWithin(request: () => Promise<Response>, status: number, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  let last = 0;
  while (Date.now() < deadline) {
    last = (await request()).status;
    if (last === status) return last;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return last;
}
