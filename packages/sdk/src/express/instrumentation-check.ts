import http from 'node:http';
import { isWrapped } from '@opentelemetry/instrumentation';
import type { LookoutRuntime } from '../runtime.ts';

/** The parts of an Express application Lookout uses; Express 4 and 5 both fit. */
export interface ExpressLike {
  use(...handlers: unknown[]): unknown;
  get(path: string, ...handlers: unknown[]): unknown;
  disable(setting: string): unknown;
  set(setting: string, value: unknown): unknown;
}

/**
 * Warns once when tracing is on but `http` or `express` escaped instrumentation, which happens
 * when the application loaded them before the SDK (the register entry was not preloaded). Spans
 * would then be missing without any other sign.
 */
export function warnIfUninstrumented(app: ExpressLike, runtime: LookoutRuntime): void {
  const enabled = new Set(runtime.telemetry.instrumentations.map((i) => i.instrumentationName));
  const missing: string[] = [];
  if (
    enabled.has('@opentelemetry/instrumentation-http') &&
    !isWrapped(http.Server.prototype.emit)
  ) {
    missing.push('http');
  }
  if (enabled.has('@opentelemetry/instrumentation-express') && !isWrapped(app.use)) {
    missing.push('express');
  }
  if (missing.length === 0) return;
  runtime.logger.warn(
    { unpatched: missing },
    `${missing.join(' and ')} loaded before Lookout; start the app with ` +
      '`node --import @lookout/sdk/register` (ESM) or `node -r @lookout/sdk/register` (CommonJS)',
  );
}
