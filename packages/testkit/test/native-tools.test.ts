import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MissingBinaryError, runPromtool, startPrometheus, startRedis } from '../src/index.ts';

/** Sends one inline Redis command and resolves with the first reply line. */
function redisCommand(port: number, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(`${command}\r\n`));
    socket.once('data', (data) => {
      resolve(data.toString('utf8').trim());
      socket.end();
    });
    socket.once('error', reject);
  });
}

describe('startRedis', () => {
  it('answers PING on its port and frees the port when stopped', async () => {
    const redis = await startRedis();
    expect(redis.url).toBe(`redis://127.0.0.1:${redis.port}`);
    expect(await redisCommand(redis.port, 'PING')).toBe('+PONG');
    expect(await redisCommand(redis.port, 'CONFIG GET save')).toContain('save');

    await redis.stop();
    await expect(redisCommand(redis.port, 'PING')).rejects.toThrow(/ECONNREFUSED/);
  });
});

describe('runPromtool', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'testkit-promtool-'));
  });
  afterAll(() => rm(directory, { recursive: true, force: true }));

  it('reports success for valid rules and the error for invalid ones', async () => {
    const valid = join(directory, 'valid.yml');
    const invalid = join(directory, 'invalid.yml');
    await writeFile(
      valid,
      'groups:\n  - name: g\n    rules:\n      - record: a:b\n        expr: up\n',
    );
    await writeFile(
      invalid,
      'groups:\n  - name: g\n    rules:\n      - record: a:b\n        expr: sum(\n',
    );

    expect(await runPromtool(['check', 'rules', valid])).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('SUCCESS: 1 rules found'),
    });
    const failed = await runPromtool(['check', 'rules', invalid]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/parse error/);
  });

  it('lints a scrape given on stdin', async () => {
    const scrape = '# HELP requests Requests\n# TYPE requests counter\nrequests 1\n';
    const result = await runPromtool(['check', 'metrics'], { stdin: scrape });
    expect(result.code).toBe(3);
    expect(result.stdout + result.stderr).toMatch(/counter metrics should have "_total" suffix/);
  });
});

describe('native binaries', () => {
  it('names the Debian package when a binary is missing', async () => {
    const start = startPrometheus({ binary: '/nonexistent/prometheus' });
    await expect(start).rejects.toThrow(MissingBinaryError);
    await expect(start).rejects.toThrow(/apt-get install -y prometheus$/);
  });
});
