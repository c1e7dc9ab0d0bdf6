/**
 * Builds a Prometheus configuration file from test-friendly options. The file is written as
 * JSON, which is valid YAML, so no YAML library is needed.
 */

/** A Prometheus duration, e.g. `500ms`, `1s`, `5m`. */
export type PromDuration = `${number}${'ms' | 's' | 'm' | 'h' | 'd'}`;

/** The parts of {@link PrometheusOptions} that live in the config file (and can be reloaded). */
export interface PrometheusConfigOptions {
  /**
   * Scrape targets, as `host:port` (path `/metrics`) or full URLs such as
   * `http://127.0.0.1:3000/internal/metrics`. All go into one job named `jobName`.
   */
  targets?: string[];
  /** Job label of `targets`. Default `targets`. */
  jobName?: string;
  /** Extra `scrape_configs` entries, written as given. */
  scrapeConfigs?: Record<string, unknown>[];
  /** Default `1s`, so tests see samples quickly. */
  scrapeInterval?: PromDuration;
  /** Default `1s`. */
  evaluationInterval?: PromDuration;
  /** Absolute paths of rule files. */
  ruleFiles?: string[];
  /** Alertmanager base URLs, e.g. `http://127.0.0.1:9093`. */
  alertmanagerUrls?: string[];
  /** `global.external_labels`. */
  externalLabels?: Record<string, string>;
  /** `storage.tsdb.out_of_order_time_window`; default none: out-of-order samples are refused. */
  outOfOrderTimeWindow?: PromDuration;
}

/** The configuration object for `options`. */
export function prometheusConfig(options: PrometheusConfigOptions): Record<string, unknown> {
  const scrapeInterval = options.scrapeInterval ?? '1s';
  const scrapeConfigs = [...(options.scrapeConfigs ?? [])];
  if (options.targets?.length) scrapeConfigs.unshift(targetsJob(options));

  return {
    global: {
      scrape_interval: scrapeInterval,
      // The default timeout (10s) exceeds short intervals, which Prometheus refuses.
      scrape_timeout: scrapeInterval,
      evaluation_interval: options.evaluationInterval ?? '1s',
      external_labels: options.externalLabels ?? {},
    },
    rule_files: options.ruleFiles ?? [],
    scrape_configs: scrapeConfigs,
    alerting: { alertmanagers: (options.alertmanagerUrls ?? []).map(alertmanagerConfig) },
    ...(options.outOfOrderTimeWindow === undefined
      ? {}
      : { storage: { tsdb: { out_of_order_time_window: options.outOfOrderTimeWindow } } }),
  };
}

/**
 * One job for every target; each target's scheme and path ride on the `__scheme__` and
 * `__metrics_path__` labels, so targets with different paths still share the job label.
 */
function targetsJob(options: PrometheusConfigOptions): Record<string, unknown> {
  const staticConfigs = (options.targets ?? []).map((target) => {
    const url = new URL(target.includes('://') ? target : `http://${target}/metrics`);
    return {
      targets: [url.host],
      labels: { __scheme__: url.protocol.replace(':', ''), __metrics_path__: url.pathname },
    };
  });
  return { job_name: options.jobName ?? 'targets', static_configs: staticConfigs };
}

function alertmanagerConfig(base: string): Record<string, unknown> {
  const url = new URL(base);
  return {
    scheme: url.protocol.replace(':', ''),
    path_prefix: url.pathname,
    static_configs: [{ targets: [url.host] }],
  };
}
