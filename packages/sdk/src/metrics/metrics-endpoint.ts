import type { IncomingMessage, ServerResponse } from 'node:http';
import { AddressAllowList } from '../internal/address-allow-list.ts';
import type { ProblemReporter } from '../internal/problem-reporter.ts';
import type { MetricsRegistry } from './metrics-registry.ts';
import { MetricsRenderer, negotiateFormat } from './render-metrics.ts';

export interface MetricsEndpointOptions {
  /** Who may scrape, by socket address; see `AddressAllowList`. */
  readonly allowFrom: readonly string[];
  readonly problems: ProblemReporter;
}

/**
 * The `/metrics` handler. It is closed to the public by default: only the configured socket
 * addresses may scrape (never judged by `X-Forwarded-For`, which a client controls).
 */
export function metricsEndpoint(metrics: MetricsRegistry, options: MetricsEndpointOptions) {
  const allowList = new AddressAllowList(options.allowFrom);
  const renderer = new MetricsRenderer(metrics.registry);

  return async function lookoutMetrics(req: IncomingMessage, res: ServerResponse) {
    if (!allowList.allows(req.socket.remoteAddress)) {
      res.statusCode = 404;
      res.end();
      return;
    }

    try {
      const { contentType, body } = await renderer.render(negotiateFormat(req.headers.accept));
      res.setHeader('Content-Type', contentType);
      res.setHeader('Cache-Control', 'no-store');
      res.end(body);
    } catch (error) {
      options.problems.report('metrics.render', 'rendering /metrics failed', error);
      res.statusCode = 500;
      res.end();
    }
  };
}
