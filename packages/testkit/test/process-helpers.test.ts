import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { getFreePort, spawnProcess, waitForHttp } from '../src/index.ts';

const NODE = process.execPath;

/** True while a process with this pid exists. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('getFreePort', () => {
  it('returns a port that can be listened on', async () => {
    const port = await getFreePort();
    const server = createServer().listen(port, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    expect(port).toBeGreaterThan(0);
    server.close();
  });
});

describe('waitForHttp', () => {
  it('keeps trying until the endpoint answers 2xx, or the expected status', async () => {
    let calls = 0;
    const server = createServer((_, res) => res.writeHead(++calls < 3 ? 503 : 200).end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;

    expect(await waitForHttp(url, { intervalMs: 5 })).toBe(200);
    expect(calls).toBe(3);
    expect(await waitForHttp(url, { expectStatus: 200 })).toBe(200);
    server.close();
  });

  it('rejects after the timeout naming the last failure', async () => {
    const port = await getFreePort();
    await expect(waitForHttp(`http://127.0.0.1:${port}/`, { timeoutMs: 200 })).rejects.toThrow(
      /not ready after 200 ms \(last: ECONNREFUSED\)/,
    );
  });
});

describe('spawnProcess', () => {
  it('waits for a stdout line, captures lines and JSON lines, and stops with SIGTERM', async () => {
    const script = `console.log('starting'); console.log(JSON.stringify({ level: 30, msg: process.env.GREETING }));
      console.log('ready'); setInterval(() => {}, 1000);`;
    await using child = await spawnProcess({
      command: NODE,
      args: ['-e', script],
      env: { GREETING: 'hello' },
      readyWhen: { stdoutMatches: /^ready$/ },
    });

    expect(child.stdout).toEqual(['starting', '{"level":30,"msg":"hello"}', 'ready']);
    expect(child.jsonLines()).toEqual([{ level: 30, msg: 'hello' }]);
    expect(child.running).toBe(true);
    expect(await child.stop()).toEqual({ code: null, signal: 'SIGTERM' });
    expect(child.running).toBe(false);
  });

  it('waits for an HTTP endpoint to answer', async () => {
    const port = await getFreePort();
    const script = `require('http').createServer((q, s) => s.end('ok')).listen(${port}, '127.0.0.1')`;
    await using child = await spawnProcess({
      command: NODE,
      args: ['-e', script],
      readyWhen: { url: `http://127.0.0.1:${port}/` },
    });

    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('ok');
    expect(child.running).toBe(true);
  });

  it('rejects with the exit status and last output when the process dies before ready', async () => {
    const start = spawnProcess({
      command: NODE,
      args: ['-e', `console.error('config invalid: port'); process.exit(3)`],
      name: 'broken',
      readyWhen: { stdoutMatches: /ready/ },
    });

    await expect(start).rejects.toThrow(/broken did not become ready: exited before .*code 3/);
    await expect(start).rejects.toThrow(/stderr: config invalid: port/);
  });

  it('stops the whole process group, SIGKILLing what ignores SIGTERM', async () => {
    const grandchild = `process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)`;
    const script = `const { spawn } = require('child_process');
      const c = spawn(process.execPath, ['-e', ${JSON.stringify(grandchild)}], { stdio: 'ignore' });
      process.on('SIGTERM', () => {}); console.log('grandchild ' + c.pid); setInterval(() => {}, 1000);`;
    const child = await spawnProcess({
      command: NODE,
      args: ['-e', script],
      stopGraceMs: 300,
      readyWhen: { stdoutMatches: /^grandchild \d+$/ },
    });
    const line = await child.waitForLine(/^grandchild/);
    const grandchildPid = Number(line.text.split(' ')[1]);
    expect(alive(grandchildPid)).toBe(true);

    expect(await child.stop()).toEqual({ code: null, signal: 'SIGKILL' });
    // The group's members are gone once reaped by init; SIGKILL cannot be ignored.
    await expect.poll(() => alive(grandchildPid), { timeout: 5000 }).toBe(false);
  });

  it('settles exited even when an escaped grandchild keeps the output pipes open', async () => {
    // The grandchild starts its own session (detached), so group signals cannot reach it, and
    // inherits stdout; it lives 30 s (if this test fails to kill it), far past the 10 s bound.
    const script = `const { spawn } = require('child_process');
      const c = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { detached: true, stdio: 'inherit' });
      c.unref(); console.log('escaped ' + c.pid);`;
    const child = await spawnProcess({ command: NODE, args: ['-e', script] });
    const line = await child.waitForLine(/^escaped \d+$/);
    const escapedPid = Number(line.text.split(' ')[1]);

    try {
      const started = performance.now();
      expect(await child.exited).toEqual({ code: 0, signal: null });
      expect(performance.now() - started).toBeLessThan(10_000);
    } finally {
      process.kill(escapedPid, 'SIGKILL');
    }
  });

  it('fails clearly when the command does not exist', async () => {
    await expect(spawnProcess({ command: '/nonexistent/lookout-binary' })).rejects.toThrow(
      /cannot start lookout-binary .*ENOENT/,
    );
  });
});
