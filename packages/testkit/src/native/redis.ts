/** Runs the Debian `redis-server` binary for a test: free port, loopback only, no persistence. */
import { type ProcessHandle, spawnProcess } from '../process/spawn-process.ts';
import { REDIS_SERVER, resolveBinary } from './binaries.ts';
import { startOnFreePort } from './start-on-free-port.ts';
import { makeTempDir, removeTempDir } from './temp-dir.ts';

/** Options of {@link startRedis}. */
export interface RedisOptions {
  /** More `--name value` arguments, e.g. `['--maxmemory', '10mb']`. */
  extraArgs?: string[];
  /** Path of the binary; default `redis-server` from PATH. */
  binary?: string;
}

/** A running Redis; see {@link startRedis}. */
export interface RedisServer extends AsyncDisposable {
  /** `redis://127.0.0.1:<port>`. */
  readonly url: string;
  readonly port: number;
  readonly process: ProcessHandle;
  /** Stops the process. Idempotent. */
  stop(): Promise<void>;
}

/** Starts redis-server and resolves once it logs that it accepts connections. */
export async function startRedis(options: RedisOptions = {}): Promise<RedisServer> {
  // Redis writes nothing here with persistence off, but needs a writable working directory.
  const directory = await makeTempDir('redis');
  try {
    const { port, process } = await startOnFreePort((candidate) =>
      spawnProcess({
        command: resolveBinary(REDIS_SERVER, options.binary),
        args: [
          ...['--port', String(candidate), '--bind', '127.0.0.1', '--dir', directory],
          ...['--save', '', '--appendonly', 'no', '--daemonize', 'no', '--logfile', ''],
          ...(options.extraArgs ?? []),
        ],
        name: `redis:${candidate}`,
        readyWhen: { stdoutMatches: /Ready to accept connections/ },
      }),
    );
    const stop = async () => {
      await process.stop();
      await removeTempDir(directory);
    };
    return { url: `redis://127.0.0.1:${port}`, port, process, stop, [Symbol.asyncDispose]: stop };
  } catch (error) {
    await removeTempDir(directory);
    throw error;
  }
}
