/**
 * What a service itself failed to hand to its sidecar: the SDK counts spans and log records its
 * bounded queues dropped and those whose export failed (after its own retries) on /metrics.
 */
import { LOOKOUT_LABELS, LOOKOUT_METRICS } from '@lookout/sdk/metric-names';
import { sumOf } from '@lookout/sidecar/testing';
import type { ExampleService } from '../../support/example-stack.ts';

/** Spans and log records a service lost. */
export interface ServiceLosses {
  readonly spans: number;
  readonly logs: number;
}

/** What the service's SDK dropped or failed to export, per signal. */
export async function telemetryLostBySignal(service: ExampleService): Promise<ServiceLosses> {
  // The test runs on loopback, which the SDK's /metrics allow-list admits by default.
  const page = await (await fetch(`${service.url}/metrics`)).text();
  const lost = (signal: string) => {
    const labels = { [LOOKOUT_LABELS.signal]: signal };
    return (
      sumOf(page, LOOKOUT_METRICS.telemetryDropped, labels) +
      sumOf(page, LOOKOUT_METRICS.telemetryErrors, labels)
    );
  };
  return { spans: lost('traces'), logs: lost('logs') };
}

/** Items the service's SDK dropped or failed to export, all signals together. */
export async function telemetryLostInService(service: ExampleService): Promise<number> {
  const { spans, logs } = await telemetryLostBySignal(service);
  return spans + logs;
}
