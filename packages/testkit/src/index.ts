/**
 * @lookout/testkit: the infrastructure Lookout's tests run on. Receivers that decode what the
 * SDK and the sidecar really send, runners for the native Prometheus, Alertmanager and Redis
 * binaries, process helpers that leave nothing behind, and a fixed-rate load generator.
 */

export type { LoadResult, LoadSample } from './load/load-result.ts';
export { percentile } from './load/percentile.ts';
export { type LoadRequest, type RunLoadOptions, runLoad } from './load/run-load.ts';
export {
  type AlertmanagerAlert,
  type AlertmanagerOptions,
  type AlertmanagerServer,
  startAlertmanager,
} from './native/alertmanager.ts';
export { MissingBinaryError } from './native/binaries.ts';
export {
  type PrometheusOptions,
  type PrometheusServer,
  startPrometheus,
} from './native/prometheus.ts';
export {
  PrometheusClient,
  type PromTime,
  type WaitForQueryOptions,
} from './native/prometheus-client.ts';
export type { PromDuration, PrometheusConfigOptions } from './native/prometheus-config.ts';
export type {
  PromAlert,
  PromExemplarSeries,
  PromInstantResult,
  PromLabels,
  PromRule,
  PromRuleGroup,
  PromSample,
  PromSeries,
  PromTarget,
} from './native/prometheus-types.ts';
export { type PromtoolOptions, type PromtoolResult, runPromtool } from './native/promtool.ts';
export { type RedisOptions, type RedisServer, startRedis } from './native/redis.ts';
export {
  startWebhookReceiver,
  type WebhookAlert,
  type WebhookPayload,
  type WebhookReceiver,
} from './native/webhook-receiver.ts';
export type { OtlpEncoding, OtlpSignal } from './otlp/decode-request.ts';
export { startOtlpReceiver } from './otlp/otlp-receiver.ts';
export type {
  OtlpModeOptions,
  OtlpReceiver,
  OtlpReceiverMode,
  OtlpReceiverOptions,
  OtlpRequestInfo,
} from './otlp/otlp-receiver-api.ts';
export type {
  OtlpAttributes,
  OtlpExemplar,
  OtlpExponentialHistogram,
  OtlpHistogram,
  OtlpLogRecord,
  OtlpMetricPoint,
  OtlpMetricType,
  OtlpScope,
  OtlpSpan,
  OtlpSpanKind,
  OtlpSummary,
  OtlpValue,
} from './otlp/records.ts';
export { getFreePort } from './process/free-port.ts';
export type { ReadyWhen } from './process/readiness.ts';
export {
  type OutputLine,
  type ProcessExit,
  type ProcessHandle,
  type SpawnProcessOptions,
  spawnProcess,
} from './process/spawn-process.ts';
export { type WaitForHttpOptions, waitForHttp } from './process/wait-for-http.ts';
export { type ReadonlyRecordStore, RecordStore, type WaitForOptions } from './record-store.ts';
export type { SentryEnvelopeItem, SentryItemHeader } from './sentry/envelope.ts';
export {
  type SentryReceiver,
  type SentryReceiverOptions,
  startSentryReceiver,
} from './sentry/sentry-receiver.ts';
export type {
  SentryEnvelope,
  SentryEventPayload,
  SentryEventRecord,
  SentrySpanRecord,
} from './sentry/sentry-records.ts';
