/**
 * The inventory service: stock levels in Redis, reservations for the orders service.
 * Start it with `node --import @lookout/sdk/register src/inventory/main.ts`.
 */
import { connectRedis } from '../shared/redis.ts';
import { createService, listen, portFromEnv, requiredEnv } from '../shared/service.ts';
import { InventoryStore } from './inventory-store.ts';
import { inventoryRoutes } from './routes.ts';

const service = createService();
const redis = await connectRedis(requiredEnv('REDIS_URL'), service.lookout);
const store = new InventoryStore(redis);
await store.seed();

const middleware = { json: service.lookout.security.jsonBody(), fault: service.faults.failPoint() };
service.app.use('/api/v1/inventory', inventoryRoutes(store, middleware));
await listen(service, portFromEnv('PORT', 3001));
