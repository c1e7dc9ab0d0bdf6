import type { RedisClient } from '../shared/redis.ts';

export interface OrderLine {
  readonly sku: string;
  readonly quantity: number;
  readonly reservationId: string;
}

export interface Order {
  readonly orderId: string;
  readonly customerId: string;
  readonly lines: readonly OrderLine[];
  readonly createdAt: string;
}

/** How many orders a customer's history keeps; older ones stay readable by id. */
const HISTORY_LENGTH = 50;

/** Orders as JSON documents in Redis, with a short per-customer history list. */
export class OrderStore {
  readonly #redis: RedisClient;

  constructor(redis: RedisClient) {
    this.#redis = redis;
  }

  async save(order: Order): Promise<void> {
    const history = `orders:customer:${order.customerId}`;
    await this.#redis
      .multi()
      .set(`orders:${order.orderId}`, JSON.stringify(order), {
        expiration: { type: 'EX', value: 86_400 },
      })
      .lPush(history, order.orderId)
      .lTrim(history, 0, HISTORY_LENGTH - 1)
      .exec();
  }

  async get(orderId: string): Promise<Order | undefined> {
    const raw = await this.#redis.get(`orders:${orderId}`);
    return raw === null ? undefined : (JSON.parse(raw) as Order);
  }

  async forCustomer(customerId: string): Promise<Order[]> {
    const ids = await this.#redis.lRange(`orders:customer:${customerId}`, 0, HISTORY_LENGTH - 1);
    const orders = await Promise.all(ids.map((id) => this.get(id)));
    return orders.filter((order): order is Order => order !== undefined);
  }
}
