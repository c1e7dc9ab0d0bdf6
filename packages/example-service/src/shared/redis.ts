import type { Lookout } from '@lookout/sdk';
import { createClient } from 'redis';

function newClient(url: string) {
  return createClient({
    url,
    // Reconnect with backoff, capped, so a Redis restart costs seconds, not a crashed service.
    socket: { reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 5000) },
  });
}

export type RedisClient = ReturnType<typeof newClient>;

/**
 * Connects to Redis, registers it as a readiness check and closes it on shutdown. Connection
 * errors are logged, not thrown: the client reconnects by itself and readiness reports the outage.
 */
export async function connectRedis(url: string, lookout: Lookout): Promise<RedisClient> {
  const client = newClient(url);
  client.on('error', (error: Error) =>
    lookout.logger.warn({ err: error }, 'redis connection problem'),
  );
  await client.connect();
  lookout.health.addCheck('redis', async () => {
    if ((await client.ping()) !== 'PONG') throw new Error('redis did not answer PONG');
  });
  lookout.onShutdown(() => client.close());
  return client;
}
