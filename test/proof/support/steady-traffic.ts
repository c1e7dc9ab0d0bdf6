/**
 * Background traffic at a fixed rate that a test can change, pause and stop: the example load
 * generator's own request mix (orders taken, read and listed, stock looked up, a few missing
 * orders), sent from the test process so a scenario can lower the rate or aim at one route.
 */
import {
  type PlannedRequest,
  TrafficMix,
} from '@lookout/example-service/src/loadgen/traffic-mix.ts';

/** Where the traffic goes. */
export interface TrafficTargets {
  readonly ordersUrl: string;
  readonly inventoryUrl: string;
}

// A request still open after this long is abandoned; the services answer in milliseconds, and
// the slowest fault in these tests adds little more than a second.
const REQUEST_TIMEOUT_MS = 10_000;

/** Fixed-rate traffic; requests start on a timer whatever the answers, like real clients. */
export class SteadyTraffic {
  /** Answers by status code (`error` for a failed connection), since the start. */
  readonly statuses = new Map<string, number>();
  readonly #mix: TrafficMix;
  readonly #inFlight = new Set<Promise<void>>();
  #plan: () => PlannedRequest;
  #timer: NodeJS.Timeout | undefined;

  constructor(targets: TrafficTargets) {
    this.#mix = new TrafficMix(targets.ordersUrl, targets.inventoryUrl);
    this.#plan = () => this.#mix.next();
  }

  /** Sends `rps` requests per second from now on, from the mix or from `plan` when given. */
  run(rps: number, plan?: () => PlannedRequest): void {
    clearInterval(this.#timer);
    this.#plan = plan ?? (() => this.#mix.next());
    this.#timer = setInterval(() => this.#send(), 1000 / rps);
  }

  /** Starts no more requests until the next `run`. */
  pause(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /** Stops and waits for the requests in flight. */
  async stop(): Promise<void> {
    this.pause();
    await Promise.allSettled([...this.#inFlight]);
  }

  #send(): void {
    const planned = this.#plan();
    const request = this.#exchange(planned).finally(() => this.#inFlight.delete(request));
    this.#inFlight.add(request);
  }

  async #exchange(planned: PlannedRequest): Promise<void> {
    let status = 'error';
    try {
      const response = await fetch(planned.url, {
        ...planned.init,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      status = String(response.status);
      const body = await response.text();
      // Later reads then find orders that exist, as the load generator's do.
      if (planned.name === 'create order' && response.status === 201) {
        this.#mix.remember((JSON.parse(body) as { orderId: string }).orderId);
      }
    } catch {
      // Counted as `error`: a stopped service refuses connections, which is the point of a test.
    }
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
  }
}
