/**
 * The severity scheme, one label with three values:
 * - `critical`: a person is paged now (PagerDuty); users are hurt or will be within hours.
 * - `warning`: a ticket (Slack, email); someone looks during working hours.
 * - `none`: never for people; only the Watchdog heartbeat uses it.
 */
export const SEVERITIES = ['critical', 'warning', 'none'] as const;

/** One of {@link SEVERITIES}. */
export type Severity = (typeof SEVERITIES)[number];

/** The label that carries the severity, as Alertmanager routes on it. */
export const SEVERITY_LABEL = 'severity';
