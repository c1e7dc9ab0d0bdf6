/**
 * Proof that no dashboard panel, recording rule or alert is dead. The real example services and
 * their real sidecars run under traffic that includes server errors, hostile requests (401, 403,
 * 429, each audited) and a moment of refused exports; a real Prometheus receives what the
 * sidecars send and scrapes the sidecars, with the FAST-profile rules loaded so the recorded
 * series the dashboards read exist. Then every PromQL query of every dashboard, with its template
 * variables resolved from Prometheus as Grafana resolves them, must parse and return data, for
 * each service. LogQL and TraceQL are checked for syntax in dashboards/test/logql-traceql.test.ts.
 *
 * Rules: every recording rule and alert expression, of the production and the FAST profile, is
 * evaluated directly. An alert expression returns nothing while all is well (`rate > threshold`,
 * `absent(up)`), so it is checked with its conditions removed (`conditionsRemoved`): comparisons
 * pass and `absent(x)` reads as `x`, which keeps every selector and every vector match, so "no
 * data" still means a wrong name, label or join. Production windows (`[30d]`, `offset 1h`) read
 * minutes of history here: that proves the series and joins, not the windows' arithmetic, which
 * the promtool unit tests in alerts/tests cover on the production profile.
 */
import { FAST_PROFILE, PRODUCTION_PROFILE, type RenderProfile, ruleFiles } from '@lookout/alerts';
import { generateDashboards, listQueries, panelsOf, renderQuery } from '@lookout/dashboards';
import { LOOKOUT_METRICS } from '@lookout/sdk/metric-names';
import { SIDECAR_METRICS_ON_FAILURE } from '@lookout/sidecar/metric-names';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setFaults } from '../support/example-stack.ts';
import { resolveVariables } from './support/dashboard-variables.ts';
import {
  PROVOKED_FAILURE_METRICS,
  provokeExportFailures,
  provokeRemoteWriteRejections,
} from './support/export-failures.ts';
import { type Monitoring, startMonitoring } from './support/monitoring.ts';
import { conditionsRemoved, vectorSelectors } from './support/promql-rewrite.ts';
import { type ProofStack, SERVICE_NAMES, startProofStack } from './support/proof-stack.ts';
import { metricName, QueryChecker } from './support/query-check.ts';
import { SECURITY_SERVICE_ENV, sendSecurityTraffic } from './support/security-traffic.ts';
import { waitForTrafficEvidence } from './support/traffic-evidence.ts';

/**
 * Series born only with a failure this proof does not cause; a query reading them is excused
 * when they are missing, and its `vector(0)` fallback is what the panel shows.
 */
const UNPROVOKED = [
  // A full sending queue, a memory limiter refusing data, a failed metrics translation: each
  // needs the sidecar starved of memory or its queue overrun, minutes of work on 2 cores. The
  // remote-write rejection counters (`..._wal_send_failed_*`) never appear with retries on (see
  // packages/sidecar/src/metric-names.ts); RemoteWriteRejected reads Prometheus's count instead,
  // which the rejections provoked below bring into being.
  ...SIDECAR_METRICS_ON_FAILURE.filter((name) => !PROVOKED_FAILURE_METRICS.includes(name)),
  // The SDK's own export failures and drops, which need the sidecar gone.
  LOOKOUT_METRICS.telemetryErrors,
  LOOKOUT_METRICS.telemetryDropped,
  // API-key attempts: the example service guards no route with an API key.
  LOOKOUT_METRICS.authAttempts,
];

const SOME_ERRORS = 0.05;

let stack: ProofStack;
let monitoring: Monitoring;
let checker: QueryChecker;
const report: string[] = [];

