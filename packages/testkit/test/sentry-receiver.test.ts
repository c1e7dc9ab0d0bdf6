import { gzipSync } from 'node:zlib';
import * as Sentry from '@sentry/node';
import { afterAll, describe, expect, it } from 'vitest';
import { startSentryReceiver } from '../src/index.ts';

describe('Sentry receiver', () => {
  afterAll(() => Sentry.close(2000));

  it('receives an error event and its streamed span from the real Sentry SDK via its DSN', async () => {
    await using receiver = await startSentryReceiver({ publicKey: 'abc123', projectId: '42' });
    expect(receiver.dsn).toBe(`http://abc123@127.0.0.1:${receiver.port}/42`);
    Sentry.init({ dsn: receiver.dsn, defaultIntegrations: false, tracesSampleRate: 1 });

    const traceId = Sentry.startSpan({ name: 'GET /checkout', op: 'http.server' }, (span) => {
      Sentry.captureException(new Error('card declined'));
      return span.spanContext().traceId;
    });
    await Sentry.flush(5000);

    const [event] = await receiver.events.waitFor();
    expect(event).toMatchObject({ type: 'event', projectId: '42', traceId });
    expect(event?.payload.exception?.values?.[0]).toMatchObject({
      type: 'Error',
      value: 'card declined',
    });
    expect(event?.envelope.publicKey).toBe('abc123');
    expect(event?.envelope.rawBody).toContain('card declined');
    const [span] = await receiver.spans.waitFor();
    expect(span).toMatchObject({
      traceId,
      name: 'GET /checkout',
      isSegment: true,
      attributes: { 'sentry.op': 'http.server' },
    });
  });

  it('parses gzip envelopes whose length-delimited payloads contain newlines and UTF-8', async () => {
    await using receiver = await startSentryReceiver();
    const attachment = Buffer.from('line one\nligne deux: é\n');
    const event = JSON.stringify({ event_id: 'a1', message: 'über' });
    const transaction = JSON.stringify({
      type: 'transaction',
      contexts: { trace: { trace_id: 'f0' } },
    });
    const body = Buffer.concat([
      Buffer.from(`{"event_id":"a1"}\n{"type":"attachment","length":${attachment.length}}\n`),
      attachment,
      Buffer.from(`\n{"type":"event"}\n${event}\n{"type":"transaction"}\n${transaction}\n`),
    ]);

    const response = await fetch(`${receiver.url}/api/7/envelope/`, {
      method: 'POST',
      headers: { 'content-encoding': 'gzip', 'content-type': 'application/x-sentry-envelope' },
      body: gzipSync(body),
    });

    expect(await response.json()).toEqual({ id: 'a1' });
    const [envelope] = receiver.envelopes.all;
    const types = envelope?.items.map((item) => item.header.type);
    expect(types).toEqual(['attachment', 'event', 'transaction']);
    expect(envelope?.items[0]?.payload.equals(attachment)).toBe(true);
    expect(receiver.events.all[0]).toMatchObject({ projectId: '7', payload: { message: 'über' } });
    expect(receiver.transactions.all[0]).toMatchObject({ traceId: 'f0' });
  });

  it('answers 400 to an envelope whose item is shorter than its declared length', async () => {
    await using receiver = await startSentryReceiver();
    const body = '{}\n{"type":"event","length":100}\n{}';

    const response = await fetch(`${receiver.url}/api/1/envelope/`, { method: 'POST', body });

    expect(response.status).toBe(400);
    expect(receiver.envelopes.size).toBe(0);
  });
});
