import type { AddressInfo } from 'node:net';
import express5 from 'express';
import express4 from 'express4';
import { afterAll, describe, expect, it } from 'vitest';
import { httpMetricsMiddleware } from '../../src/metrics/http-metrics.ts';
import { MetricsRegistry } from '../../src/metrics/metrics-registry.ts';
import { MetricsRenderer } from '../../src/metrics/render-metrics.ts';

type ExpressFactory = typeof express5;

/** Routes shaped like a real service: nested routers, parameters, a wildcard. */
function buildApp(express: ExpressFactory, wildcard: string) {
  const metrics = new MetricsRegistry();
  const app = express();
  app.use(httpMetricsMiddleware(metrics));
  const items = express.Router();
  items.get('/:itemId', (_req, res) => void res.json({ ok: true }));
  const orders = express.Router();
  orders.get('/', (_req, res) => void res.json([]));
  orders.get('/:orderId', (_req, res) => void res.status(200).end());
  orders.use('/:orderId/items', items);
  app.use('/api/orders', orders);
  app.get(wildcard, (_req, res) => void res.end('file'));
  app.use((_req, res) => void res.status(404).end());
  return { app, metrics };
}

async function exercise(express: ExpressFactory, wildcard: string) {
  const { app, metrics } = buildApp(express, wildcard);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  for (const path of [
    '/api/orders',
    '/api/orders/17',
    '/api/orders/18',
    '/api/orders/17/items/3',
    '/files/a/b.txt',
    '/nope/123',
    '/nope/456',
  ]) {
    await (await fetch(`${base}${path}`)).arrayBuffer();
  }
  const { body } = await new MetricsRenderer(metrics.registry).render('prometheus');
  server.close();
  return body;
}

const routesOf = (body: string) =>
  [
    ...body.matchAll(
      /http_server_request_duration_seconds_count\{[^}]*http_route="([^"]+)"[^}]*\} (\d+)/g,
    ),
  ].map(([, route, count]) => `${route} ${count}`);

describe.each([
  ['Express 5', express5, '/files/*path'],
  ['Express 4', express4 as unknown as ExpressFactory, '/files/*'],
])('route labels on %s', (_name, express, wildcard) => {
  let body = '';
  afterAll(() => undefined);

  it('labels each request with its full route template, never its URL', async () => {
    body = await exercise(express, wildcard);
    expect(routesOf(body).sort()).toEqual(
      [
        '/api/orders 1',
        '/api/orders/:orderId 2',
        '/api/orders/:orderId/items/:itemId 1',
        '/files/* 1',
        'unmatched 2',
      ].sort(),
    );
    expect(body).not.toMatch(/http_route="[^"]*(17|18|123|456|b\.txt)/);
  });

  it('records method and status code with the stable semantic-convention label names', () => {
    expect(body).toMatch(
      /http_server_request_duration_seconds_count\{http_request_method="GET",http_route="unmatched",http_response_status_code="404"\} 2/,
    );
  });
});
