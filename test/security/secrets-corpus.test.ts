import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  getFreePort,
  type OtlpReceiver,
  type SentryReceiver,
  startOtlpReceiver,
  startSentryReceiver,
} from '@lookout/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExampleStack, startExampleStack } from '../support/example-stack.ts';
import { describeLeaks, findLeaks, type Sink, serialize } from './support/leak-search.ts';
import { type PlantedRequest, plantSecrets } from './support/plant-secrets.ts';
import {
  createSecretCorpus,
  needlesOf,
  randomText,
  type SecretCorpus,
} from './support/secret-corpus.ts';

/**
 * Issue 5, item 7: secrets planted in every input of the real example services (headers,
 * query strings, paths, bodies, admin calls, an upstream error message, configuration) must not
 * come out of any channel the services emit: stdout, stderr (the audit stream), OTLP log
 * records, spans with their events and resource, and Sentry envelopes byte for byte.
 */

const corpus: SecretCorpus = createSecretCorpus();
const sentryKey = randomText(32, '0123456789abcdef');
const needles = new Map([...needlesOf(corpus), [sentryKey, 'sentryPublicKey']]);
const scratch = mkdtempSync(join(tmpdir(), 'lookout-corpus-'));

let otlp: OtlpReceiver;
let sentry: SentryReceiver;
let stack: ExampleStack | undefined;
let planted: PlantedRequest[] = [];
let output: { stdout: string[]; stderr: string[] } = { stdout: [], stderr: [] };

beforeAll(async () => {
  otlp = await startOtlpReceiver();
  sentry = await startSentryReceiver({ publicKey: sentryKey });
  const adminTokenFile = join(scratch, 'admin-token');
  writeFileSync(adminTokenFile, `${corpus.adminToken}\n`, { mode: 0o600 });
  const ports = { inventory: await getFreePort(), orders: await getFreePort() };

  stack = await startExampleStack({
    ports,
    env: (name) => ({
      // Credentials in the collector's URL, as a managed backend may want them.
      OTEL_EXPORTER_OTLP_ENDPOINT: otlp.url.replace('//', `//lookout:${corpus.otlpUrlPassword}@`),
      OTEL_EXPORTER_OTLP_HEADERS: `x-otlp-token=${corpus.otlpHeaderToken}`,
      // @sentry/node resolves from the SDK's own dev dependencies in this workspace; a deployed
      // service installs the optional peer itself.
      SENTRY_DSN: sentry.dsn,
      LOOKOUT_LOG_LEVEL: 'debug',
      LOOKOUT_ADMIN_TOKEN: undefined,
      LOOKOUT_ADMIN_TOKEN_FILE: adminTokenFile,
      LOOKOUT_AUDIT_CHAIN_KEY: corpus.auditChainKey,
      // Credentials in a dependency's URL: fetch refuses such a URL with an error quoting it.
      ...(name === 'orders'
        ? {
            INVENTORY_URL: `http://orders:${corpus.upstreamUrlPassword}@127.0.0.1:${ports.inventory}`,
          }
        : {}),
    }),
  });
  planted = await plantSecrets(
    { orders: stack.orders.url, inventory: stack.inventory.url },
    corpus,
  );
  await sentry.events.waitFor((event) => event.type === 'event', { timeoutMs: 15_000 });

  // Graceful shutdown flushes every queue, so what follows is everything the services emitted.
  const processes = [stack.orders.process, stack.inventory.process];
  await stack.stop();
  output = {
    stdout: processes.flatMap((p) => p.stdout.map((line) => `${p.name}: ${line}`)),
    stderr: processes.flatMap((p) => p.stderr.map((line) => `${p.name}: ${line}`)),
  };
});

afterAll(async () => {
  await stack?.stop();
  await Promise.all([otlp?.stop(), sentry?.stop()]);
  rmSync(scratch, { recursive: true, force: true });
});

function expectNoLeaks(sinks: Sink[]): void {
  const leaks = findLeaks(sinks, needles, (sink, secret) =>
    // The DSN's public key authenticates every envelope: Sentry receives it by design.
    sink === 'sentry envelopes' ? secret === 'sentryPublicKey' : false,
  );
  expect(leaks, describeLeaks(leaks)).toEqual([]);
}

describe('a corpus of secrets planted in the example services', () => {
  it('reaches the services through every input and gets the expected answers', () => {
    expect(planted.map(({ name, status }) => [name, status])).toEqual(
      planted.map(({ name, expected }) => [name, expected]),
    );
  });

  it('never appears in stdout or stderr', () => {
    const requestLines = output.stdout.filter((line) => line.includes('request finished'));
    // The access log wrote the planted headers and URLs, so redaction really had work to do.
    expect(requestLines.join('\n')).toContain('"authorization":"[REDACTED]"');
    expect(output.stderr.join('\n')).toContain('"event":"auth.failure"');

    expectNoLeaks([
      { name: 'stdout', entries: output.stdout },
      { name: 'stderr', entries: output.stderr },
    ]);
  });

  it('never appears in OTLP log records', () => {
    const failures = otlp.logs.filter((record) => record.body === 'request failed');
    expect(failures.length).toBeGreaterThan(0);

    expectNoLeaks([{ name: 'OTLP logs', entries: otlp.logs.all.map(serialize) }]);
  });

  it('never appears in span names, attributes, events, status or resource', () => {
    const queried = otlp.spans.filter((span) =>
      Object.values(span.attributes).some((v) => typeof v === 'string' && v.includes('page=2')),
    );
    expect(queried.length).toBeGreaterThan(0);
    const exceptions = otlp.spans.filter((span) =>
      span.events.some((event) => event.name === 'exception'),
    );
    expect(exceptions.length).toBeGreaterThan(0);

    expectNoLeaks([{ name: 'spans', entries: otlp.spans.all.map(serialize) }]);
  });

  it('never appears in Sentry envelopes, byte for byte', () => {
    const [event] = sentry.events.all;
    expect(event?.payload.exception?.values?.[0]?.value).toContain('includes credentials');
    expect(event?.traceId).toMatch(/^[0-9a-f]{32}$/);
    // The event carried the request's headers, so the scrubber had credentials to remove.
    expect(event?.envelope.rawBody).toContain('"authorization":"[Filtered]"');

    expectNoLeaks([
      { name: 'sentry envelopes', entries: sentry.envelopes.all.map((e) => e.rawBody) },
    ]);
  });
});
