import { createServer, type IncomingHttpHeaders, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSentryReceiver } from '@lookout/testkit';
import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKey } from '../../src/security/api-keys/key-format.ts';
import { Secret } from '../../src/security/secret.ts';
import { initSentry, type SentryHandle } from '../../src/security/sentry.ts';
import { listen } from './support/listen.ts';

const KEY = generateKey().key;
const SECRETS = {
  apiKey: KEY,
  bearer: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJlLXZhbHVl',
  cookie: 'session-cookie-value-7f3a9',
  password: 'correct-horse-battery-staple',
  card: '4111 1111 1111 1111',
  queryToken: 'query-token-9c2e1d',
  urlPassword: 'url-password-55aa',
};

// OpenTelemetry as the SDK sets it up: a global tracer provider and an AsyncLocalStorage
// context manager. Sentry must neither replace them nor add spans of its own.
const exporter = new InMemorySpanExporter();
const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });
const contextManager = new AsyncLocalStorageContextManager().enable();
let sentry: SentryHandle | undefined;
let handlersBefore = 0;
let receiver: Awaited<ReturnType<typeof startSentryReceiver>>;

beforeAll(async () => {
  context.setGlobalContextManager(contextManager);
  trace.setGlobalTracerProvider(provider);
  receiver = await startSentryReceiver();
  handlersBefore = processHandlers();
  sentry = initSentry(
    {
      dsn: new Secret(receiver.dsn),
      environment: 'test',
      release: '1.2.3',
      sampleRate: 1,
      captureUncaught: false,
    },
    { extraSensitiveKeys: ['x-internal-signature'] },
  );
});

afterAll(async () => {
  await sentry?.close(2000);
  await receiver[Symbol.asyncDispose]();
  await provider.shutdown();
  trace.disable();
  context.disable();
});

function processHandlers(): number {
  return process.listenerCount('uncaughtException') + process.listenerCount('unhandledRejection');
}

/** A downstream service that records the headers of each request it receives. */
async function downstream() {
  const seen: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    seen.push(req.headers);
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    seen,
    port,
    [Symbol.asyncDispose]: () => new Promise<void>((r) => server.close(() => r())),
  };
}

function appCalling(downstreamPort: number) {
  const app = express();
  const tracer = trace.getTracer('test');
  // Stands in for the HTTP instrumentation: each request runs inside an active server span.
  app.use((req, res, next) => {
    tracer.startActiveSpan(`${req.method} ${req.path}`, (span) => {
      res.on('finish', () => span.end());
      next();
    });
  });
  app.post('/checkout', (_req, _res, next) => {
    const call = request({ port: downstreamPort, host: '127.0.0.1', path: '/stock' }, (res) => {
      res.resume();
      res.on('end', () =>
        next(
          new Error(`payment failed for card ${SECRETS.card} with password=${SECRETS.password}`),
        ),
      );
    });
    call.end();
  });
  if (sentry === undefined) throw new Error('Sentry should be on when SENTRY_DSN is set');
  app.use(sentry.errorHandler());
  app.use(((_err, _req, res, _next) =>
    res.status(500).json({ failed: true })) as express.ErrorRequestHandler);
  return app;
}

describe('Sentry error reporting', () => {
  it('stays off without a DSN', () => {
    expect(
      initSentry({
        dsn: undefined,
        environment: undefined,
        release: undefined,
        sampleRate: 1,
        captureUncaught: false,
      }),
    ).toBeUndefined();
  });

  it('reports an error with the OpenTelemetry trace id and without any secret', async () => {
    await using down = await downstream();
    await using server = await listen(appCalling(down.port));

    const response = await fetch(
      `${server.url}/checkout?page=2&token=${SECRETS.queryToken}&next=https://bob:${SECRETS.urlPassword}@example.com/`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${SECRETS.bearer}`,
          'x-api-key': SECRETS.apiKey,
          cookie: `session=${SECRETS.cookie}`,
          'x-internal-signature': 'sig-value-31337',
          'content-type': 'application/json',
        },
        body: JSON.stringify({ password: SECRETS.password }),
      },
    );
    expect(response.status).toBe(500);
    await sentry?.flush(5000);

    const [event] = await receiver.events.waitFor((e) => e.type === 'event', { timeoutMs: 10_000 });
    const [span] = exporter.getFinishedSpans().filter((s) => s.name === 'POST /checkout');
    expect(event?.traceId).toBe(span?.spanContext().traceId);
    expect(event?.payload.contexts?.trace?.span_id).toBe(span?.spanContext().spanId);
    expect(event?.payload.exception?.values?.[0]?.value).toContain(
      'payment failed for card [Filtered]',
    );
    expect(event?.payload.request).toMatchObject({
      method: 'POST',
      query_string: expect.stringContaining('page=2'),
    });

    const raw = receiver.envelopes.all.map((envelope) => envelope.rawBody).join('\n');
    for (const [name, secret] of Object.entries(SECRETS)) {
      expect(raw, `${name} leaked to Sentry`).not.toContain(secret);
    }
    expect(raw).not.toContain('sig-value-31337');
    expect(raw).not.toContain(SECRETS.card.replaceAll(' ', ''));
  });

  it('installs no process-wide error handlers unless asked to', () => {
    expect(processHandlers()).toBe(handlersBefore);
  });

  it('adds no trace header of its own and sends no spans', async () => {
    await using down = await downstream();
    await using server = await listen(appCalling(down.port));

    await fetch(`${server.url}/checkout`, { method: 'POST' });
    await sentry?.flush(5000);

    expect(down.seen).toHaveLength(1);
    expect(down.seen[0]).not.toHaveProperty('sentry-trace');
    expect(down.seen[0]).not.toHaveProperty('baggage');
    expect(receiver.transactions.all).toHaveLength(0);
    expect(receiver.spans.all).toHaveLength(0);
    expect(trace.getTracerProvider()).not.toHaveProperty(
      'constructor.name',
      'SentryTracerProvider',
    );
  });
});
