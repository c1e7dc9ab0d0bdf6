import type { IncomingMessage, ServerResponse } from 'node:http';
// Types only: the package itself is an optional peer dependency, loaded when SENTRY_DSN is set.
import type * as SentryNode from '@sentry/node';
import { requireOptionalPeer } from '../internal/optional-peer.ts';
import type { SentryConfig } from './config/security-config.ts';
import { scrubValue } from './scrub.ts';
import { scrubEvent } from './sentry-event-scrub.ts';

export { type ScrubbableEvent, scrubEvent } from './sentry-event-scrub.ts';

/**
 * `@sentry/node` is an optional peer dependency: its install tree carries Sentry's CLI, which is
 * not under an open-source licence, so the SDK's own production tree does without it and only
 * services that report to Sentry install it.
 */
const SENTRY_PEER = { name: '@sentry/node', range: '^11.12.0', setting: 'SENTRY_DSN' } as const;

/** Integrations left out: each could copy secrets the scrubber cannot recognise by name. */
const DROPPED_INTEGRATIONS = new Set([
  // Console breadcrumbs repeat whatever the app printed, secrets included.
  'Console',
  // Local variables of the failing frame hold request bodies, keys and passwords (v11 names the
  // integration LocalVariablesAsync on current Node).
  'LocalVariables',
  'LocalVariablesAsync',
]);
/**
 * Process-wide handlers, installed only with LOOKOUT_SENTRY_CAPTURE_UNCAUGHT: the SDK installs
 * no process handlers behind the application's back.
 */
const PROCESS_HANDLER_INTEGRATIONS = new Set(['OnUncaughtException', 'OnUnhandledRejection']);

export interface SentryOptions {
  /** Service identity, used when SENTRY_ENVIRONMENT or SENTRY_RELEASE are unset. */
  readonly service?: { readonly version?: string; readonly environment?: string };
  /** Keys scrubbed in addition to the shared sensitive-key list. */
  readonly extraSensitiveKeys?: readonly string[];
}

/** A running Sentry client; see `initSentry`. */
export interface SentryHandle {
  /** Sends an error; returns the Sentry event id. */
  captureException(error: unknown, req?: IncomingMessage): string;
  /** Express error middleware that reports errors answered with 5xx, then passes them on. */
  errorHandler(): (
    err: unknown,
    req: IncomingMessage,
    res: ServerResponse,
    next: (err?: unknown) => void,
  ) => void;
  /** Waits for queued events, at most `timeoutMs`; resolves false when some were left. */
  flush(timeoutMs: number): Promise<boolean>;
  /** Flushes, then disables the client. */
  close(timeoutMs: number): Promise<boolean>;
}

/**
 * Starts Sentry error reporting when `SENTRY_DSN` is set, and returns undefined otherwise.
 *
 * Sentry v11 only reports errors here; OpenTelemetry owns spans and propagation:
 * - `enableOpenTelemetrySetup: false` (v11's replacement for v8–v10's `skipOpenTelemetrySetup`)
 *   keeps Sentry from registering its tracer provider and propagator, and no
 *   `tracesSampleRate` means Sentry records no spans of its own;
 * - `openTelemetryIntegration()` stamps each event with the active OpenTelemetry trace and span
 *   ids, so the event, the log line and the trace of one request share a trace id;
 * - `tracePropagationTargets: []` means no `sentry-trace` or `baggage` header on outgoing
 *   requests: the only trace header is OpenTelemetry's `traceparent`;
 * - `enableRuntimeChannelInjection: false` keeps Sentry's module hooks out, since the SDK
 *   registers the process's only import hook (for OpenTelemetry).
 *
 * v11 has no `sendDefaultPii`; its successor `dataCollection` is set to collect no user data,
 * cookies, bodies or local variables, and every event passes `beforeSend` scrubbing.
 *
 * Throws `LookoutConfigError` naming `@sentry/node` when a DSN is set but the package is not
 * installed.
 */
export function initSentry(
  config: SentryConfig,
  options: SentryOptions = {},
): SentryHandle | undefined {
  if (config.dsn === undefined) return undefined;
  const Sentry = requireOptionalPeer<typeof SentryNode>(SENTRY_PEER);
  const extraKeys = options.extraSensitiveKeys ?? [];
  Sentry.init({
    dsn: config.dsn.reveal(),
    environment: config.environment ?? options.service?.environment,
    release: config.release ?? options.service?.version,
    sampleRate: config.sampleRate,
    enableOpenTelemetrySetup: false,
    enableRuntimeChannelInjection: false,
    tracePropagationTargets: [],
    propagateTraceparent: false,
    dataCollection: PRIVATE_DATA_COLLECTION,
    maxBreadcrumbs: 50,
    integrations: (defaults) => [
      ...defaults.filter((integration) => keep(integration.name, config.captureUncaught)),
      Sentry.openTelemetryIntegration(),
    ],
    beforeSend: (event) => scrubEvent(event, extraKeys),
    beforeBreadcrumb: (breadcrumb) => scrubValue(breadcrumb, extraKeys) as typeof breadcrumb,
  });
  return handle(Sentry);
}

const PRIVATE_DATA_COLLECTION = {
  userInfo: false,
  cookies: false,
  httpHeaders: { request: true, response: false },
  httpBodies: [],
  urlQueryParams: true,
  stackFrameVariables: false,
  databaseQueryData: false,
  queues: false,
  graphQL: { document: true, variables: false },
  genAI: { inputs: false, outputs: false },
  mcp: { inputs: false, outputs: false },
} satisfies SentryNode.NodeOptions['dataCollection'];

function keep(name: string, captureUncaught: boolean): boolean {
  if (DROPPED_INTEGRATIONS.has(name)) return false;
  return captureUncaught || !PROCESS_HANDLER_INTEGRATIONS.has(name);
}

function handle(Sentry: typeof SentryNode): SentryHandle {
  const captureException = (error: unknown, req?: IncomingMessage) =>
    Sentry.withScope((scope) => {
      if (req !== undefined)
        scope.setSDKProcessingMetadata({ normalizedRequest: requestData(req) });
      return Sentry.captureException(error);
    });
  return {
    captureException,
    errorHandler: () => (err, req, _res, next) => {
      if (statusOf(err) >= 500) captureException(err, req);
      next(err);
    },
    flush: (timeoutMs) => Sentry.flush(timeoutMs),
    close: (timeoutMs) => Sentry.close(timeoutMs),
  };
}

/** The request as Sentry's request-data integration reads it; it applies `dataCollection`. */
function requestData(req: IncomingMessage & { originalUrl?: string }) {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const url = req.originalUrl ?? req.url ?? '';
  const query = url.includes('?') ? url.slice(url.indexOf('?') + 1) : undefined;
  return {
    method: req.method,
    url: `http://${headers.host ?? 'localhost'}${url}`,
    headers,
    query_string: query,
  };
}

function statusOf(err: unknown): number {
  if (typeof err !== 'object' || err === null) return 500;
  const { status, statusCode } = err as { status?: unknown; statusCode?: unknown };
  const value = typeof status === 'number' ? status : statusCode;
  return typeof value === 'number' && value >= 400 && value < 600 ? value : 500;
}
