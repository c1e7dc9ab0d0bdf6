/**
 * The demo's incident webhook, run as Compose runs it (a Node process reading its token from a
 * file), receiving notifications shaped like Alertmanager's.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPOSE_DIR } from './support/paths.ts';

const TOKEN = 'test-token-0123456789';
const SCRIPT = join(COMPOSE_DIR, 'incident-webhook', 'incident-webhook.ts');

const firing = {
  version: '4',
  status: 'firing',
  alerts: [
    {
      status: 'firing',
      labels: { alertname: 'HighErrorRatio', severity: 'critical', service: 'orders' },
      annotations: { summary: 'orders fails 12% of requests' },
    },
  ],
};

let child: ChildProcess;
let output = '';
let baseUrl: string;
let tempDir: string;

beforeAll(async () => {
  tempDir = await mkdtemp(join(tmpdir(), 'incident-webhook-'));
  await writeFile(join(tempDir, 'token'), `${TOKEN}\n`);
  child = spawn(process.execPath, [SCRIPT], {
    env: { PATH: process.env.PATH, PORT: '0', WEBHOOK_TOKEN_FILE: join(tempDir, 'token') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const port = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`exited with ${code} before listening`)));
    child.stdout?.on('data', () => {
      const match = /listening on (\d+)/.exec(output);
      if (match?.[1] !== undefined) resolve(match[1]);
    });
  });
  baseUrl = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  if (child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  await rm(tempDir, { recursive: true, force: true });
});

// The server writes its line before answering, but the pipe may deliver it after the response.
function outputContaining(text: string): Promise<string> {
  return new Promise((resolve) => {
    const check = () => {
      if (!output.includes(text)) return;
      child.stdout?.off('data', check);
      resolve(output);
    };
    child.stdout?.on('data', check);
    check();
  });
}

function post(path: string, body: unknown, token?: string): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  return fetch(`${baseUrl}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
}

describe('the demo incident webhook', () => {
  it('prints one line per alert of an authenticated notification', async () => {
    const response = await post('/alerts', firing, TOKEN);

    expect(response.status).toBe(200);
    await outputContaining(
      'incident: FIRING HighErrorRatio severity=critical service=orders orders fails 12% of requests',
    );
  });

  it('refuses a notification with the wrong token and prints nothing for it', async () => {
    const response = await post(
      '/alerts',
      { ...firing, alerts: [{ labels: { alertname: 'Forged' } }] },
      'wrong',
    );
    // A later accepted notification proves the pipe has flushed past the refused one.
    await post('/slack', { text: 'marker' });
    const seen = await outputContaining('slack: {"text":"marker"}');

    expect(response.status).toBe(401);
    expect(seen).not.toContain('Forged');
  });

  it('accepts Slack-shaped notifications without a token, as Slack webhooks are secret URLs', async () => {
    const response = await post('/slack', { text: 'HighErrorRatio orders' });

    expect(response.status).toBe(200);
    await outputContaining('slack: {"text":"HighErrorRatio orders"}');
  });

  it('answers the image healthcheck path', async () => {
    const response = await fetch(`${baseUrl}/readyz`);

    expect(response.status).toBe(200);
  });
});
