/** The inventory service's SLOs: orders calls it for every order, so it must be quicker. */
import { HTTP_LABELS, UNMATCHED_ROUTE } from '../metric-names.ts';
import type { ServiceSloDefinition } from './slo-types.ts';

/** 99.5% of inventory requests succeed; 99% are answered within a quarter of a second. */
export const INVENTORY_SLOS: ServiceSloDefinition = {
  service: 'inventory',
  period: '30d',
  matchers: [`${HTTP_LABELS.route}!="${UNMATCHED_ROUTE}"`],
  // Orders retries a failed stock check once, so inventory can afford a looser objective.
  availability: { objective: 0.995 },
  latency: { objective: 0.99, thresholdSeconds: 0.25 },
};
