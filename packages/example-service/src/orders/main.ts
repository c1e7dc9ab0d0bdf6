/**
 * The orders service: takes orders, reserves stock from the inventory service over HTTP and
 * stores the orders in Redis. Start it with `node --import @lookout/sdk/register src/orders/main.ts`.
 */
import { connectRedis } from '../shared/redis.ts';
import { createService, listen, portFromEnv, requiredEnv } from '../shared/service.ts';
import { InventoryClient } from './inventory-client.ts';
import { OrderStore } from './order-store.ts';
import { orderRoutes } from './routes.ts';

const service = createService();
const redis = await connectRedis(requiredEnv('REDIS_URL'), service.lookout);
// Readiness checks only what this process owns (Redis): gating on inventory's readiness would
// take orders out of rotation too whenever inventory restarts, turning one outage into two.
const inventory = new InventoryClient(requiredEnv('INVENTORY_URL'));

service.app.use(
  '/api/v1',
  orderRoutes(
    new OrderStore(redis),
    inventory,
    { json: service.lookout.security.jsonBody(), fault: service.faults.failPoint() },
    service.lookout.logger,
  ),
);
await listen(service, portFromEnv('PORT', 3000));
