import type { Server } from 'node:http';
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
import type { ShutdownHook, ShutdownResult } from '../shutdown/shutdown.ts';
import { adminAuth } from './admin-auth.ts';
import { type ExpressLike, warnIfUninstrumented } from './instrumentation-check.ts';

/** What `useLookout` gives the application. */
export interface Lookout {
  readonly config: LookoutConfig;
  /** The application logger (pino): JSON to stdout, OTLP export, trace ids, redaction. */
  readonly logger: Logger;
  /** The private Prometheus registry; get-or-create counters, gauges and histograms. */
  readonly metrics: MetricsRegistry;
  /** Readiness checks: `health.addCheck('redis', () => client.ping())`. */
  readonly health: Health;
  /** RFC 9457 error handler; mount it after the routes. */
  errorHandler(): ReturnType<typeof problemDetailsHandler>;
  /** 404 problem for unmatched requests; mount it after the routes, before `errorHandler`. */
  notFoundHandler(): ReturnType<typeof notFoundHandler>;
  /**
   * Gives `server` graceful shutdown on SIGTERM and SIGINT: readiness 503, stop accepting, drain
   * in-flight requests, run `onShutdown` hooks, flush telemetry, exit 0.
   */
  handleShutdown(server: Server): void;
  /**
   * Middleware for admin routes: requires `Authorization: Bearer <LOOKOUT_ADMIN_TOKEN>`; without
   * a configured token every admin route answers 404.
   */
  adminAuth(): ReturnType<typeof adminAuth>;
  /** Runs `hook` during shutdown, after requests drained and before telemetry flushes. */
  onShutdown(hook: ShutdownHook): void;
  /** Shuts down now, without exiting; idempotent. */
  shutdown(): Promise<ShutdownResult>;
}

/**
 * Instruments an Express application: request metrics (mounted first), `/livez`, `/readyz` and
 * `/metrics`. Call it right after creating the app, before other middleware. Telemetry starts
 * here if `@lookout/sdk/register` did not start it already.
 */
export function useLookout(app: ExpressLike, options?: LookoutOptions): Lookout {
  const runtime = startLookout({ options });
  // Code options may refine the HTTP-facing settings even when register started telemetry.
  const config = options === undefined ? runtime.config : loadConfig({ options });
  warnIfUninstrumented(app, runtime);

  app.disable('x-powered-by');
  app.use(httpMetricsMiddleware(runtime.metrics));
  app.get(config.health.livePath, runtime.health.liveHandler());
  app.get(config.health.readyPath, runtime.health.readyHandler());
  app.get(
    config.metrics.path,
    metricsEndpoint(runtime.metrics, {
      allowFrom: config.metrics.allowFrom,
      problems: runtime.problems,
    }),
  );
  return lookoutFacade(runtime, config);
}

function lookoutFacade(runtime: LookoutRuntime, config: LookoutConfig): Lookout {
  const { logger, metrics, health, shutdown } = runtime;
  return {
    config,
    logger,
    metrics,
    health,
    errorHandler: () =>
      problemDetailsHandler({ logger, exposeStack: config.service.environment === 'development' }),
    notFoundHandler: () => notFoundHandler(),
    adminAuth: () => adminAuth(config.admin.token, logger),
    handleShutdown(server) {
      shutdown.track(server);
      shutdown.handleSignals();
    },
    onShutdown: (hook) => shutdown.onShutdown(hook),
    shutdown: () => shutdown.run(),
  };
}
