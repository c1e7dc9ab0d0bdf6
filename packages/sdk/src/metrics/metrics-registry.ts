import client, {
  type Counter,
  type CounterConfiguration,
  type Gauge,
  type GaugeConfiguration,
  type Histogram,
  type HistogramConfiguration,
  type Metric,
  Registry,
} from 'prom-client';

type Kind = 'counter' | 'gauge' | 'histogram';

/**
 * A private prom-client registry. Lookout never touches prom-client's global registry, so a second
 * library using it cannot collide with our names. Metrics are get-or-create: asking for an
 * existing name returns the existing metric, which makes instrumenting code idempotent.
 *
 * The registry is OpenMetrics-typed because prom-client only records exemplars there; the
 * `/metrics` renderer still answers classic Prometheus text to clients that ask for it.
 */
export class MetricsRegistry {
  readonly registry: Registry<typeof Registry.OPENMETRICS_CONTENT_TYPE>;

  constructor() {
    this.registry = new Registry<typeof Registry.OPENMETRICS_CONTENT_TYPE>();
    this.registry.setContentType(Registry.OPENMETRICS_CONTENT_TYPE);
  }

  /** Returns the counter named `config.name`, creating it on first use. */
  counter<T extends string>(config: CounterConfiguration<T>): Counter<T> {
    return this.#getOrCreate(
      'counter',
      config.name,
      () => new client.Counter({ ...config, registers: [this.registry] }),
    );
  }

  /** Returns the gauge named `config.name`, creating it on first use. */
  gauge<T extends string>(config: GaugeConfiguration<T>): Gauge<T> {
    return this.#getOrCreate(
      'gauge',
      config.name,
      () => new client.Gauge({ ...config, registers: [this.registry] }),
    );
  }

  /** Returns the histogram named `config.name`, creating it on first use. */
  histogram<T extends string>(config: HistogramConfiguration<T>): Histogram<T> {
    return this.#getOrCreate(
      'histogram',
      config.name,
      () => new client.Histogram({ ...config, registers: [this.registry] }),
    );
  }

  #getOrCreate<M>(kind: Kind, name: string, create: () => M): M {
    const existing = this.registry.getSingleMetric(name);
    if (existing === undefined) return create();
    const existingKind = kindOf(existing);
    if (existingKind !== kind) {
      throw new TypeError(`Metric ${name} already exists as a ${existingKind}, not a ${kind}`);
    }
    return existing as M;
  }
}

function kindOf(metric: Metric): string {
  if (metric instanceof client.Counter) return 'counter';
  if (metric instanceof client.Gauge) return 'gauge';
  if (metric instanceof client.Histogram) return 'histogram';
  return 'other';
}
