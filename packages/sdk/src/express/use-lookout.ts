import { createServer, type RequestListener, type Server } from 'node:http';
import type { Logger } from 'pino';
import { loadConfig } from '../config/load-config.ts';
import type { LookoutConfig } from '../config/lookout-config.ts';
import type { LookoutOptions } from '../config/options.ts';
import { notFoundHandler, problemDetailsHandler } from '../errors/problem-details.ts';
import type { Health } from '../health/health.ts';
import { httpMetricsMiddleware } from '../metrics/http-metrics.ts';
import { metricsEndpoint } from '../metrics/metrics-endpoint.ts';
import type { MetricsRegistry } from '../metrics/metrics-registry.ts';
import { type LookoutRuntime, startLookout } from '../runtime.ts';
import { hardenApp, securityHeaders } from '../security/security-headers.ts';
import { applyServerTimeouts, serverOptions } from '../security/server-timeouts.ts';
import type { ShutdownHook, ShutdownResult } from '../shutdown/shutdown.ts';
import { adminAuth } from './admin-auth.ts';
import { type ExpressLike, warnIfUninstrumented } from './instrumentation-check.ts';
import { createLookoutSecurity, type LookoutSecurity } from './lookout-security.ts';

/** What `useLookout` gives the application. */
export interface Lookout {
  readonly config: LookoutConfig;
  /** The application logger (pino): JSON to stdout, OTLP export, trace ids, redaction. */
  readonly logger: Logger;
  /** The private Prometheus registry; get-or-create counters, gauges and histograms. */
  readonly metrics: MetricsRegistry;
  /** Readiness checks: `health.addCheck('redis', () => client.ping())`. */
  readonly health: Health;
  /** API keys, route-group rate limits, the JSON body parser, the audit log, feature flags. */
  readonly security: LookoutSecurity;
  /** RFC 9457 error handler (reports 5xx to Sentry when configured); mount it after the routes. */
  errorHandler(): ReturnType<typeof problemDetailsHandler>;
  /** 404 problem for unmatched requests; mount it after the routes, before `errorHandler`. */
  notFoundHandler(): ReturnType<typeof notFoundHandler>;
  /**
   * Middleware for admin routes: requires `Authorization: Bearer <LOOKOUT_ADMIN_TOKEN>`; without
   * a configured token every admin route answers 404.
   */
  adminAuth(): ReturnType<typeof adminAuth>;
  /**
   * Starts an HTTP server for the app with the configured header limit and timeouts against
   * slow clients, and graceful shutdown on SIGTERM/SIGINT. Resolves once it listens.
   */
  listen(port: number, host?: string): Promise<Server>;
  /**
   * Gives `server` graceful shutdown on SIGTERM and SIGINT: readiness 503, stop accepting, drain
   * in-flight requests, run `onShutdown` hooks, flush telemetry, exit 0.
   */
  handleShutdown(server: Server): void;
  /** Runs `hook` during shutdown, after requests drained and before telemetry flushes. */
  onShutdown(hook: ShutdownHook): void;
  /** Shuts down now, without exiting; idempotent. */
  shutdown(): Promise<ShutdownResult>;
}

/**
 * Instruments and hardens an Express application. Call it right after creating the app, before
 * other middleware: it mounts security headers, `/livez`, `/readyz`, `/metrics`, request
 * metrics, CORS and the default rate limit, in that order. Telemetry starts here if
 * `@lookout/sdk/register` did not start it already.
 */
export function useLookout(app: ExpressLike, options?: LookoutOptions): Lookout {
  const runtime = startLookout({ options });
  // Code options may refine the HTTP-facing settings even when register started telemetry.
  const config = options === undefined ? runtime.config : loadConfig({ options });
  warnIfUninstrumented(app, runtime);
  const security = createLookoutSecurity(runtime, config);

  hardenApp(app, config.security.trustProxyHops);
  if (config.security.headers.enabled) app.use(securityHeaders(config.security.headers));
  // Probes and scrapes come before CORS and rate limits, so an orchestrator is never refused,
  // and before request metrics, so they do not dilute the service's rates and SLOs (they are
  // left out of tracing for the same reason).
  app.get(config.health.livePath, runtime.health.liveHandler());
  app.get(config.health.readyPath, runtime.health.readyHandler());
  app.get(
    config.metrics.path,
    metricsEndpoint(runtime.metrics, {
      allowFrom: config.metrics.allowFrom,
      problems: runtime.problems,
    }),
  );
  app.use(httpMetricsMiddleware(runtime.metrics));
  app.use(security.cors);
  app.use(security.rateLimit('default'));
  if (config.security.apiKeys.store !== undefined) app.use(security.authFailures);
  return lookoutFacade(app, runtime, config, security);
}

function lookoutFacade(
  app: ExpressLike,
  runtime: LookoutRuntime,
  config: LookoutConfig,
  security: LookoutSecurity,
): Lookout {
  const { logger, metrics, health, shutdown, sentry } = runtime;
  const handleShutdown = (server: Server) => {
    shutdown.track(server);
    shutdown.handleSignals();
  };
  return {
    config,
    logger,
    metrics,
    health,
    security,
    errorHandler: () =>
      problemDetailsHandler({
        logger,
        exposeStack: config.service.environment === 'development',
        report: sentry ? (error, req) => sentry.captureException(error, req) : undefined,
      }),
    notFoundHandler: () => notFoundHandler(),
    adminAuth: () => adminAuth(config.admin.token, logger, security.audit),
    listen(port, host) {
      const server = createServer(
        serverOptions(config.security.server),
        app as unknown as RequestListener,
      );
      applyServerTimeouts(server, config.security.server);
      handleShutdown(server);
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve(server));
      });
    },
    handleShutdown,
    onShutdown: (hook) => shutdown.onShutdown(hook),
    shutdown: () => shutdown.run(),
  };
}
