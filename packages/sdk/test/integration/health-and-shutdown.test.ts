import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Health } from '../../src/health/health.ts';
import { MetricsRegistry } from '../../src/metrics/metrics-registry.ts';
import { Shutdown } from '../../src/shutdown/shutdown.ts';

const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

async function serve(handler: Parameters<typeof createServer>[1]) {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function readiness(health: Health) {
  const { url } = await serve(health.readyHandler());
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('readiness', () => {
  it('answers 200 when every check passes', async () => {
    const health = new Health(new MetricsRegistry(), 1000);
    health.addCheck('redis', async () => 'PONG');
    const { status, body } = await readiness(health);
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ready', checks: { redis: { status: 'pass' } } });
  });

  it('answers 503 with a reason for each failing or slow check', async () => {
    const health = new Health(new MetricsRegistry(), 1000);
    health.addCheck('redis', async () => {
      throw new Error('ECONNREFUSED 127.0.0.1:6379');
    });
    health.addCheck(
      'inventory',
      (signal) =>
        new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))),
      {
        timeoutMs: 50,
      },
    );
    health.addCheck('disk', () => true);
    const { status, body } = await readiness(health);
    expect(status).toBe(503);
    expect(body).toMatchObject({
      status: 'not_ready',
      checks: {
        redis: { status: 'fail', reason: 'ECONNREFUSED 127.0.0.1:6379' },
        inventory: { status: 'fail', reason: 'timed out after 50 ms' },
        disk: { status: 'pass' },
      },
    });
  });

  it('exports the outcome of each check as a gauge', async () => {
    const metrics = new MetricsRegistry();
    const health = new Health(metrics, 1000);
    health.addCheck('redis', () => false);
    await health.readiness();
    const gauge = await metrics.registry.getSingleMetricAsString('lookout_health_check_status');
    expect(gauge).toContain('lookout_health_check_status{check="redis"} 0');
  });
});

describe('shutdown', () => {
  function setup(graceMs: number, flush: (ms: number) => Promise<boolean> = async () => true) {
    const health = new Health(new MetricsRegistry(), 1000);
    const shutdown = new Shutdown({
      delayMs: 0,
      graceMs,
      timeoutMs: 500,
      health,
      flushTelemetry: flush,
    });
    return { health, shutdown };
  }

  it('turns readiness 503 at once, lets an in-flight request finish, then refuses new connections', async () => {
    const { health, shutdown } = setup(5000);
    let release = () => {};
    const { server, url } = await serve((req, res) => {
      if (req.url === '/slow') release = () => res.end('done');
      else res.end('fast');
    });
    shutdown.track(server);
    const slow = fetch(`${url}/slow`).then((r) => r.text());
    await new Promise((resolve) => setTimeout(resolve, 50));

    const result = shutdown.run();
    expect((await health.readiness()).status).toBe('shutting_down');
    await expect(fetch(`${url}/fast`)).rejects.toThrow();
    release();
    expect(await slow).toBe('done');
    expect(await result).toEqual({ drained: true, flushed: true });
  });

  it('closes requests that outlive the grace period and says so', async () => {
    const { shutdown } = setup(100);
    const { server, url } = await serve(() => {
      /* never answers */
    });
    shutdown.track(server);
    const hanging = new Promise((resolve) => request(url, resolve).on('error', resolve).end());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await shutdown.run()).toEqual({ drained: false, flushed: true });
    await hanging;
  });

  it('is idempotent and bounded by the flush deadline', async () => {
    const { shutdown } = setup(10, () => new Promise(() => {}));
    const started = Date.now();
    const [first, second] = await Promise.all([shutdown.run(), shutdown.run()]);
    expect(first).toBe(second);
    expect(first.flushed).toBe(false);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('runs the application hooks after requests drain', async () => {
    const { shutdown } = setup(100);
    const order: string[] = [];
    shutdown.onShutdown(() => order.push('close redis'));
    await shutdown.run();
    expect(order).toEqual(['close redis']);
  });
});
