/**
 * One phase's monitoring: a fresh Prometheus fed by the sidecars (through the relay) and scraping
 * the sidecars' own metrics, the FAST-profile rules, and optionally a real Alertmanager with the
 * repository's configuration notifying a webhook receiver. A fresh one per scenario gives each a
 * clean history, so one scenario's slow burn-rate windows cannot leak into the next.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import {
  alertmanagerConfigWith,
  FAST_PROFILE,
  renderRuleFiles,
  SIDECAR_JOB,
  WEBHOOK_TOKEN_FILES,
} from '@lookout/alerts';
import { LOOKOUT_METRICS } from '@lookout/sdk/metric-names';
import {
  type AlertmanagerServer,
  getFreePort,
  type PrometheusServer,
  startAlertmanager,
  startPrometheus,
  startWebhookReceiver,
  type WebhookReceiver,
} from '@lookout/testkit';
import { type ProofStack, SCRAPE_INTERVAL_SECONDS, SERVICE_NAMES } from './proof-stack.ts';

/** The job under which Prometheus scrapes itself, as compose/prometheus/prometheus.yml names it. */
export const PROMETHEUS_JOB = 'prometheus';

/** Paths of the webhook receiver, one per Alertmanager webhook receiver. */
export const WEBHOOK_PATHS = { incident: 'incident', heartbeat: 'heartbeat' } as const;

/** A phase's Prometheus, and its Alertmanager and webhook when alerting is on. */
export interface Monitoring extends AsyncDisposable {
  readonly prometheus: PrometheusServer;
  readonly alertmanager: AlertmanagerServer | undefined;
  readonly webhook: WebhookReceiver | undefined;
  stop(): Promise<void>;
}

/**
 * Starts Prometheus, points the relay at it, waits until both services and both sidecars report,
 * then loads the rules. Loading them only then keeps `MetricsAbsent` from firing about the few
 * seconds before the first samples arrive, a start-up artefact of compressing time by 60.
 */
export async function startMonitoring(
  stack: ProofStack,
  options: { alerting: boolean },
): Promise<Monitoring> {
  const directory = await mkdtemp(join(tmpdir(), 'lookout-proof-'));
  const started: { stop(): Promise<unknown> }[] = [];
  const stop = async () => {
    await Promise.allSettled(started.map((part) => part.stop()));
    await rm(directory, { recursive: true, force: true });
  };
  try {
    const parts = await startParts(stack, directory, options, started);
    return { ...parts, stop, [Symbol.asyncDispose]: stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

// Each part joins `started` as soon as it runs, so a failure later on still stops it.
async function startParts(
  stack: ProofStack,
  directory: string,
  options: { alerting: boolean },
  started: { stop(): Promise<unknown> }[],
) {
  const ruleFiles = await writeFastRules(directory);
  const webhook = options.alerting ? await startWebhookReceiver() : undefined;
  if (webhook) started.push(webhook);
  const alertmanager = webhook ? await startAlertingTo(webhook, directory) : undefined;
  if (alertmanager) started.push(alertmanager);
  const port = await getFreePort();
  const prometheus = await startPrometheus({
    port,
    enableRemoteWriteReceiver: true,
    exemplarStorage: true,
    // As compose/prometheus/prometheus.yml: a batch the sidecar re-sends after a rejection may
    // be older than one stored meanwhile, and without the window it would be rejected for good.
    outOfOrderTimeWindow: '30m',
    scrapeInterval: `${SCRAPE_INTERVAL_SECONDS}s`,
    evaluationInterval: `${FAST_PROFILE.evaluationIntervalSeconds}s`,
    scrapeConfigs: [sidecarScrapeJob(stack), selfScrapeJob(port)],
    alertmanagerUrls: alertmanager ? [alertmanager.url] : [],
  });
  started.push(prometheus);
  stack.relay.setUpstream(prometheus.url);

  await waitForTelemetry(prometheus);
  await prometheus.reload({ ruleFiles });
  await waitForRules(prometheus, ruleFiles.length);
  return { prometheus, alertmanager, webhook };
}

async function writeFastRules(directory: string): Promise<string[]> {
  const files = renderRuleFiles({ profile: FAST_PROFILE });
  for (const file of files) await writeFile(join(directory, file.fileName), file.content);
  return files.map((file) => join(directory, file.fileName));
}

// The webhooks authenticate with bearer-token files, which Alertmanager must find to notify.
async function startAlertingTo(
  webhook: WebhookReceiver,
  secretsDirectory: string,
): Promise<AlertmanagerServer> {
  for (const file of Object.values(WEBHOOK_TOKEN_FILES)) {
    await writeFile(join(secretsDirectory, file), 'proof-token\n');
  }
  const configYaml = alertmanagerConfigWith(
    {
      incident: `${webhook.url}${WEBHOOK_PATHS.incident}`,
      heartbeat: `${webhook.url}${WEBHOOK_PATHS.heartbeat}`,
    },
    { profile: FAST_PROFILE, secretsDirectory },
  );
  return startAlertmanager({ configYaml });
}

// The sidecars' own metrics (:8888) are scraped directly, as in production: a sidecar cannot
// report its own death, but its failed scrape can.
function sidecarScrapeJob(stack: ProofStack): Record<string, unknown> {
  const targets = SERVICE_NAMES.map((name) => `127.0.0.1:${stack.sidecars[name].ports.telemetry}`);
  return { job_name: SIDECAR_JOB, static_configs: [{ targets }] };
}

// Prometheus scrapes itself, as in compose: the remote writes it rejects are counted only there.
function selfScrapeJob(port: number): Record<string, unknown> {
  return { job_name: PROMETHEUS_JOB, static_configs: [{ targets: [`127.0.0.1:${port}`] }] };
}

async function waitForTelemetry(prometheus: PrometheusServer): Promise<void> {
  const everyone = `count(${LOOKOUT_METRICS.buildInfo}) + count(up{job="${SIDECAR_JOB}"} == 1)`;
  const expected = SERVICE_NAMES.length * 2;
  await prometheus.waitForQuery(everyone, (r) => r.samples[0]?.value === expected, {
    timeoutMs: 60_000,
  });
}

async function waitForRules(prometheus: PrometheusServer, files: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  // Reload is asynchronous: the groups appear once Prometheus has read every file.
  while (Date.now() < deadline) {
    const loaded = new Set((await prometheus.rules()).map((group) => group.file));
    if (loaded.size === files) return;
    await delay(100);
  }
  throw new Error(`Prometheus did not load the ${files} rule files within 30 s`);
}
