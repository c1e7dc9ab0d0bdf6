/**
 * The request counters Prometheus must end up with after traffic runs: one query per route,
 * with the number of answers the load generator got for it.
 */
import { HTTP_LABELS, HTTP_SERVER_REQUEST_DURATION } from '@lookout/sdk/metric-names';
import { ROUTES } from './routes.ts';
import { countAnswered, type TrafficKind, type TrafficResult } from './traffic.ts';

/** A counter query and the value it must return. */
export interface CounterExpectation {
  readonly query: string;
  readonly answered: number;
}

/** The request counter of one route, summed over instances, now or at the past time `at`. */
export function requestCount(job: string, route: string, at?: number): string {
  const labels = `job="${job}",${HTTP_LABELS.route}="${route}"`;
  const selector = `${HTTP_SERVER_REQUEST_DURATION}_count{${labels}}`;
  return `sum(${selector}${at === undefined ? '' : ` @ ${at.toFixed(3)}`})`;
}

/**
 * The counters of `runs` together: each order is counted once in orders and once in inventory
 * (its one reservation), each lookup once in orders.
 */
export function requestCounterQueries(
  runs: readonly TrafficResult[],
  at?: number,
): CounterExpectation[] {
  const answered = (kind: TrafficKind, status: string) =>
    runs.reduce((total, run) => total + countAnswered(run, kind, status), 0);
  return [
    { query: requestCount('orders', ROUTES.orders, at), answered: answered('order', '201') },
    { query: requestCount('orders', ROUTES.lookup, at), answered: answered('lookup', '404') },
    {
      query: requestCount('inventory', ROUTES.reservation, at),
      answered: answered('order', '201'),
    },
  ];
}
