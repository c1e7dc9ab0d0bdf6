import { scrubQueryString, scrubText, scrubValue } from './scrub.ts';

/**
 * The parts of a Sentry event the scrubber treats specially. Declared here rather than taken
 * from `@sentry/node`, an optional peer dependency: the SDK's type declarations must not need a
 * package the application may not have installed.
 */
export interface ScrubbableEvent {
  request?: object;
}

/** The request fields of an event, as Sentry's `RequestEventData` has them. */
interface EventRequest {
  cookies?: unknown;
  query_string?: unknown;
  url?: unknown;
  data?: unknown;
  [field: string]: unknown;
}

/**
 * The last line of defence before an event leaves the process: headers, query, body, extra
 * data, breadcrumbs and messages are scrubbed by key and by shape, and cookies dropped whole.
 */
export function scrubEvent<E extends ScrubbableEvent>(
  event: E,
  extraKeys: readonly string[] = [],
): E {
  const { request, ...rest } = event;
  const scrubbed = scrubValue(rest, extraKeys) as E;
  if (request !== undefined) scrubbed.request = scrubRequest(request as EventRequest, extraKeys);
  return scrubbed;
}

function scrubRequest(request: EventRequest, extraKeys: readonly string[]): EventRequest {
  const { cookies: _dropped, query_string: query, url, data, ...rest } = request;
  const scrubbed = scrubValue(rest, extraKeys) as EventRequest;
  if (typeof url === 'string') scrubbed.url = scrubUrl(url, extraKeys);
  if (typeof query === 'string') scrubbed.query_string = scrubQueryString(query, extraKeys);
  else if (query !== undefined) scrubbed.query_string = scrubValue(query, extraKeys);
  if (data !== undefined)
    scrubbed.data =
      typeof data === 'string' ? scrubBody(data, extraKeys) : scrubValue(data, extraKeys);
  return scrubbed;
}

function scrubUrl(url: string, extraKeys: readonly string[]): string {
  const [base = '', query] = url.split('?', 2);
  return query === undefined
    ? scrubText(base, extraKeys)
    : `${scrubText(base, extraKeys)}?${scrubQueryString(query, extraKeys)}`;
}

/** A JSON body is scrubbed field by field; any other text by shape. */
function scrubBody(body: string, extraKeys: readonly string[]): string {
  try {
    return JSON.stringify(scrubValue(JSON.parse(body), extraKeys));
  } catch {
    return body.length > 0 ? scrubText(body, extraKeys) : body;
  }
}
