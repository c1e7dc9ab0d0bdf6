import { describe, expect, it } from 'vitest';
import {
  NODEJS_RUNTIME_UID,
  PIPELINE_UID,
  SECURITY_UID,
  SERVICE_OVERVIEW_UID,
} from '../src/index.ts';
import {
  HTTP_SERVER_ACTIVE_REQUESTS,
  HTTP_SERVER_REQUEST_DURATION,
  LOOKOUT_METRICS,
  RUNTIME_METRICS,
} from '../src/metric-names.ts';
import { COLLECTOR_METRICS } from '../src/sidecar-metric-names.ts';
import { queries } from './support/fixtures.ts';

// All query text of one dashboard, to look metric names up in.
function textOf(uid: string): string {
  return queries
    .filter((query) => query.dashboardUid === uid)
    .map((query) => query.query)
    .join('\n');
}

function unused(uid: string, names: readonly string[]): string[] {
  const text = textOf(uid);
  return names.filter((name) => !new RegExp(`\\b${name}(_bucket|_count|_sum)?\\b`).test(text));
}

describe('metric coverage', () => {
  it('shows every runtime metric the SDK emits on the runtime dashboard', () => {
    expect(unused(NODEJS_RUNTIME_UID, Object.values(RUNTIME_METRICS))).toEqual([]);
  });

  it('shows the HTTP histogram and active requests on the service overview', () => {
    const names = [HTTP_SERVER_REQUEST_DURATION, HTTP_SERVER_ACTIVE_REQUESTS];
    expect(unused(SERVICE_OVERVIEW_UID, names)).toEqual([]);
  });

  it('shows the authentication, rate-limit, CORS and audit metrics on the security dashboard', () => {
    const { authAttempts, rateLimitHits, corsRejections, auditEvents } = LOOKOUT_METRICS;
    expect(
      unused(SECURITY_UID, [authAttempts, rateLimitHits, corsRejections, auditEvents]),
    ).toEqual([]);
  });

  it('shows every sidecar metric and the SDK telemetry counters on the pipeline dashboard', () => {
    const collector = Object.values(COLLECTOR_METRICS).flatMap((m) =>
      typeof m === 'string' ? [m] : Object.values(m),
    );
    const sdk = [LOOKOUT_METRICS.telemetryErrors, LOOKOUT_METRICS.telemetryDropped];
    expect(unused(PIPELINE_UID, [...collector, ...sdk])).toEqual([]);
  });
});
