import { fileURLToPath } from 'node:url';
import { getFreePort, type OtlpReceiver, type ProcessHandle, spawnProcess } from '@lookout/testkit';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

export interface ServiceOptions {
  readonly receiver?: OtlpReceiver;
  /** Node flags that preload the SDK, e.g. `['--import', '@lookout/sdk/register']`. */
  readonly preload: readonly string[];
  readonly entry?: string;
  readonly env?: Record<string, string | undefined>;
}

export interface RunningService extends AsyncDisposable {
  readonly process: ProcessHandle;
  readonly url: string;
}

/** Starts a fixture service as its own Node process, exporting to `receiver` quickly. */
export async function startService(options: ServiceOptions): Promise<RunningService> {
  const port = await getFreePort();
  const process = await spawnProcess({
    command: globalThis.process.execPath,
    args: [...options.preload, options.entry ?? 'service.mjs'],
    cwd: FIXTURES,
    env: {
      PORT: String(port),
      OTEL_EXPORTER_OTLP_ENDPOINT: options.receiver?.url ?? 'http://127.0.0.1:9',
      OTEL_BSP_SCHEDULE_DELAY: '100',
      OTEL_BLRP_SCHEDULE_DELAY: '100',
      ...options.env,
    },
    readyWhen: { stderrMatches: /listening on \d+/ },
  });
  return {
    process,
    url: `http://127.0.0.1:${port}`,
    [Symbol.asyncDispose]: () => process[Symbol.asyncDispose](),
  };
}

export const ESM_PRELOAD = ['--import', '@lookout/sdk/register'] as const;
export const CJS_PRELOAD = ['-r', '@lookout/sdk/register'] as const;
