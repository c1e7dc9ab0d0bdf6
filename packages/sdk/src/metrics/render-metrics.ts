import { type Metric as PromMetric, Registry } from 'prom-client';

/** A registered metric as it is at runtime: prom-client's typings omit the name. */
type Metric = PromMetric & { name: string };

export type ExpositionFormat = 'openmetrics' | 'prometheus';

export interface RenderedMetrics {
  readonly contentType: string;
  readonly body: string;
}

/**
 * Gauges whose prom-client names end in `_total`. Prometheus naming lint reserves that suffix for
 * counters, but community Node.js dashboards query these exact names, so in the classic text
 * format they are exposed as `untyped`: same name and value, no lint failure.
 */
const LEGACY_TOTAL_GAUGES = new Set([
  'nodejs_active_handles_total',
  'nodejs_active_requests_total',
  'nodejs_active_resources_total',
]);

/** Picks OpenMetrics when the scraper accepts it (Prometheus does), classic text otherwise. */
export function negotiateFormat(accept: string | undefined): ExpositionFormat {
  return accept?.includes('application/openmetrics-text') ? 'openmetrics' : 'prometheus';
}

/**
 * Renders a registry in either exposition format. Exemplars appear only in OpenMetrics.
 *
 * prom-client renames counters in place while writing OpenMetrics (it strips `_total` from the
 * family name), so renders are serialised and the names restored afterwards; otherwise a classic
 * scrape running concurrently would print counters without their suffix.
 */
export class MetricsRenderer {
  readonly #registry: Registry<typeof Registry.OPENMETRICS_CONTENT_TYPE>;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(registry: Registry<typeof Registry.OPENMETRICS_CONTENT_TYPE>) {
    this.#registry = registry;
  }

  render(format: ExpositionFormat): Promise<RenderedMetrics> {
    const run = () => (format === 'openmetrics' ? this.#openMetrics() : this.#classic());
    const result = this.#queue.then(run, run);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  async #openMetrics(): Promise<RenderedMetrics> {
    const metrics = registeredMetrics(this.#registry);
    const names = metrics.map((metric) => metric.name);
    try {
      return {
        contentType: Registry.OPENMETRICS_CONTENT_TYPE,
        body: await this.#registry.metrics(),
      };
    } finally {
      metrics.forEach((metric, i) => {
        metric.name = names[i] ?? metric.name;
      });
    }
  }

  async #classic(): Promise<RenderedMetrics> {
    const classic = new Registry();
    for (const metric of registeredMetrics(this.#registry)) {
      classic.registerMetric(LEGACY_TOTAL_GAUGES.has(metric.name) ? asUntyped(metric) : metric);
    }
    return { contentType: Registry.PROMETHEUS_CONTENT_TYPE, body: await classic.metrics() };
  }
}

function asUntyped(metric: Metric): Metric {
  const view = Object.create(metric) as Metric;
  // 'untyped' is valid in the classic format but missing from prom-client's MetricType union.
  view.get = async () => ({ ...(await metric.get()), type: 'untyped' as never });
  return view;
}

/** prom-client types the registry's contents as plain objects; they are the metric instances. */
function registeredMetrics(registry: Registry<typeof Registry.OPENMETRICS_CONTENT_TYPE>): Metric[] {
  return registry.getMetricsAsArray() as unknown as Metric[];
}
