import { z } from 'zod';
import { type ConfigIssue, LookoutConfigError } from '../../config/config-error.ts';
import type { AnySetting } from '../../config/setting.ts';
import { readSecret } from '../secret.ts';
import { deepFreeze } from './deep-freeze.ts';
import type { SecurityConfig } from './security-config.ts';
import {
  DEFAULT_GROUP_BUDGET,
  SECURITY_SETTINGS,
  type SecuritySettingName,
} from './security-settings.ts';
import type { RateBudget } from './setting-parsers.ts';

type Env = Readonly<Record<string, string | undefined>>;
type Values = Readonly<Record<string, unknown>>;

/**
 * The security settings as one zod object over the raw environment strings (no defaults, no
 * `_FILE` reading), for callers that merge schemas. `parseSecurityEnv` is the complete path.
 */
export const securityConfigSchema = z.object(
  Object.fromEntries(
    Object.entries(SECURITY_SETTINGS).map(([name, entry]) => [name, entry.schema.optional()]),
  ),
);

/**
 * Reads, validates and freezes the security configuration from `env`. Throws one
 * `LookoutConfigError` (code `LOOKOUT_CONFIG_INVALID`) listing every problem.
 */
export function parseSecurityEnv(env: Env = process.env): SecurityConfig {
  const read = readSecurityValues(env);
  const resolved = resolveSecurityConfig(read.values);
  const issues = [...read.issues, ...resolved.issues];
  if (issues.length > 0) throw new LookoutConfigError(issues);
  return resolved.config;
}

/**
 * Validates each variable on its own. Secret settings are read from `NAME` or the file in
 * `NAME_FILE`; their values never appear in an issue. Blank counts as unset.
 */
export function readSecurityValues(env: Env): { values: Values; issues: ConfigIssue[] } {
  const values: Record<string, unknown> = {};
  const issues: ConfigIssue[] = [];
  for (const [name, entry] of Object.entries(SECURITY_SETTINGS) as [string, AnySetting][]) {
    const raw = rawValue(env, name, entry, issues);
    if (raw === undefined || raw.trim() === '') {
      values[name] = entry.default;
      continue;
    }
    const parsed = entry.schema.safeParse(raw);
    // A rejected value falls back to its default so the rules spanning several settings can
    // still run and report their problems in the same error.
    values[name] = parsed.success ? parsed.data : entry.default;
    if (!parsed.success) {
      issues.push({ source: name, received: shown(raw, entry), expected: entry.expected });
    }
  }
  return { values, issues };
}

function rawValue(env: Env, name: string, entry: AnySetting, issues: ConfigIssue[]) {
  if (!entry.secret) return env[name];
  const secret = readSecret(env, name);
  if (!secret.ok) {
    issues.push(secret.error);
    return undefined;
  }
  return secret.value?.reveal();
}

function shown(raw: string, entry: AnySetting): string {
  return entry.secret ? `a secret of ${raw.length} characters (not shown)` : JSON.stringify(raw);
}

/**
 * Builds the structured configuration from validated values (as `readSecurityValues` or the
 * SDK's own loader produce them) and checks the rules that span several settings.
 */
