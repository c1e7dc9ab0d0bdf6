import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  readSecurityValues,
  resolveSecurityConfig,
} from '../security/config/parse-security-env.ts';
import { SECURITY_SETTINGS } from '../security/config/security-settings.ts';
import { readSecret, Secret } from '../security/secret.ts';
import { type ConfigIssue, LookoutConfigError } from './config-error.ts';
import type { LookoutConfig } from './lookout-config.ts';
import { type LookoutOptions, lookoutOptionsSchema } from './options.ts';
import type { AnySetting } from './setting.ts';
import { LOOKOUT_SETTINGS, OTEL_SETTINGS } from './settings.ts';

type Env = Readonly<Record<string, string | undefined>>;
type Values = Record<string, unknown>;

export interface LoadConfigInput {
  readonly env?: Env;
  readonly options?: LookoutOptions;
  /** Further `LOOKOUT_*` settings owned by optional parts (security), validated alongside. */
  readonly extraSettings?: Readonly<Record<string, AnySetting>>;
  /** Where to look for package.json when the service name or version is not set. */
  readonly cwd?: string;
}

/**
 * Reads, validates and freezes the configuration: code options first, then the environment,
 * then defaults. Throws one `LookoutConfigError` listing every invalid setting.
 */
export function loadConfig(input: LoadConfigInput = {}): LookoutConfig {
  const env = input.env ?? process.env;
  const settings = { ...OTEL_SETTINGS, ...LOOKOUT_SETTINGS, ...input.extraSettings };
  const issues: ConfigIssue[] = [];

  const values = readSettings(settings, env, issues);
  // Security settings are validated by their own table, in the same pass, into the same error.
  const securityValues = readSecurityValues(env);
  const security = resolveSecurityConfig(securityValues.values);
  issues.push(...securityValues.issues, ...security.issues);
  issues.push(...unknownLookoutVariables({ ...settings, ...SECURITY_SETTINGS }, env));
  const options = lookoutOptionsSchema.safeParse(input.options ?? {});
  if (!options.success) issues.push(...optionIssues(options.error.issues));
  if (issues.length > 0) throw new LookoutConfigError(issues);

  const core = resolve(values, options.data ?? {}, input.cwd ?? process.cwd(), env.NODE_ENV);
  return deepFreeze({ ...core, security: security.config });
}

/** Validates every known variable; a blank value counts as unset. */
function readSettings(settings: Record<string, AnySetting>, env: Env, issues: ConfigIssue[]) {
  const values: Values = {};
  for (const [name, entry] of Object.entries(settings)) {
    const raw = entry.secret ? secretValue(env, name, issues) : env[name];
    if (raw === undefined || raw.trim() === '') {
      values[name] = entry.default;
      continue;
    }
    const parsed = entry.schema.safeParse(raw);
    if (parsed.success) values[name] = parsed.data;
    else issues.push({ source: name, received: show(raw, entry), expected: entry.expected });
  }
  return values;
}

/** A secret may come from `NAME` or from the file `NAME_FILE` names (Docker, Kubernetes). */
function secretValue(env: Env, name: string, issues: ConfigIssue[]): string | undefined {
  const result = readSecret(env, name);
  if (!result.ok) issues.push(result.error);
  return result.ok ? result.value?.reveal() : undefined;
}

/** A misspelt `LOOKOUT_*` variable would otherwise be ignored without a word. */
function unknownLookoutVariables(settings: Record<string, AnySetting>, env: Env): ConfigIssue[] {
  const known = (name: string) => name in settings || name.replace(/_FILE$/, '') in settings;
  return Object.keys(env)
    .filter((name) => name.startsWith('LOOKOUT_') && !known(name))
    .filter((name) => !RESERVED_FOR_TOOLING.has(name))
    .map((name) => ({
      source: name,
      received: 'an unknown LOOKOUT_ variable',
      expected: 'one of the variables in docs/configuration.md',
    }));
}

/** Variables the project's scripts use that are not SDK settings. */
const RESERVED_FOR_TOOLING = new Set(['LOOKOUT_ROOT', 'LOOKOUT_CACHE']);

function optionIssues(zodIssues: readonly { path: PropertyKey[]; message: string }[]) {
  return zodIssues.map((issue) => ({
    source: `option ${issue.path.map(String).join('.') || '(root)'}`,
    received: 'an invalid value',
    expected: issue.message,
  }));
}

function show(raw: string, entry: AnySetting): string {
  return entry.secret ? '"****" (secret, not shown)' : JSON.stringify(raw);
}

