import type { SettingName } from './sections.ts';

/** A value the template sets for production, and why it differs from the default. */
export interface Recommendation {
  /** The value; for a secret setting, the path of the file holding it (`<NAME>_FILE`). */
  readonly value: string;
  readonly why: string;
  /** Left commented out: a choice that depends on the deployment, shown with a sample value. */
  readonly optional?: boolean;
}

/**
 * The lines `.env.production.example` leaves active. Secrets are always given as files, the
 * form Docker and Kubernetes secrets mount, so no value in the template is itself a secret.
 */
export const PRODUCTION_VALUES: Partial<Record<SettingName, Recommendation>> = {
  OTEL_SERVICE_NAME: {
    value: 'orders',
    why: 'name the service explicitly; package.json names differ between builds and forks.',
  },
  OTEL_EXPORTER_OTLP_ENDPOINT: {
    value: 'http://localhost:4318',
    why: 'the sidecar in the same pod; in Compose, http://<service>-sidecar:4318.',
  },
  LOOKOUT_ENVIRONMENT: {
    value: 'production',
    why: 'stated, not inferred from NODE_ENV, so dashboards filter on a known value.',
  },
  LOOKOUT_SHUTDOWN_DELAY_MS: {
    value: '5000',
    why: 'Kubernetes keeps routing to a terminating pod for a few seconds after SIGTERM.',
  },
  LOOKOUT_ADMIN_TOKEN: {
    value: '/run/secrets/lookout-admin-token',
    why: 'only where admin endpoints (the example’s fault switches) are wanted.',
    optional: true,
  },
  LOOKOUT_TRUST_PROXY_HOPS: {
    value: '1',
    why: 'one load balancer or ingress in front; count yours.',
  },
  LOOKOUT_CORS_ORIGINS: {
    value: 'https://app.example.com',
    why: 'the browser origins that call the API; leave unset for server-to-server APIs.',
    optional: true,
  },
  LOOKOUT_RATE_LIMIT_GROUPS: {
    value: 'default=300/1m,login=10/1m',
    why: 'a tighter budget for sensitive flows, mounted with limits.group("login").',
  },
  LOOKOUT_RATE_LIMIT_REDIS_URL: {
    value: '/run/secrets/lookout-redis-url',
    why: 'with more than one replica, so the budget is shared.',
  },
  LOOKOUT_API_KEY_SECRET: {
    value: '/run/secrets/lookout-api-key-secret',
    why: 'required with a key store; `openssl rand -base64 48`.',
  },
  LOOKOUT_KEY_STORE: {
    value: '/run/secrets/lookout-key-store-url',
    why: 'a rediss:// URL, so revocations reach every replica at once.',
  },
  LOOKOUT_KEY_STORE_ENCRYPTION_KEY: {
    value: '/run/secrets/lookout-key-store-key',
    why: 'required with a key store; `openssl rand -hex 32`.',
  },
  LOOKOUT_AUDIT_DESTINATION: {
    value: '/var/log/lookout/audit.log',
    why: 'a file on a volume of its own per replica, shipped off the host as it is written.',
  },
  LOOKOUT_AUDIT_CHAIN_KEY: {
    value: '/run/secrets/lookout-audit-chain-key',
    why: 'makes the chain an HMAC that cannot be recomputed without the key.',
  },
  LOOKOUT_KEEP_ALIVE_TIMEOUT_MS: {
    value: '65000',
    why: 'longer than the load balancer’s idle timeout (60 s on an AWS ALB).',
  },
  SENTRY_DSN: {
    value: '/run/secrets/sentry-dsn',
    why: 'only with @sentry/node installed beside the SDK (pnpm add @sentry/node@^11.12.0).',
    optional: true,
  },
};
