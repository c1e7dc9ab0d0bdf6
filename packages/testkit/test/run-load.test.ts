import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { getFreePort, percentile, runLoad } from '../src/index.ts';

async function serve(handler: RequestListener) {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    [Symbol.asyncDispose]: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('runLoad', () => {
  it('sends rps × duration requests on schedule and reports their latencies', async () => {
    await using server = await serve((_, res) => res.end('ok'));

    const result = await runLoad({
      urls: [`${server.url}/a`, `${server.url}/b`],
      rps: 200,
      durationMs: 500,
    });

    expect(result).toMatchObject({ sent: 100, ok: 100, failed: 0, statusCounts: { '200': 100 } });
    expect(result.latenciesMs).toHaveLength(100);
    expect(result.p50).toBeLessThanOrEqual(result.p99);
    expect(result.p99).toBeLessThanOrEqual(result.max);
    expect(result.samples.map((sample) => sample.offsetMs)).toEqual(
      Array.from({ length: 100 }, (_, i) => i * 5),
    );
    // 100 requests at 200/s take about 500 ms; a generous margin absorbs a busy machine.
    expect(result.durationMs).toBeGreaterThanOrEqual(490);
    expect(result.durationMs).toBeLessThan(2000);
  });

  it('builds requests with the factory and counts error statuses as failed', async () => {
    const seen: string[] = [];
    await using server = await serve((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        seen.push(`${req.method} ${body}`);
        res.writeHead(body === '3' ? 500 : 201).end();
      });
    });

    const result = await runLoad({
      requestFactory: (index) => ({ url: server.url, method: 'POST', body: String(index) }),
      rps: 100,
      durationMs: 100,
    });

    expect(result.statusCounts).toEqual({ '201': 9, '500': 1 });
    expect(result).toMatchObject({ sent: 10, ok: 9, failed: 1 });
    expect(seen).toContain('POST 3');
  });

  it('counts refused connections by error code', async () => {
    const port = await getFreePort();
    const result = await runLoad({ urls: [`http://127.0.0.1:${port}/`], rps: 50, durationMs: 100 });
    expect(result).toMatchObject({ sent: 5, ok: 0, failed: 5, statusCounts: { ECONNREFUSED: 5 } });
  });

  it('measures from the scheduled start, so a stalled server shows in p99', async () => {
    // One request at a time, each taking 100 ms, against a schedule of one every 20 ms: a
    // closed-model tool would report ~100 ms; the queue behind the stall is the real latency.
    await using server = await serve((_, res) => setTimeout(() => res.end(), 100));

    const result = await runLoad({ urls: [server.url], rps: 50, durationMs: 400, concurrency: 1 });

    expect(result.sent).toBe(20);
    expect(result.p50).toBeGreaterThan(500);
    expect(result.maxStartDelayMs).toBeGreaterThan(1000);
  });
});

describe('percentile', () => {
  it('uses the nearest rank', () => {
    const values = [5, 1, 4, 2, 3, 6, 7, 8, 9, 10];
    expect(percentile(values, 0.5)).toBe(5);
    expect(percentile(values, 0.99)).toBe(10);
    expect(percentile(values, 0.1)).toBe(1);
    expect(percentile([], 0.5)).toBeNaN();
  });
});
