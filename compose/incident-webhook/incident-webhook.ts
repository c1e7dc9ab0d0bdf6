/**
 * The demo's stand-in for an incident tool: receives Alertmanager's webhook and Slack
 * notifications and prints one line per alert, so the demo shows its alerts firing without
 * sending anything off the machine. Not for production: the production override leaves it out.
 *
 * Environment: PORT (default 9095; 0 picks a free port), WEBHOOK_TOKEN_FILE (the bearer token
 * Alertmanager sends to /alerts; /slack needs none because Slack's secret is its URL).
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { notificationLines } from './notification-lines.ts';

// Alertmanager batches alerts per group; a megabyte is thousands of alerts.
const MAX_BODY_BYTES = 1 << 20;

const tokenFile = process.env.WEBHOOK_TOKEN_FILE ?? '';
if (tokenFile === '') {
  process.stderr.write('WEBHOOK_TOKEN_FILE must name the file holding the bearer token\n');
  process.exit(78);
}
const expectedAuthorization = `Bearer ${readFileSync(tokenFile, 'utf8').trim()}`;

async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const path = request.url ?? '/';
  if (request.method === 'GET' && (path === '/readyz' || path === '/livez')) {
    return void response.writeHead(200).end('ok\n');
  }
  const receiver = path === '/alerts' ? 'incident' : path === '/slack' ? 'slack' : undefined;
  if (request.method !== 'POST' || receiver === undefined) {
    return void response.writeHead(404).end();
  }
  if (receiver === 'incident' && request.headers.authorization !== expectedAuthorization) {
    return void response.writeHead(401).end();
  }

  const body = await readBody(request);
  if (body === undefined) return void response.writeHead(413).end();
  for (const line of notificationLines(receiver, body)) process.stdout.write(`${line}\n`);
  response.writeHead(200).end();
}

const server = createServer((request, response) => {
  handle(request, response).catch(() => response.writeHead(500).end());
});

server.listen(Number(process.env.PORT ?? '9095'), '0.0.0.0', () => {
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : '?';
  process.stdout.write(`incident-webhook listening on ${port}\n`);
});

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => server.close(() => process.exit(0)));
}
