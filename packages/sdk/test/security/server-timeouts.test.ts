import { connect, type Socket } from 'node:net';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { parseSecurityEnv } from '../../src/security/config/parse-security-env.ts';
import type { ServerTimeoutsConfig } from '../../src/security/config/security-config.ts';
import { applyServerTimeouts, serverOptions } from '../../src/security/server-timeouts.ts';
import { listen } from './support/listen.ts';

// Short limits so the test waits a second, not Node's defaults of a minute and more.
const FAST: ServerTimeoutsConfig = {
  headersTimeoutMs: 500,
  requestTimeoutMs: 1000,
  keepAliveTimeoutMs: 300,
  connectionsCheckingIntervalMs: 100,
  maxHeaderBytes: 4096,
};

function app() {
  const instance = express();
  instance.post('/upload', (req, res) => {
    req.resume();
    req.on('end', () => res.json({ ok: true }));
  });
  instance.get('/', (_req, res) => res.json({ ok: true }));
  return instance;
}

/** Opens a raw connection and resolves with what the server sent before closing it. */
function trickle(port: number, start: string, drip: string, everyMs: number) {
  return new Promise<{ response: string; closedAfterMs: number }>((resolve) => {
    const begun = Date.now();
    let response = '';
    const socket: Socket = connect(port, '127.0.0.1', () => socket.write(start));
    const timer = setInterval(() => socket.writable && socket.write(drip), everyMs);
    socket.on('data', (chunk) => (response += chunk.toString()));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ response, closedAfterMs: Date.now() - begun });
    });
  });
}

describe('server timeouts', () => {
  it('closes a slowloris connection that never finishes its headers', async () => {
    await using server = await listen(app(), {}, (s) => applyServerTimeouts(s, FAST));

    const result = await trickle(
      server.port,
      'GET / HTTP/1.1\r\nHost: x\r\n',
      'X-Padding: a\r\n',
      100,
    );

    expect(result.response).toMatch(/^HTTP\/1\.1 408/);
    expect(result.closedAfterMs).toBeLessThan(2000);
  });

  it('closes a client that sends its body too slowly', async () => {
    await using server = await listen(app(), {}, (s) => applyServerTimeouts(s, FAST));
    const head =
      'POST /upload HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n';

    const result = await trickle(server.port, head, 'x', 100);

    expect(result.response).toMatch(/^HTTP\/1\.1 408/);
    expect(result.closedAfterMs).toBeLessThan(3000);
  });

  it('closes an idle keep-alive connection after the keep-alive timeout', async () => {
    await using server = await listen(app(), {}, (s) => applyServerTimeouts(s, FAST));

    const result = await trickle(server.port, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n', '', 10_000);

    expect(result.response).toMatch(/^HTTP\/1\.1 200/);
    // Node adds up to a second of grace to the keep-alive timeout; its default would be 5 s.
    expect(result.closedAfterMs).toBeLessThan(3000);
  });

  it('answers 431 to a header block over the size limit', async () => {
    await using server = await listen(app(), serverOptions(FAST));

    const raw = await trickle(
      server.port,
      `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(8192)}\r\n\r\n`,
      '',
      10_000,
    );

    expect(raw.response).toMatch(/^HTTP\/1\.1 431/);
  });

  it('defaults to limits far below Node’s own', () => {
    const { server } = parseSecurityEnv({});

    expect(server).toEqual({
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      keepAliveTimeoutMs: 5000,
      connectionsCheckingIntervalMs: 1000,
      maxHeaderBytes: 16_384,
    });
  });
});
