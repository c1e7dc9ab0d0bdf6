import { type OtlpReceiver, spawnProcess, startOtlpReceiver } from '@lookout/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ESM_PRELOAD, FIXTURES, startService } from './support.ts';

let receiver: OtlpReceiver;
beforeAll(async () => {
  receiver = await startOtlpReceiver();
});
afterAll(() => receiver.stop());

describe('an instrumented service', () => {
  it('answers errors as problem+json without stack traces, logged with the trace id', async () => {
    await using app = await startService({
      receiver,
      preload: ESM_PRELOAD,
      env: { NODE_ENV: 'production' },
    });
    const crash = await fetch(`${app.url}/crash`);
    expect(crash.status).toBe(500);
    expect(crash.headers.get('content-type')).toContain('application/problem+json');
    const body = (await crash.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 500, title: 'Internal Server Error', instance: '/crash' });
    expect(JSON.stringify(body)).not.toMatch(/stack|hunter2|at .*\.mjs/);

    await app.process.waitForLine(/"msg":"request failed"/);
    const logged = app.process.jsonLines().find((line) => line.msg === 'request failed');
    expect(logged?.trace_id).toBe(body.trace_id);
    expect(JSON.stringify(logged)).not.toContain('hunter2');

    const teapot = await fetch(`${app.url}/teapot`);
    expect(teapot.status).toBe(418);
    expect(await teapot.json()).toMatchObject({ status: 418, detail: 'I only make tea.' });
    const missing = await fetch(`${app.url}/no/such/thing`);
    expect(missing.status).toBe(404);
  });

  it('serves exemplars whose trace ids are the exported spans’ trace ids', async () => {
    await using app = await startService({
      receiver,
      preload: ESM_PRELOAD,
      env: { OTEL_SERVICE_NAME: 'exemplars' },
    });
    await (await fetch(`${app.url}/hello/grace`)).arrayBuffer();
    const scrape = await fetch(`${app.url}/metrics`, {
      headers: { accept: 'application/openmetrics-text' },
    });
    const text = await scrape.text();
    const exemplar = text.match(
      /http_route="\/hello\/:name".*# \{trace_id="([0-9a-f]{32})"\}/,
    )?.[1];
    expect(exemplar).toBeDefined();
    await receiver.spans.waitFor((span) => span.traceId === exemplar && span.kind === 'server');
  });

  it('warns once when http and express were loaded before the SDK', async () => {
    await using app = await startService({ receiver, preload: [] });
    await app.process.waitForLine(/loaded before Lookout/);
    const warning = app.process
      .jsonLines()
      .filter((line) => String(line.msg).includes('loaded before Lookout'));
    expect(warning).toHaveLength(1);
    expect(warning[0]?.unpatched).toEqual(['http', 'express']);
  });

  it('exits 0 on SIGTERM within its deadline even when the collector is unreachable', async () => {
    await using app = await startService({
      preload: ESM_PRELOAD,
      env: {
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9',
        LOOKOUT_SHUTDOWN_TIMEOUT_MS: '1000',
      },
    });
    await (await fetch(`${app.url}/hello/x`)).arrayBuffer();
    const started = Date.now();
    app.process.kill('SIGTERM');
    expect(await app.process.exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

describe('invalid configuration', () => {
  it('stops startup with one message naming every bad variable, its value and what it expects', async () => {
    await using app = await spawnProcess({
      command: process.execPath,
      args: [...ESM_PRELOAD, 'service.mjs'],
      cwd: FIXTURES,
      env: { PORT: '0', OTEL_TRACES_SAMPLER_ARG: '2', LOOKOUT_SHUTDOWN_GRACE_MS: '-1' },
    });
    expect(await app.exited).toEqual({ code: 78, signal: null });
    const message = app.stderr.join('\n');
    expect(message).toContain('Lookout cannot start: 2 invalid settings');
    expect(message).toContain('OTEL_TRACES_SAMPLER_ARG: got "2"; expected a ratio between 0 and 1');
    expect(message).toContain('LOOKOUT_SHUTDOWN_GRACE_MS: got "-1"');
  });
});