export function resolveSecurityConfig(values: Values): {
  config: SecurityConfig;
  issues: ConfigIssue[];
} {
  const get = <T>(name: SecuritySettingName) => values[name] as T;
  const config = deepFreeze<SecurityConfig>({
    headers: {
      enabled: get('LOOKOUT_SECURITY_HEADERS'),
      hstsMaxAgeSeconds: get('LOOKOUT_HSTS_MAX_AGE_SECONDS'),
      hstsPreload: get('LOOKOUT_HSTS_PRELOAD'),
    },
    trustProxyHops: get('LOOKOUT_TRUST_PROXY_HOPS'),
    cors: {
      origins: get('LOOKOUT_CORS_ORIGINS'),
      credentials: get('LOOKOUT_CORS_CREDENTIALS'),
      methods: get('LOOKOUT_CORS_METHODS'),
      allowedHeaders: get('LOOKOUT_CORS_ALLOWED_HEADERS'),
      exposedHeaders: get('LOOKOUT_CORS_EXPOSED_HEADERS'),
      maxAgeSeconds: get('LOOKOUT_CORS_MAX_AGE_SECONDS'),
    },
    rateLimit: {
      enabled: get('LOOKOUT_RATE_LIMIT_ENABLED'),
      groups: withDefaultGroup(get('LOOKOUT_RATE_LIMIT_GROUPS')),
      authFailures: get('LOOKOUT_RATE_LIMIT_AUTH_FAILURES'),
      ipv6Subnet: get('LOOKOUT_RATE_LIMIT_IPV6_SUBNET'),
      redisUrl: get('LOOKOUT_RATE_LIMIT_REDIS_URL'),
      failOpen: get('LOOKOUT_RATE_LIMIT_FAIL_OPEN'),
    },
    apiKeys: {
      secret: get('LOOKOUT_API_KEY_SECRET'),
      store: get('LOOKOUT_KEY_STORE'),
      storeEncryptionKey: get('LOOKOUT_KEY_STORE_ENCRYPTION_KEY'),
      refreshMs: get('LOOKOUT_KEY_STORE_REFRESH_MS'),
      ttlDays: get('LOOKOUT_API_KEY_TTL_DAYS'),
      rotationOverlapHours: get('LOOKOUT_API_KEY_ROTATION_OVERLAP_HOURS'),
    },
    audit: {
      enabled: get('LOOKOUT_AUDIT_ENABLED'),
      destination: get('LOOKOUT_AUDIT_DESTINATION'),
      chainKey: get('LOOKOUT_AUDIT_CHAIN_KEY'),
      authSuccess: get('LOOKOUT_AUDIT_AUTH_SUCCESS'),
      throttleMs: get('LOOKOUT_AUDIT_THROTTLE_MS'),
    },
    body: { limitBytes: get('LOOKOUT_BODY_LIMIT_BYTES'), maxDepth: get('LOOKOUT_JSON_MAX_DEPTH') },
    server: {
      headersTimeoutMs: get('LOOKOUT_HEADERS_TIMEOUT_MS'),
      requestTimeoutMs: get('LOOKOUT_REQUEST_TIMEOUT_MS'),
      keepAliveTimeoutMs: get('LOOKOUT_KEEP_ALIVE_TIMEOUT_MS'),
      connectionsCheckingIntervalMs: get('LOOKOUT_CONNECTIONS_CHECK_INTERVAL_MS'),
      maxHeaderBytes: get('LOOKOUT_MAX_HEADER_BYTES'),
    },
    featureFlags: get('LOOKOUT_FEATURE_FLAGS'),
    sentry: {
      dsn: get('SENTRY_DSN'),
      environment: get('SENTRY_ENVIRONMENT'),
      release: get('SENTRY_RELEASE'),
      sampleRate: get('LOOKOUT_SENTRY_SAMPLE_RATE'),
      captureUncaught: get('LOOKOUT_SENTRY_CAPTURE_UNCAUGHT'),
    },
  });
  return { config, issues: crossChecks(config) };
}

/** The `default` group exists even when the variable lists only other groups. */
function withDefaultGroup(groups: Record<string, RateBudget>): Record<string, RateBudget> {
  return { default: DEFAULT_GROUP_BUDGET, ...groups };
}

/** Rules no single variable can check; each names the variable to change. */
function crossChecks(config: SecurityConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const { cors, apiKeys, rateLimit, server } = config;
  if (cors.origins.includes('*') && cors.credentials) {
    issues.push(
      issue('LOOKOUT_CORS_CREDENTIALS', 'true with origin *', 'false, or listed origins'),
    );
  }
  if (cors.origins.includes('*') && cors.origins.length > 1) {
    issues.push(issue('LOOKOUT_CORS_ORIGINS', '* mixed with origins', '* alone or origins only'));
  }
  if (apiKeys.store !== undefined && apiKeys.secret === undefined) {
    issues.push(issue('LOOKOUT_API_KEY_SECRET', 'unset', 'a secret when LOOKOUT_KEY_STORE is set'));
  }
  if (apiKeys.store !== undefined && apiKeys.storeEncryptionKey === undefined) {
    const expected = 'a key file when LOOKOUT_KEY_STORE is set';
    issues.push(issue('LOOKOUT_KEY_STORE_ENCRYPTION_KEY_FILE', 'unset', expected));
  }
  if (rateLimit.redisUrl !== undefined && !isRedisUrl(rateLimit.redisUrl.reveal())) {
    issues.push(issue('LOOKOUT_RATE_LIMIT_REDIS_URL', 'a non-Redis URL', 'redis:// or rediss://'));
  }
  if (server.requestTimeoutMs < server.headersTimeoutMs) {
    const received = `${server.requestTimeoutMs} (below LOOKOUT_HEADERS_TIMEOUT_MS)`;
    issues.push(issue('LOOKOUT_REQUEST_TIMEOUT_MS', received, 'at least the headers timeout'));
  }
  return issues;
}

/** True for the URL forms node-redis accepts. */
export function isRedisUrl(value: string): boolean {
  return /^rediss?:\/\//.test(value);
}

function issue(source: string, received: string, expected: string): ConfigIssue {
  return { source, received, expected };
}
