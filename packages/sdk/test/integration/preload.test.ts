import { type OtlpReceiver, startOtlpReceiver } from '@lookout/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CJS_PRELOAD, ESM_PRELOAD, startService } from './support.ts';

let receiver: OtlpReceiver;
beforeAll(async () => {
  receiver = await startOtlpReceiver();
});
afterAll(() => receiver.stop());

describe.each([
  ['an ES module app', ESM_PRELOAD, 'service.mjs', 'esm-app'],
  ['a CommonJS app', CJS_PRELOAD, 'service.cjs', 'cjs-app'],
])('preloading the SDK into %s', (_kind, preload, entry, serviceName) => {
  it('exports one server span per request, with route, resource and a correlated log', async () => {
    await using app = await startService({
      receiver,
      preload,
      entry,
      env: { OTEL_SERVICE_NAME: serviceName },
    });
    const service = app.process;
    const response = await fetch(`${app.url}/hello/ada`);
    expect(await response.json()).toEqual({ hello: 'ada' });

    const [server] = await receiver.spans.waitFor(
      (span) =>
        span.resource['service.name'] === serviceName &&
        span.kind === 'server' &&
        span.name === 'GET /hello/:name',
    );
    expect(server?.attributes['http.route']).toBe('/hello/:name');
    expect(server?.attributes['http.response.status_code']).toBe(200);
    expect(server?.resource).toMatchObject({
      'service.name': serviceName,
      'process.pid': service.pid,
    });
    expect(server?.resource['host.name']).toBeTypeOf('string');

    const traceId = server?.traceId;
    const [log] = await receiver.logs.waitFor(
      (record) => record.traceId === traceId && record.body === 'greeting',
    );
    expect(log?.spanId).toBeTypeOf('string');
    expect(log?.attributes).toMatchObject({ name: 'ada', password: '[REDACTED]' });
    expect(log?.severityText).toBe('INFO');

    const stdoutLine = service.jsonLines().find((line) => line.msg === 'greeting');
    expect(stdoutLine).toMatchObject({
      trace_id: traceId,
      span_id: log?.spanId,
      password: '[REDACTED]',
    });

    // Exactly one trace and one log record for the request: no double patching, no double export.
    await service.stop();
    const serverSpans = receiver.spans.filter(
      (span) => span.traceId === traceId && span.kind === 'server',
    );
    expect(serverSpans).toHaveLength(1);
    expect(
      receiver.logs.filter((record) => record.body === 'greeting' && record.traceId === traceId),
    ).toHaveLength(1);
  });
});
