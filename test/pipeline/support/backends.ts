/** Taking the stand-in backends of a pipeline away and bringing them back, as an outage does. */
import type { PipelineStack } from './pipeline-stack.ts';

/**
 * Stops Tempo's and Loki's receivers (port closed, open connections reset) and Prometheus
 * (its data kept), all at once.
 */
export async function stopBackends(stack: PipelineStack): Promise<void> {
  await Promise.all([stack.tempo.stop(), stack.loki.stop(), stack.prometheus.stopTemporarily()]);
}

/** Starts them again on the same ports; Prometheus resolves once it is ready. */
export async function startBackends(stack: PipelineStack): Promise<void> {
  await Promise.all([stack.tempo.restart(), stack.loki.restart(), stack.prometheus.start()]);
}
