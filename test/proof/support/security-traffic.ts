/**
 * The hostile traffic a public service sees, aimed at one example service so its security
 * metrics and audit log have something to show: admin calls without the token (401), cross-origin
 * preflights from a site nobody allowed (403) and a burst from one address beyond its rate-limit
 * budget (429). Each kind is also audited by the SDK.
 */
import type { ExampleService } from '../../support/example-stack.ts';

/**
 * Service settings that make the burst meet a budget: the services trust one proxy hop, so the
 * burst's `X-Forwarded-For` address is its client address, and the default budget is far above
 * what the steady traffic sends from loopback in a second, yet far below the burst.
 */
export const SECURITY_SERVICE_ENV = {
  LOOKOUT_TRUST_PROXY_HOPS: '1',
  LOOKOUT_RATE_LIMIT_GROUPS: 'default=40/1s',
} as const;

// From the documentation range (RFC 5737): an address no real client has.
const BURST_ADDRESS = '198.51.100.23';
const BURST_REQUESTS = 100;
const FOREIGN_ORIGIN = 'https://attacker.example';

/** What the service answered, by status code. */
export type StatusCounts = Readonly<Record<string, number>>;

/** Sends `rounds` of each hostile kind to `service`; resolves with the statuses it answered. */
export async function sendSecurityTraffic(
  service: ExampleService,
  rounds = 3,
): Promise<StatusCounts> {
  const requests: Promise<number>[] = [];
  for (let round = 0; round < rounds; round++) {
    requests.push(adminWithoutToken(service), foreignPreflight(service));
  }
  const burst = Array.from({ length: BURST_REQUESTS }, () => fromBurstAddress(service));
  const statuses = await Promise.all([...requests, ...burst]);
  const counts: Record<string, number> = {};
  for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

function adminWithoutToken(service: ExampleService): Promise<number> {
  return statusOf(`${service.url}/admin/faults`, {
    headers: { authorization: 'Bearer not-the-admin-token' },
  });
}

function foreignPreflight(service: ExampleService): Promise<number> {
  return statusOf(`${service.url}/api/v1/orders`, {
    method: 'OPTIONS',
    headers: { origin: FOREIGN_ORIGIN, 'access-control-request-method': 'POST' },
  });
}

function fromBurstAddress(service: ExampleService): Promise<number> {
  return statusOf(`${service.url}/api/v1/orders/missing`, {
    headers: { 'x-forwarded-for': BURST_ADDRESS },
  });
}

async function statusOf(url: string, init: RequestInit): Promise<number> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
  await response.arrayBuffer();
  return response.status;
}
