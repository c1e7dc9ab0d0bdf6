import { basicCredentials, type SecretCorpus } from './secret-corpus.ts';

/** One planted request and the status it got. */
export interface PlantedRequest {
  readonly name: string;
  readonly status: number;
  readonly expected: number;
}

interface Targets {
  readonly orders: string;
  readonly inventory: string;
}

/** Headers any client might send, each carrying a credential. */
function credentialHeaders(corpus: SecretCorpus): Record<string, string> {
  return {
    authorization: `Bearer ${corpus.jwt}`,
    cookie: `session=${corpus.sessionCookie}; theme=dark`,
    'set-cookie': `refresh=${corpus.setCookieValue}; HttpOnly`,
    'x-api-key': corpus.lookoutKey,
    'proxy-authorization': `Basic ${basicCredentials(corpus)}`,
    // Header names the key list does not know: only the value's shape gives these away.
    'x-upstream-credentials': `github ${corpus.githubToken} gitlab ${corpus.gitlabToken}`,
    'x-debug-context': `slack=${corpus.slackToken} aws ${corpus.awsAccessKeyId}`,
    'x-payment-note': `card ${corpus.cardInHeader}`,
    // Recorded on server spans as user_agent.original.
    'user-agent': `corpus-client/1.0 (+stripe ${corpus.stripeKey})`,
  };
}

/** A query string with secrets under telling names, an encoded URL with credentials, a card. */
function secretQuery(corpus: SecretCorpus): string {
  return new URLSearchParams({
    page: '2',
    access_token: corpus.accessTokenParam,
    api_key: corpus.googleApiKey,
    password: corpus.passwordParam,
    card: corpus.cardInQuery,
    redirect: `https://svc:${corpus.redirectUrlPassword}@partner.example/cb`,
    q: `npm ${corpus.npmToken}`,
  }).toString();
}

/**
 * Sends the corpus through every input of the two example services: headers, query strings,
 * paths, JSON and non-JSON bodies, admin calls with a wrong and a right token, and an order
 * whose upstream call fails with the upstream's credentials in the error message.
 */
export async function plantSecrets(
  targets: Targets,
  corpus: SecretCorpus,
): Promise<PlantedRequest[]> {
  const headers = credentialHeaders(corpus);
  const json = { ...headers, 'content-type': 'application/json' };
  const items = `${targets.inventory}/api/v1/inventory/items`;
  const requests: [string, number, () => Promise<Response>][] = [
    ['query and headers', 200, () => fetch(`${items}?${secretQuery(corpus)}`, { headers })],
    ['JWT in the path', 400, () => fetch(`${items}/${corpus.jwtInPath}`, { headers })],
    ['API key in the path', 400, () => fetch(`${items}/${corpus.lookoutKeyInPath}`, { headers })],
    [
      'secrets in unknown body fields',
      400,
      () =>
        fetch(`${items}/KB-101/reservations`, {
          method: 'POST',
          headers: json,
          body: JSON.stringify({
            quantity: 1,
            orderId: crypto.randomUUID(),
            password: corpus.passwordInBody,
            card: corpus.cardInBody,
            githubToken: corpus.githubFineGrained,
          }),
        }),
    ],
    [
      'secret in malformed JSON',
      400,
      () =>
        fetch(`${items}/KB-101/reservations`, {
          method: 'POST',
          headers: json,
          body: `{"quantity":1,"password":"${corpus.passwordInBrokenJson}",`,
        }),
    ],
    [
      'secret in a text body',
      415,
      () =>
        fetch(`${items}/KB-101/reservations`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'text/plain' },
          body: `password: ${corpus.passwordInText}`,
        }),
    ],
    [
      'order failing upstream with credentials in the error',
      500,
      () =>
        fetch(`${targets.orders}/api/v1/orders?${secretQuery(corpus)}`, {
          method: 'POST',
          // An opaque token: only the Bearer scheme in front of it gives it away.
          headers: { ...json, authorization: `Bearer ${corpus.bearerOpaque}` },
          body: JSON.stringify({ customerId: 'c-42', items: [{ sku: 'KB-101', quantity: 1 }] }),
        }),
    ],
    [
      'wrong admin token',
      401,
      () =>
        fetch(`${targets.inventory}/admin/faults`, {
          headers: { authorization: `Bearer ${corpus.wrongAdminToken}` },
        }),
    ],
    [
      'right admin token',
      200,
      () =>
        fetch(`${targets.inventory}/admin/faults`, {
          headers: { authorization: `Bearer ${corpus.adminToken}` },
        }),
    ],
  ];

  const planted: PlantedRequest[] = [];
  for (const [name, expected, send] of requests) {
    const response = await send();
    await response.arrayBuffer();
    planted.push({ name, status: response.status, expected });
  }
  return planted;
}
