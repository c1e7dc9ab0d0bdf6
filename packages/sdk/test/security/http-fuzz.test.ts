import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { serverOptions } from '../../src/security/server-timeouts.ts';
import { listen } from './support/listen.ts';
import { buildSecureApp, EXPRESS_VERSIONS } from './support/secure-app.ts';
import { securityFixture } from './support/security-env.ts';
import { tempDir } from './support/temp-dir.ts';

/** A small seeded generator (mulberry32), so a failing case can be replayed from its seed. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = 0x10c0;
const CASES = 150;
const PATHS = [
  '/public',
  '/orders',
  '/echo',
  '/orders/%2e%2e/%00',
  '/%ff',
  '/public?x=%E0%A4%A',
  '/\u00e9',
];
const TRACEPARENTS = [
  '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
  '00-00000000000000000000000000000000-0000000000000000-00',
  'ff-zz-yy-xx',
  `00-${'a'.repeat(500)}-b7ad6b7169203331-01`,
  '',
];
const BAGGAGE = ['k=v', 'k=%ZZ', `${'k=v,'.repeat(400)}`, ';;;,,,=', 'a=b;c;d=e=f'];

function body(next: () => number): string {
  const choices = [
    () => JSON.stringify({ item: 'x', quantity: Math.floor(next() * 2000) - 500 }),
    () => `${'['.repeat(1 + Math.floor(next() * 5000))}`,
    () => `${'{"a":'.repeat(200)}1${'}'.repeat(200)}`,
    () =>
      Buffer.from(Array.from({ length: 64 }, () => Math.floor(next() * 256))).toString('latin1'),
    () => '{"item": "\\ud800", "quantity": 1e309}',
    () => '{"item": [], "quantity": {"$ne": null}, "__proto__": {"x": 1}}',
    () => 'null',
    () => '"just a string"',
  ];
  return choices[Math.floor(next() * choices.length)]?.() ?? '{}';
}

describe.each(EXPRESS_VERSIONS)('HTTP surface fuzzing on %s', (_name, createApp) => {
  it(`answers ${CASES} malformed requests with 2xx or 4xx only and keeps serving`, async () => {
    using dir = tempDir();
    const fixture = securityFixture(dir, {
      LOOKOUT_BODY_LIMIT_BYTES: '4096',
      LOOKOUT_JSON_MAX_DEPTH: '16',
    });
    await using secure = await buildSecureApp(createApp, fixture.config);
    await using server = await listen(secure.app, serverOptions(fixture.config.server));
    const next = random(SEED);
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;
    const statuses = new Map<number, number>();

    for (let i = 0; i < CASES; i += 1) {
      const headers: Record<string, string> = {
        traceparent: pick(TRACEPARENTS),
        baggage: pick(BAGGAGE),
        'content-type': pick([
          'application/json',
          'application/json; charset=utf-8',
          'text/plain',
          'application/vnd.x+json',
        ]),
        authorization: pick([
          '',
          'Bearer',
          'Bearer lko_',
          `Bearer ${'A'.repeat(3000)}`,
          'Basic Og==',
        ]),
        origin: pick(['https://evil.example', 'null', '', 'https://app.example.com']),
      };
      const clean = Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== ''));
      const method = pick(['GET', 'POST', 'PUT', 'OPTIONS', 'DELETE']);
      const response = await fetch(`${server.url}${pick(PATHS)}`, {
        method,
        headers: clean,
        body: method === 'GET' || method === 'OPTIONS' ? undefined : body(next),
      });
      const text = await response.text();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      expect(response.status, `case ${i} (seed ${SEED}): ${text.slice(0, 200)}`).toBeLessThan(500);
      expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);
    }

    const oversized = await rawStatus(
      server.port,
      `GET /public HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    const garbage = await rawStatus(server.port, 'GARBAGE\r\n\r\n');
    expect([oversized, garbage]).toEqual([431, 400]);
    expect((await fetch(`${server.url}/public`)).status).toBe(200);
    expect([...statuses.keys()].every((status) => status < 500)).toBe(true);
  });
});

/** Sends raw bytes and returns the status of the answer, for requests fetch refuses to send. */
function rawStatus(port: number, payload: string): Promise<number> {
  return new Promise((resolve) => {
    let response = '';
    const socket = connect(port, '127.0.0.1', () => socket.end(payload));
    socket.on('data', (chunk) => (response += chunk.toString()));
    socket.on('error', () => {});
    socket.on('close', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0)));
  });
}
