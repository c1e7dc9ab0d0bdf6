/** One request the load generator can send. */
export interface PlannedRequest {
  readonly name: string;
  readonly url: string;
  readonly init?: RequestInit;
}

const SKUS = ['KB-101', 'MS-202', 'HD-303', 'CB-404', 'LT-505'];

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;
const customer = () => `c-${1 + Math.floor(Math.random() * 200)}`;

/**
 * A realistic mix of calls: mostly reads, a steady share of orders (which cross both services),
 * and a few requests for things that do not exist, as real clients send.
 */
export class TrafficMix {
  readonly #ordersUrl: string;
  readonly #inventoryUrl: string;
  readonly #recentOrders: string[] = [];

  constructor(ordersUrl: string, inventoryUrl: string) {
    this.#ordersUrl = ordersUrl.replace(/\/$/, '');
    this.#inventoryUrl = inventoryUrl.replace(/\/$/, '');
  }

  /** Remembers a created order so later reads hit something that exists. */
  remember(orderId: string): void {
    this.#recentOrders.push(orderId);
    if (this.#recentOrders.length > 500) this.#recentOrders.shift();
  }

  next(): PlannedRequest {
    const roll = Math.random();
    const order = this.#recentOrders.length > 0 ? pick(this.#recentOrders) : undefined;
    if (roll < 0.4 || order === undefined) return this.#createOrder();
    if (roll < 0.65) return { name: 'get order', url: `${this.#ordersUrl}/api/v1/orders/${order}` };
    if (roll < 0.75)
      return { name: 'get line', url: `${this.#ordersUrl}/api/v1/orders/${order}/lines/1` };
    if (roll < 0.85)
      return { name: 'history', url: `${this.#ordersUrl}/api/v1/customers/${customer()}/orders` };
    if (roll < 0.95)
      return { name: 'stock', url: `${this.#inventoryUrl}/api/v1/inventory/items/${pick(SKUS)}` };
    return {
      name: 'missing order',
      url: `${this.#ordersUrl}/api/v1/orders/${crypto.randomUUID()}`,
    };
  }

  #createOrder(): PlannedRequest {
    const items = Array.from({ length: 1 + Math.floor(Math.random() * 3) }, () => ({
      sku: pick(SKUS),
      quantity: 1 + Math.floor(Math.random() * 3),
    }));
    return {
      name: 'create order',
      url: `${this.#ordersUrl}/api/v1/orders`,
      init: {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ customerId: customer(), items }),
      },
    };
  }
}
