import type { RateLimitConfig } from './config/security-config.ts';
import type { RedisCommandSender } from './rate-limit.ts';

/** A connected Redis for rate-limit counters; close it at shutdown. */
export interface RateLimitRedis extends RedisCommandSender {
  close(): Promise<void>;
}

/**
 * Connects to `LOOKOUT_RATE_LIMIT_REDIS_URL`, or resolves undefined when it is unset (counters
 * then stay in each process). Throws when Redis cannot be reached at start, so a replica never
 * silently runs with a private budget; later outages go to `onError` and, by default, let
 * requests through (`LOOKOUT_RATE_LIMIT_FAIL_OPEN`).
 */
export async function connectRateLimitRedis(
  config: RateLimitConfig,
  onError: (error: unknown) => void = () => {},
): Promise<RateLimitRedis | undefined> {
  if (config.redisUrl === undefined) return undefined;
  // Loaded on demand: node-redis is large, and single-replica services never need it.
  const { createClient } = await import('redis');
  const client = createClient({ url: config.redisUrl.reveal() });
  // node-redis reconnects by itself; without a listener an error event would crash the process.
  client.on('error', onError);
  await client.connect();
  return {
    sendCommand: (args) => client.sendCommand(args),
    close: () => client.close(),
  };
}
