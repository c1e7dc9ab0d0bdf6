import type { IncomingMessage } from 'node:http';
import type { Instrumentation } from '@opentelemetry/instrumentation';
import { ExpressInstrumentation, ExpressLayerType } from '@opentelemetry/instrumentation-express';
import { GrpcInstrumentation } from '@opentelemetry/instrumentation-grpc';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { KafkaJsInstrumentation } from '@opentelemetry/instrumentation-kafkajs';
import { MongoDBInstrumentation } from '@opentelemetry/instrumentation-mongodb';
import { MySQL2Instrumentation } from '@opentelemetry/instrumentation-mysql2';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { RedisInstrumentation } from '@opentelemetry/instrumentation-redis';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import type { InstrumentationName, LookoutConfig } from '../config/lookout-config.ts';
import { sentryDeliveryMatcher } from './sentry-delivery.ts';

/**
 * The curated instrumentation set. Each is created only when enabled; `fs`, `dns` and `net` are
 * not offered at all, because their spans drown the useful ones and cost real CPU.
 */
export function createInstrumentations(config: LookoutConfig): Instrumentation[] {
  const quietPaths = new Set([
    config.health.livePath,
    config.health.readyPath,
    config.metrics.path,
  ]);
  const factories: Record<InstrumentationName, () => Instrumentation> = {
    http: () =>
      new HttpInstrumentation({
        // Probes and scrapes arrive every few seconds and would bury real traffic.
        ignoreIncomingRequestHook: (req: IncomingMessage) => quietPaths.has(pathOf(req.url)),
        // An outgoing call with no request around it (a timer, a startup probe) is noise.
        requireParentforOutgoingSpans: true,
        ignoreOutgoingRequestHook: sentryDeliveryMatcher(config.security.sentry.dsn),
      }),
    express: () =>
      new ExpressInstrumentation({
        // One span per middleware (helmet, cors, body parser...) adds nothing a route span lacks.
        ignoreLayersType: [ExpressLayerType.MIDDLEWARE],
      }),
    undici: () => new UndiciInstrumentation({ requireParentforSpans: true }),
    redis: () => new RedisInstrumentation({ requireParentSpan: true }),
    ioredis: () => new IORedisInstrumentation({ requireParentSpan: true }),
    pg: () => new PgInstrumentation({ requireParentSpan: true }),
    mysql2: () => new MySQL2Instrumentation(),
    mongodb: () => new MongoDBInstrumentation(),
    grpc: () => new GrpcInstrumentation(),
    kafkajs: () => new KafkaJsInstrumentation(),
  };
  return config.traces.instrumentations.map((name) => factories[name]());
}

function pathOf(url: string | undefined): string {
  const end = url?.search(/[?#]/) ?? -1;
  return end === -1 ? (url ?? '') : (url ?? '').slice(0, end);
}