beforeAll(async () => {
  stack = await startProofStack({ serviceEnv: SECURITY_SERVICE_ENV });
  monitoring = await startMonitoring(stack, { alerting: false });
  for (const name of SERVICE_NAMES) {
    await setFaults(stack.services[name], { errorRatio: SOME_ERRORS });
    const statuses = await sendSecurityTraffic(stack.services[name]);
    expect(Object.keys(statuses), `${name} answered`).toEqual(
      expect.arrayContaining(['401', '403', '429']),
    );
  }
  await waitForTrafficEvidence(monitoring.prometheus);
  await provokeExportFailures(stack, monitoring.prometheus);
  await provokeRemoteWriteRejections(stack, monitoring.prometheus);
  checker = new QueryChecker(monitoring.prometheus, withRecordedFrom(UNPROVOKED));
}, 240_000);

afterAll(async () => {
  await monitoring?.stop();
  await stack?.stop();
  console.info(`Dead-panel proof:\n${report.join('\n')}`);
});

describe('every dashboard query returns data from the real services', () => {
  const cases = generateDashboards().flatMap((dashboard) =>
    SERVICE_NAMES.map((service) => ({ uid: dashboard.uid, service, dashboard })),
  );

  it.each(cases)('$uid for $service', async ({ dashboard, service }) => {
    const resolved = await resolveVariables(monitoring.prometheus, dashboard.model, { service });
    expect(resolved.empty, 'variables offering no value').toEqual([]);

    const promql = listQueries([dashboard.model]).filter((q) => q.datasource === 'prometheus');
    const dead = [];
    let excused = 0;
    for (const query of promql) {
      const verdict = await checker.check(renderQuery(query, resolved.values));
      if (verdict.excused.length > 0) excused++;
      if (verdict.problem) dead.push(`"${query.panelTitle}" ${query.refId}: ${verdict.problem}`);
    }
    report.push(
      `  ${dashboard.uid} (${service}): ${panelsOf(dashboard.model).length} panels, ` +
        `${promql.length} PromQL queries, ${dead.length} dead, ${excused} on a zero fallback`,
    );
    expect(dead).toEqual([]);
  });
});

describe('every recording rule and alert expression reads live series', () => {
  it.each([PRODUCTION_PROFILE, FAST_PROFILE])('$name profile', async (profile: RenderProfile) => {
    const rules = ruleFiles(profile).flatMap((file) => file.groups.flatMap((g) => g.rules));
    const dead = [];
    let excused = 0;
    for (const rule of rules) {
      const verdict = await checker.check(conditionsRemoved(rule.expr));
      if (verdict.excused.length > 0) excused++;
      const name = 'alert' in rule ? `alert ${rule.alert}` : `record ${rule.record}`;
      if (verdict.problem) dead.push(`${name}: ${verdict.problem}\n    ${rule.expr}`);
    }
    report.push(
      `  rules (${profile.name}): ${rules.length} expressions, ${dead.length} dead, ` +
        `${excused} reading unprovoked-failure series`,
    );
    expect(dead).toEqual([]);
  });

  it('evaluates every loaded FAST rule without an error', async () => {
    const rules = (await monitoring.prometheus.rules()).flatMap((group) => group.rules);
    const failing = rules.filter((rule) => rule.health !== 'ok');
    expect(failing.map((rule) => `${rule.name}: ${rule.health} ${rule.lastError ?? ''}`)).toEqual(
      [],
    );
    expect(rules.length).toBeGreaterThan(0);
  });
});

// A recording rule that reads only unprovoked-failure series records nothing either, so the
// series it writes are excused with them (`job:lookout_auth_failures:rate5m`).
function withRecordedFrom(metrics: readonly string[]): string[] {
  const excused = new Set(metrics);
  const records = ruleFiles(FAST_PROFILE).flatMap((file) => file.groups.flatMap((g) => g.rules));
  for (const rule of records) {
    if (!('record' in rule)) continue;
    const read = vectorSelectors(rule.expr).map(metricName);
    if (read.length > 0 && read.every((name) => excused.has(name))) excused.add(rule.record);
  }
  return [...excused];
}
