/**
 * The pipeline alerts watching a stack's sidecars: Prometheus scrapes each sidecar's own metrics
 * (:8888) under the sidecar job, as in production, and evaluates the pipeline rules rendered with
 * the FAST profile (production windows divided by 60), the same rules the generated files hold.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FAST_PROFILE, renderRuleFiles, SIDECAR_JOB } from '@lookout/alerts';
import type { PromAlert } from '@lookout/testkit';
import { type PipelineStack, SERVICE_NAMES } from './pipeline-stack.ts';
import { pollUntil } from './poll-until.ts';

const PIPELINE_RULES = 'pipeline.rules.yaml';

/** Loads the pipeline rules into the stack's Prometheus and has it scrape the sidecars. */
export async function watchSidecars(stack: PipelineStack): Promise<void> {
  const rules = renderRuleFiles({ profile: FAST_PROFILE }).find(
    (f) => f.fileName === PIPELINE_RULES,
  );
  if (rules === undefined) throw new Error(`@lookout/alerts renders no ${PIPELINE_RULES}`);
  // Prometheus's own directory: removed with it.
  const ruleFile = join(stack.prometheus.directory, PIPELINE_RULES);
  await writeFile(ruleFile, rules.content);

  const targets = SERVICE_NAMES.map((name) => `127.0.0.1:${stack.sidecars[name].ports.telemetry}`);
  await stack.prometheus.reload({
    ruleFiles: [ruleFile],
    scrapeConfigs: [{ job_name: SIDECAR_JOB, static_configs: [{ targets }] }],
    evaluationInterval: `${FAST_PROFILE.evaluationIntervalSeconds}s`,
  });
}

/** Resolves with the firing alerts once every one of `wanted` matches one of them. */
export function waitForFiring(
  stack: PipelineStack,
  wanted: readonly ((alert: PromAlert) => boolean)[],
  timeoutMs: number,
): Promise<PromAlert[]> {
  const firing = async () => (await stack.prometheus.alerts()).filter((a) => a.state === 'firing');
  return pollUntil(firing, (alerts) => wanted.every((match) => alerts.some(match)), {
    what: 'the pipeline alerts to fire',
    timeoutMs,
  });
}
