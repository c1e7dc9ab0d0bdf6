import { readFileSync, writeFileSync } from 'node:fs';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { LOOKOUT_METRICS } from '../../src/metrics/names.ts';
import { hashRecord } from '../../src/security/audit/audit-chain.ts';
import { createAuditLog } from '../../src/security/audit/audit-log.ts';
import { canonicalJson } from '../../src/security/audit/canonical-json.ts';
import { recordConfigLoaded } from '../../src/security/audit/config-loaded.ts';
import { verifyAuditFile } from '../../src/security/audit/verify-audit.ts';
import { parseSecurityEnv } from '../../src/security/config/parse-security-env.ts';
import { Secret } from '../../src/security/secret.ts';
import { readAuditRecords } from './support/audit-records.ts';
import { tempDir } from './support/temp-dir.ts';

async function writeLog(path: string, events: number, chainKey?: Secret) {
  const registry = new Registry();
  const audit = createAuditLog({ destination: path, registry, chainKey, service: 'test' });
  for (let i = 0; i < events; i += 1)
    audit.record('admin.action', { command: `step-${i}`, actor: 'test' });
  await audit.close();
  return registry;
}

const lines = (path: string) => readFileSync(path, 'utf8').trimEnd().split('\n');
const save = (path: string, rows: string[]) => writeFileSync(path, `${rows.join('\n')}\n`);

describe('audit log', () => {
  it('writes one canonical JSON record per line, linked by hash, and counts events', async () => {
    using dir = tempDir();
    const path = dir.file('audit.log');

    const registry = await writeLog(path, 3);

    const records = readAuditRecords(path);
    expect(records.map((r) => [r.event, r.seq])).toEqual([
      ['audit.started', 0],
      ['admin.action', 1],
      ['admin.action', 2],
      ['admin.action', 3],
    ]);
    for (const [i, record] of records.entries()) {
      expect(record.hash).toBe(hashRecord(record));
      if (i > 0) expect(record.prev_hash).toBe(records[i - 1]?.hash);
      expect(lines(path)[i]).toBe(canonicalJson(record));
    }
    expect(await registry.getSingleMetricAsString(LOOKOUT_METRICS.auditEvents)).toContain(
      'lookout_audit_events_total{event="admin.action"} 3',
    );
    expect(await verifyAuditFile(path)).toMatchObject({ ok: true, records: 4 });
  });

  it('names the line of an edited record', async () => {
    using dir = tempDir();
    const path = dir.file('audit.log');
    await writeLog(path, 4);
    const rows = lines(path);
    rows[2] = String(rows[2]).replace('"actor":"test"', '"actor":"mallory"');
    save(path, rows);

    expect(await verifyAuditFile(path)).toMatchObject({
      ok: false,
      line: 3,
      reason: expect.stringMatching(/edited/),
    });
  });

  it('names the line after a deleted record', async () => {
    using dir = tempDir();
    const path = dir.file('audit.log');
    await writeLog(path, 4);
    const rows = lines(path);
    rows.splice(2, 1);
    save(path, rows);

    expect(await verifyAuditFile(path)).toMatchObject({
      ok: false,
      line: 3,
      reason: expect.stringMatching(/deleted/),
    });
  });

  it('names the first line of a reordering', async () => {
    using dir = tempDir();
    const path = dir.file('audit.log');
    await writeLog(path, 4);
    const rows = lines(path);
    [rows[2], rows[3]] = [String(rows[3]), String(rows[2])];
    save(path, rows);

    expect(await verifyAuditFile(path)).toMatchObject({ ok: false, line: 3 });
  });

  it('detects a deleted first record', async () => {
    using dir = tempDir();
    const path = dir.file('audit.log');
    await writeLog(path, 2);
    save(path, lines(path).slice(1));

    expect(await verifyAuditFile(path)).toMatchObject({ ok: false, line: 1 });
    expect(await verifyAuditFile(path, { allowPartial: true })).toMatchObject({ ok: true });
  });

  it('detects a record edited and rehashed, because the next record no longer links', async () => {
    using dir = tempDir();
    const path = dir.file('audit.log');
    await writeLog(path, 3);
    const rows = lines(path);
    const forged = { ...JSON.parse(String(rows[1])), actor: 'mallory' };
    rows[1] = canonicalJson({ ...forged, hash: hashRecord(forged) });
    save(path, rows);

    expect(await verifyAuditFile(path)).toMatchObject({
      ok: false,
      line: 3,
      reason: expect.stringMatching(/replaced/),
    });
  });

  it('links a second writer to the file’s last record, so a deletion across restarts shows', async () => {
    using dir = tempDir();
    const path = dir.file('audit.log');
    await writeLog(path, 2);
    await writeLog(path, 2);
    expect(await verifyAuditFile(path)).toMatchObject({ ok: true, records: 6, chains: [{}, {}] });

    const rows = lines(path);
    rows.splice(2, 1);
    save(path, rows);

    expect(await verifyAuditFile(path)).toMatchObject({ ok: false, line: 3 });
  });

  it('with a chain key, rejects a forged chain recomputed without it', async () => {
    using dir = tempDir();
    const path = dir.file('audit.log');
    const key = new Secret('k'.repeat(40));
    await writeLog(path, 2, key);
    expect(await verifyAuditFile(path, { key: key.reveal() })).toMatchObject({ ok: true });

    const forged = lines(path).map((row) => {
      const { hash: _h, ...rest } = JSON.parse(row);
      const record = { ...rest, alg: 'sha256', actor: 'mallory' };
      return canonicalJson({ ...record, hash: hashRecord(record) });
    });
    save(path, forged);

    expect(await verifyAuditFile(path, { key: key.reveal() })).toMatchObject({
      ok: false,
      line: 1,
    });
    expect(await verifyAuditFile(path, { key: 'x'.repeat(40) })).toMatchObject({
      ok: false,
      line: 1,
    });
  });

  it('keeps its own fields when a caller passes fields of the same name', async () => {
    using dir = tempDir();
    const path = dir.file('audit.log');
    const audit = createAuditLog({ destination: path, registry: new Registry() });
    audit.record('auth.failure', {
      seq: 999,
      hash: 'forged',
      event: 'auth.success',
      reason: 'mismatch',
    });
    await audit.close();

    const [, record] = readAuditRecords(path);
    expect(record).toMatchObject({ seq: 1, event: 'auth.failure', reason: 'mismatch' });
    expect(await verifyAuditFile(path)).toMatchObject({ ok: true });
  });

  it('records the configuration it started with, secrets only as present or absent', async () => {
    using dir = tempDir();
    const path = dir.file('audit.log');
    const secret = 'an-api-key-secret-that-is-long-enough-0123456789';
    const config = parseSecurityEnv({
      LOOKOUT_API_KEY_SECRET: secret,
      LOOKOUT_CORS_ORIGINS: 'https://app.example.com',
      LOOKOUT_TRUST_PROXY_HOPS: '1',
    });
    const audit = createAuditLog({ destination: path, registry: new Registry() });

    recordConfigLoaded(audit, config, '0.1.0');
    await audit.close();

    const [, record] = readAuditRecords(path);
    expect(record).toMatchObject({
      event: 'config.loaded',
      trust_proxy_hops: 1,
      cors_origins: ['https://app.example.com'],
      rate_limit_groups: ['default=300/60000ms'],
      api_keys: false,
    });
    expect(readFileSync(path, 'utf8')).not.toContain(secret);
  });
});
