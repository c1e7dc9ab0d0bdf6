/** The orders service's SLOs: it takes customers' orders, so failures cost sales directly. */
import { HTTP_LABELS, UNMATCHED_ROUTE } from '../metric-names.ts';
import type { ServiceSloDefinition } from './slo-types.ts';

/** 99.9% of orders requests succeed; 99% are answered within half a second. */
export const ORDERS_SLOS: ServiceSloDefinition = {
  service: 'orders',
  period: '30d',
  // Unmatched routes are scanners and typos: their 404s and timings say nothing about orders.
  matchers: [`${HTTP_LABELS.route}!="${UNMATCHED_ROUTE}"`],
  availability: { objective: 0.999 },
  // Orders waits on inventory, so its latency target leaves room for that call.
  latency: { objective: 0.99, thresholdSeconds: 0.5 },
};
