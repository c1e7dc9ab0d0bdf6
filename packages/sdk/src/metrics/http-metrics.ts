import type { IncomingMessage, ServerResponse } from 'node:http';
import { activeTraceContext } from '../internal/trace-context.ts';
import type { MetricsRegistry } from './metrics-registry.ts';
import {
  EXEMPLAR_TRACE_ID_LABEL,
  HTTP_DURATION_BUCKETS,
  HTTP_LABELS,
  HTTP_SERVER_ACTIVE_REQUESTS,
  HTTP_SERVER_REQUEST_DURATION,
} from './names.ts';
import { type RoutedRequest, routeTemplate } from './route-template.ts';

/** Methods kept as label values; anything else becomes `_OTHER` to bound cardinality. */
const KNOWN_METHODS = new Set([
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'DELETE',
  'CONNECT',
  'OPTIONS',
  'TRACE',
  'PATCH',
]);

type Label = (typeof HTTP_LABELS)[keyof typeof HTTP_LABELS];

/**
 * Express middleware recording `http_server_request_duration_seconds` per method, route template
 * and status code, with the request's trace id as exemplar. Mount it before any route.
 */
export function httpMetricsMiddleware(metrics: MetricsRegistry) {
  const duration = metrics.histogram<Label>({
    name: HTTP_SERVER_REQUEST_DURATION,
    help: 'Duration of HTTP server requests, in seconds, by method, route template and status code.',
    labelNames: [HTTP_LABELS.method, HTTP_LABELS.route, HTTP_LABELS.statusCode],
    buckets: [...HTTP_DURATION_BUCKETS],
    enableExemplars: true,
  });
  const active = metrics.gauge<typeof HTTP_LABELS.method>({
    name: HTTP_SERVER_ACTIVE_REQUESTS,
    help: 'HTTP server requests currently being handled, by method.',
    labelNames: [HTTP_LABELS.method],
  });

  return function lookoutHttpMetrics(req: IncomingMessage, res: ServerResponse, next: () => void) {
    const started = process.hrtime.bigint();
    const method = KNOWN_METHODS.has(req.method ?? '') ? (req.method as string) : '_OTHER';
    const span = activeTraceContext();
    // An unsampled trace id would link to a trace the backend never received.
    const traceId = span?.sampled ? span.traceId : undefined;
    active.inc({ [HTTP_LABELS.method]: method });

    let recorded = false;
    const record = () => {
      if (recorded) return;
      recorded = true;
      active.dec({ [HTTP_LABELS.method]: method });
      const route = routeTemplate(req as RoutedRequest);
      duration.observe({
        labels: {
          [HTTP_LABELS.method]: method,
          [HTTP_LABELS.route]: route,
          [HTTP_LABELS.statusCode]: String(res.statusCode),
        },
        value: Number(process.hrtime.bigint() - started) / 1e9,
        // prom-client types exemplar labels like metric labels; they are free-form in fact.
        exemplarLabels: (traceId ? { [EXEMPLAR_TRACE_ID_LABEL]: traceId } : {}) as Record<
          Label,
          string
        >,
      });
    };
    // `close` without `finish` is a client that went away; it still took server time.
    res.once('finish', record);
    res.once('close', record);
    next();
  };
}
