import type { RedisClient } from '../shared/redis.ts';

/** Stock the demo starts with, so orders succeed from the first request. */
export const SEED_STOCK: Readonly<Record<string, number>> = {
  'KB-101': 500_000,
  'MS-202': 500_000,
  'HD-303': 250_000,
  'CB-404': 1_000_000,
  'LT-505': 50_000,
};

export interface Reservation {
  readonly reservationId: string;
  readonly sku: string;
  readonly quantity: number;
  readonly orderId: string;
}

/** Decrements stock only when enough remains, atomically, in one round trip. */
const RESERVE_SCRIPT = `
local available = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '-1')
if available < 0 then return -1 end
if available < tonumber(ARGV[2]) then return -2 end
return redis.call('HINCRBY', KEYS[1], ARGV[1], -tonumber(ARGV[2]))
`;

const STOCK_KEY = 'inventory:stock';

/** Stock levels in a Redis hash, shared by every inventory replica. */
export class InventoryStore {
  readonly #redis: RedisClient;

  constructor(redis: RedisClient) {
    this.#redis = redis;
  }

  /** Adds the seed stock for SKUs that do not exist yet. */
  async seed(): Promise<void> {
    for (const [sku, quantity] of Object.entries(SEED_STOCK)) {
      await this.#redis.hSetNX(STOCK_KEY, sku, String(quantity));
    }
  }

  async list(): Promise<Record<string, number>> {
    const raw = await this.#redis.hGetAll(STOCK_KEY);
    return Object.fromEntries(Object.entries(raw).map(([sku, value]) => [sku, Number(value)]));
  }

  async available(sku: string): Promise<number | undefined> {
    const value = await this.#redis.hGet(STOCK_KEY, sku);
    return value === null || value === undefined ? undefined : Number(value);
  }

  /** Reserves stock; `unknown` when the SKU does not exist, `insufficient` when too little is left. */
  async reserve(
    sku: string,
    quantity: number,
    orderId: string,
  ): Promise<Reservation | 'unknown' | 'insufficient'> {
    const result = Number(
      await this.#redis.eval(RESERVE_SCRIPT, {
        keys: [STOCK_KEY],
        arguments: [sku, String(quantity)],
      }),
    );
    if (result === -1) return 'unknown';
    if (result === -2) return 'insufficient';
    return { reservationId: crypto.randomUUID(), sku, quantity, orderId };
  }
}
