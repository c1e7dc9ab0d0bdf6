import type { RequestOptions } from 'node:http';
import type { Secret } from '../security/secret.ts';

/** Sentry's ingestion path: `/api/<project>/envelope/`, under the DSN's own path prefix. */
const ENVELOPE_PATH = /\/api\/[^/]+\/envelope\/?(?:\?|$)/;

/**
 * A test for outgoing requests that deliver Sentry envelopes. Those requests are the error
 * reporter's own traffic, not the service's: a client span for each would be noise in every
 * failing trace, and Sentry puts the DSN key in their query string. Without a DSN nothing matches.
 */
export function sentryDeliveryMatcher(
  dsn: Secret | undefined,
): (request: RequestOptions) => boolean {
  const target = dsn === undefined ? undefined : parseDsn(dsn.reveal());
  if (target === undefined) return () => false;
  return (request) =>
    hostOf(request) === target.hostname &&
    portOf(request) === target.port &&
    ENVELOPE_PATH.test(request.path ?? '');
}

function parseDsn(dsn: string): { hostname: string; port: string } | undefined {
  try {
    const url = new URL(dsn);
    return { hostname: url.hostname, port: url.port || (url.protocol === 'https:' ? '443' : '80') };
  } catch {
    return undefined;
  }
}

function hostOf(request: RequestOptions): string | undefined {
  return request.hostname ?? request.host?.replace(/:\d+$/, '') ?? undefined;
}

function portOf(request: RequestOptions): string {
  if (request.port !== undefined && request.port !== null) return String(request.port);
  return request.protocol === 'https:' ? '443' : '80';
}
