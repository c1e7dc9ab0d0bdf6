/**
 * Secrets the delivery test plants in its traffic, each a unique string, so finding one anywhere
 * in what Tempo or Loki received proves it leaked.
 */

/**
 * Sent as headers with every request by a careless client. The SDK records no headers at all,
 * so none of these may show up anywhere.
 */
export const HEADER_SECRETS: Readonly<Record<string, string>> = {
  authorization: 'Bearer header-secret-7f3a9c',
  cookie: 'session=cookie-secret-51d2e0',
  'x-api-key': 'apikey-secret-c0ffee',
};

/** Sent in the query string (`?api_key=...`), which spans record as `url.query`. */
export const QUERY_SECRET = 'query-secret-9b1e77';

/** Put in a refused admin request's path, which the admin guard logs. */
export const LOGGED_SECRET = 'path-secret-4d8a21';

/** Every planted secret value. */
export const ALL_SECRETS: readonly string[] = [
  'header-secret-7f3a9c',
  'cookie-secret-51d2e0',
  'apikey-secret-c0ffee',
  QUERY_SECRET,
  LOGGED_SECRET,
];
