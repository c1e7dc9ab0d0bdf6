/**
 * Security: who is being turned away and why. 401, 403 and 429 answers, authentication
 * failures by reason, rate-limit hits by route group, CORS refusals, audit events by type and
 * the audit log itself.
 */
import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import * as units from '@grafana/grafana-foundation-sdk/units';
import { buildDashboard } from '../frame.ts';
import { HTTP_DURATION, REQUEST_RATE, requestSeries } from '../http.ts';
import { AUDIT_SCOPE, SERVICE_STREAM } from '../log-fields.ts';
import { HTTP_LABELS, LOOKOUT_LABELS as L, LOOKOUT_METRICS as M } from '../metric-names.ts';
import { warnAt } from '../panel-common.ts';
import { logsPanel, statPanel, timeSeriesPanel } from '../panels.ts';
import { orZero, rate, ratio, serviceSeries, sumBy } from '../promql.ts';
import { logql, prom } from '../targets.ts';
import { standardVariables } from '../variables.ts';

/** Never changes: links and alert annotations point at it. */
export const SECURITY_UID = 'lookout-security';

const STATUS = HTTP_LABELS.statusCode;
const REFUSALS = { '401': 'unauthorized', '403': 'forbidden', '429': 'rate limited' } as const;
const REFUSED_MATCHER = `${STATUS}=~"${Object.keys(REFUSALS).join('|')}"`;
const AUTH_FAILURE = `${L.result}="failure"`;

function statusRate(code: string): string {
  return orZero(sumBy([], rate(requestSeries([`${STATUS}="${code}"`]))));
}

function refusals() {
  return [
    ...Object.entries(REFUSALS).map(([code, meaning]) =>
      statPanel({
        title: `${code} ${meaning}`,
        description: `Requests per second answered ${code} (${meaning}).`,
        unit: units.RequestsPerSecond,
        width: 8,
        targets: [prom(statusRate(code), code)],
      }),
    ),
    timeSeriesPanel({
      title: '401, 403 and 429 responses',
      description:
        'Requests per second refused for missing or bad credentials (401), missing scope (403) ' +
        'or too many requests (429). A 401 spike from few clients is credential guessing.',
      unit: units.RequestsPerSecond,
      targets: Object.entries(REFUSALS).map(([code, meaning]) =>
        prom(statusRate(code), `${code} ${meaning}`),
      ),
    }),
    timeSeriesPanel({
      title: 'Refusals by route',
      description: '401, 403 and 429 answers per second by route template and status.',
      unit: units.RequestsPerSecond,
      targets: [
        prom(
          orZero(sumBy([HTTP_LABELS.route, STATUS], rate(requestSeries([REFUSED_MATCHER])))),
          `{{${HTTP_LABELS.route}}} {{${STATUS}}}`,
        ),
      ],
    }),
    timeSeriesPanel({
      title: 'Refused share of requests',
      description: 'Share of all requests answered 401, 403 or 429.',
      unit: units.PercentUnit,
      width: 24,
      targets: [prom(ratio(rate(requestSeries([REFUSED_MATCHER])), REQUEST_RATE, []), 'refused')],
    }),
  ];
}

function authentication() {
  const attempts = serviceSeries(M.authAttempts);
  const failures = serviceSeries(M.authAttempts, [AUTH_FAILURE]);
  return [
    timeSeriesPanel({
      title: 'Authentication failures by reason',
      description:
        'Failed API-key checks per second by reason (missing, malformed, unknown, expired, ' +
        'revoked). Expired and revoked keys point at a client that needs a new key.',
      unit: units.OpsPerSecond,
      targets: [prom(orZero(sumBy([L.reason], rate(failures))), `{{${L.reason}}}`)],
    }),
    timeSeriesPanel({
      title: 'Authentication attempts by result',
      description: 'API-key checks per second, successful and failed.',
      unit: units.OpsPerSecond,
      targets: [prom(orZero(sumBy([L.result], rate(attempts))), `{{${L.result}}}`)],
    }),
    statPanel({
      title: 'Authentication failure ratio',
      description: 'Share of API-key checks that failed; 0 when there were none.',
      unit: units.PercentUnit,
      width: 24,
      thresholds: warnAt(0.05, 0.2),
      targets: [prom(orZero(ratio(rate(failures), rate(attempts), [])), 'failed')],
    }),
  ];
}

function limits() {
  return [
    timeSeriesPanel({
      title: 'Rate-limit hits by group',
      description:
        'Requests per second the rate limiter refused, by route group. A surge from one group ' +
        'is a misbehaving client or an attack; steady hits may mean the limit is too low.',
      unit: units.RequestsPerSecond,
      targets: [
        prom(orZero(sumBy([L.group], rate(serviceSeries(M.rateLimitHits)))), `{{${L.group}}}`),
      ],
    }),
    timeSeriesPanel({
      title: 'CORS refusals',
      description: 'Cross-origin requests per second refused because their origin is not allowed.',
      unit: units.RequestsPerSecond,
      targets: [prom(orZero(sumBy([], rate(serviceSeries(M.corsRejections)))), 'refused')],
    }),
  ];
}

function audit() {
  return [
    timeSeriesPanel({
      title: 'Audit events by type',
      description:
        'Audit records written per second by event type: authentication, key lifecycle, rate ' +
        'limits, CORS refusals, configuration loads and admin actions.',
      unit: units.OpsPerSecond,
      width: 24,
      stacked: true,
      targets: [
        prom(orZero(sumBy([L.event], rate(serviceSeries(M.auditEvents)))), `{{${L.event}}}`),
      ],
    }),
    logsPanel({
      title: 'Audit log',
      description:
        'The audit records themselves, newest first. Each is hash-chained to the one before; ' +
        'the verify command proves none was removed or edited.',
      unit: units.NoUnit,
      targets: [logql(`${SERVICE_STREAM} | scope_name="${AUDIT_SCOPE}"`)],
    }),
  ];
}

/** Builds the security dashboard (without its version). */
export function security(): Dashboard {
  return buildDashboard({
    uid: SECURITY_UID,
    title: 'Lookout / Security',
    description:
      'Refused requests (401, 403, 429), authentication failures, rate-limit hits, CORS ' +
      'refusals and audit events of one service.',
    tags: ['security'],
    variables: standardVariables(HTTP_DURATION.count),
    sections: [
      { title: 'Refused requests', panels: refusals() },
      { title: 'Authentication', panels: authentication() },
      { title: 'Rate limits and CORS', panels: limits() },
      { title: 'Audit', panels: audit() },
    ],
  });
}