function resolve(
  values: Values,
  options: LookoutOptions,
  cwd: string,
  nodeEnv: string | undefined,
): Omit<LookoutConfig, 'security'> {
  const get = <T>(name: keyof typeof OTEL_SETTINGS | keyof typeof LOOKOUT_SETTINGS) =>
    values[name] as T;
  const attrs = get<Record<string, string>>('OTEL_RESOURCE_ATTRIBUTES');
  const pkg = readPackageJson(cwd);
  const disabled = get<boolean>('OTEL_SDK_DISABLED');
  const base = get<string>('OTEL_EXPORTER_OTLP_ENDPOINT');

  return {
    telemetryDisabled: disabled,
    service: {
      name:
        options.service?.name ??
        get<string | undefined>('OTEL_SERVICE_NAME') ??
        attrs['service.name'] ??
        pkg.name ??
        'unknown_service:node',
      version:
        options.service?.version ??
        get<string | undefined>('LOOKOUT_SERVICE_VERSION') ??
        attrs['service.version'] ??
        pkg.version ??
        'unknown',
      namespace:
        options.service?.namespace ??
        get<string | undefined>('LOOKOUT_SERVICE_NAMESPACE') ??
        attrs['service.namespace'],
      environment:
        options.service?.environment ??
        get<string | undefined>('LOOKOUT_ENVIRONMENT') ??
        attrs['deployment.environment.name'] ??
        nodeEnv ??
        // Unset means production: development mode shows stack traces to clients.
        'production',
    },
    resourceAttributes: attrs,
    resourceDetectors: get('OTEL_NODE_RESOURCE_DETECTORS'),
    otlp: {
      tracesUrl:
        disabled || get('OTEL_TRACES_EXPORTER') === 'none'
          ? undefined
          : (get<string | undefined>('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT') ??
            signalUrl(base, 'traces')),
      logsUrl:
        disabled || get('OTEL_LOGS_EXPORTER') === 'none'
          ? undefined
          : (get<string | undefined>('OTEL_EXPORTER_OTLP_LOGS_ENDPOINT') ??
            signalUrl(base, 'logs')),
      headers: get('OTEL_EXPORTER_OTLP_HEADERS'),
      timeoutMs: get('OTEL_EXPORTER_OTLP_TIMEOUT'),
    },
    traces: {
      sampler: get('OTEL_TRACES_SAMPLER'),
      samplerRatio: get('OTEL_TRACES_SAMPLER_ARG'),
      propagators: get<string[]>('OTEL_PROPAGATORS').filter((p) => p !== 'none') as (
        | 'tracecontext'
        | 'baggage'
      )[],
      instrumentations: get<string[]>('OTEL_NODE_ENABLED_INSTRUMENTATIONS').filter(
        (name) => !get<string[]>('OTEL_NODE_DISABLED_INSTRUMENTATIONS').includes(name),
      ) as LookoutConfig['traces']['instrumentations'],
      maxQueueSize: get('OTEL_BSP_MAX_QUEUE_SIZE'),
      maxExportBatchSize: get('OTEL_BSP_MAX_EXPORT_BATCH_SIZE'),
      scheduledDelayMs: get('OTEL_BSP_SCHEDULE_DELAY'),
    },
    logs: {
      level: options.logs?.level ?? get('LOOKOUT_LOG_LEVEL'),
      redactKeys: [
        ...get<string[]>('LOOKOUT_LOG_REDACT_KEYS'),
        ...(options.logs?.redactKeys ?? []),
      ],
      maxQueueSize: get('OTEL_BLRP_MAX_QUEUE_SIZE'),
      maxExportBatchSize: get('OTEL_BLRP_MAX_EXPORT_BATCH_SIZE'),
      scheduledDelayMs: get('OTEL_BLRP_SCHEDULE_DELAY'),
    },
    metrics: {
      path: options.metrics?.path ?? get('LOOKOUT_METRICS_PATH'),
      allowFrom: options.metrics?.allowFrom ?? get('LOOKOUT_METRICS_ALLOW_FROM'),
      runtime: options.metrics?.runtime ?? get('LOOKOUT_METRICS_RUNTIME'),
    },
    health: {
      livePath: options.health?.livePath ?? get('LOOKOUT_HEALTH_LIVE_PATH'),
      readyPath: options.health?.readyPath ?? get('LOOKOUT_HEALTH_READY_PATH'),
      checkTimeoutMs: options.health?.checkTimeoutMs ?? get('LOOKOUT_HEALTH_CHECK_TIMEOUT_MS'),
    },
    shutdown: {
      delayMs: options.shutdown?.delayMs ?? get('LOOKOUT_SHUTDOWN_DELAY_MS'),
      graceMs: options.shutdown?.graceMs ?? get('LOOKOUT_SHUTDOWN_GRACE_MS'),
      timeoutMs: options.shutdown?.timeoutMs ?? get('LOOKOUT_SHUTDOWN_TIMEOUT_MS'),
    },
    diagLevel: get('OTEL_LOG_LEVEL'),
    admin: { token: wrapSecret(get('LOOKOUT_ADMIN_TOKEN')) },
  };
}

function wrapSecret(value: string | undefined): Secret | undefined {
  return value === undefined ? undefined : new Secret(value);
}

/** The spec's rule for a base endpoint: append `v1/<signal>` after exactly one slash. */
export function signalUrl(base: string, signal: 'traces' | 'logs'): string {
  return `${base.endsWith('/') ? base : `${base}/`}v1/${signal}`;
}

function readPackageJson(cwd: string): { name?: string; version?: string } {
  try {
    const pkg = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    return {
      name: typeof pkg.name === 'string' ? pkg.name : undefined,
      version: typeof pkg.version === 'string' ? pkg.version : undefined,
    };
  } catch {
    return {};
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
