import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { listen } from './support/listen.ts';
import { buildSecureApp, EXPRESS_VERSIONS } from './support/secure-app.ts';
import { securityFixture } from './support/security-env.ts';
import { tempDir } from './support/temp-dir.ts';

describe.each(EXPRESS_VERSIONS)('request bodies and validation on %s', (_name, createApp) => {
  async function setup(env: Record<string, string> = {}) {
    const dir = tempDir();
    const fixture = securityFixture(dir, {
      LOOKOUT_BODY_LIMIT_BYTES: '2048',
      LOOKOUT_JSON_MAX_DEPTH: '8',
      ...env,
    });
    const secure = await buildSecureApp(createApp, fixture.config);
    const server = await listen(secure.app);
    const post = (
      body: string,
      headers: Record<string, string> = { 'content-type': 'application/json' },
      path = '/echo',
    ) => fetch(`${server.url}${path}`, { method: 'POST', headers, body });
    return {
      ...secure,
      url: server.url,
      post,
      [Symbol.asyncDispose]: async () => {
        await server[Symbol.asyncDispose]();
        await secure[Symbol.asyncDispose]();
        dir[Symbol.dispose]();
      },
    };
  }

  it('accepts a valid body and returns exactly the validated fields', async () => {
    await using t = await setup();

    const response = await t.post(JSON.stringify({ item: 'book', quantity: 2 }));

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ item: 'book', quantity: 2 });
  });

  it('rejects unknown fields and lists every problem without echoing values', async () => {
    await using t = await setup();

    const response = await t.post(
      JSON.stringify({ item: 7, quantity: 0, isAdmin: true, price: 0.01, secretValue: 'hunter2' }),
    );

    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await response.json()) as {
      errors: { in: string; path: string; code: string }[];
    };
    expect(problem.errors.map((e) => [e.in, e.path, e.code]).sort()).toEqual([
      ['body', '', 'unrecognized_keys'],
      ['body', 'item', 'invalid_type'],
      ['body', 'quantity', 'too_small'],
    ]);
    expect(JSON.stringify(problem)).not.toContain('hunter2');
    expect(t.handled.count).toBe(0);
  });

  it('validates the query string strictly too', async () => {
    await using t = await setup();

    const response = await fetch(`${t.url}/echo?dryRun=maybe&debug=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ item: 'book', quantity: 1 }),
    });

    expect(response.status).toBe(400);
    const problem = (await response.json()) as { errors: { in: string; code: string }[] };
    expect(problem.errors.map((e) => `${e.in}:${e.code}`).sort()).toEqual([
      'query:invalid_value',
      'query:unrecognized_keys',
    ]);
  });

  it('answers 413 for a body over the limit, announced or streamed', async () => {
    await using t = await setup();
    const big = JSON.stringify({ item: 'x'.repeat(4096), quantity: 1 });

    const announced = await t.post(big);
    const streamed = await postChunked(`${t.url}/echo`, [big.slice(0, 1000), big.slice(1000)]);

    expect(announced.status).toBe(413);
    expect(announced.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(streamed).toBe(413);
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1'])(
    'answers 415 for content type %s',
    async (contentType) => {
      await using t = await setup();

      const response = await t.post(JSON.stringify({ item: 'a', quantity: 1 }), {
        'content-type': contentType,
      });

      expect(response.status).toBe(415);
    },
  );

  it('answers 415 for a compressed body', async () => {
    await using t = await setup();

    const response = await t.post('{}', {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
    });

    expect(response.status).toBe(415);
  });

  it('answers malformed JSON with 400 problem+json that does not quote the input', async () => {
    await using t = await setup();

    const response = await t.post('{"item": "book", quantity: SECRET_TOKEN_123}');

    expect(response.status).toBe(400);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ status: 400, detail: 'The body is not valid JSON.' });
    expect(text).not.toContain('SECRET_TOKEN_123');
  });

  it('refuses deep nesting and __proto__ keys before any route sees them', async () => {
    await using t = await setup();

    const deep = await t.post(`${'['.repeat(50)}${']'.repeat(50)}`);
    const proto = await t.post('{"item":"a","quantity":1,"__proto__":{"isAdmin":true}}');
    const escapedProto = await t.post(
      '{"item":"a","quantity":1,"\\u005f_proto__":{"isAdmin":true}}',
    );

    expect([deep.status, proto.status, escapedProto.status]).toEqual([400, 400, 400]);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('answers 400, not a crash, for invalid UTF-8', async () => {
    await using t = await setup();

    const status = await postRaw(
      `${t.url}/echo`,
      Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    );

    expect(status).toBe(400);
  });

  it('treats injection strings and unusual unicode as plain data', async () => {
    await using t = await setup();
    const samples = [
      "'; DROP TABLE orders; --",
      '{"$gt": ""}',
      '<script>alert(1)</script>',
      '../../etc/passwd',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a log4shell probe, as data
      '${jndi:ldap://x/a}',
      '\u202e\u0000\ud83d\ude00\u2028\ufeff',
      'ﬁ' + 'e\u0301',
    ];

    for (const note of samples) {
      const response = await t.post(JSON.stringify({ item: 'book', quantity: 1, note }));
      expect(response.status).toBe(200);
      expect(((await response.json()) as { note: string }).note).toBe(note);
    }
  });
});

/** Posts `parts` with Transfer-Encoding: chunked (no Content-Length) and returns the status. */
function postChunked(url: string, parts: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json' } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNRESET' ? undefined : reject(error),
    );
    for (const part of parts) req.write(part);
    req.end();
  });
}

function postRaw(url: string, body: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers = { 'content-type': 'application/json', 'content-length': String(body.length) };
    const req = request(url, { method: 'POST', headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(body);
  });
}
