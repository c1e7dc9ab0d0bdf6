/** Runs the Prometheus tools the tests shell out to, collecting their output. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** What a finished command printed, and whether it succeeded. */
export interface RunResult {
  readonly ok: boolean;
  readonly stdout: string;
  /** Standard output and error together, for failure messages. */
  readonly output: string;
}

/** Runs `command` with `args`; never throws for a non-zero exit, returns it as `ok: false`. */
export async function run(
  command: string,
  args: readonly string[],
  cwd?: string,
): Promise<RunResult> {
  try {
    const { stdout, stderr } = await execFileAsync(command, args, { cwd, timeout: 110_000 });
    return { ok: true, stdout, output: `${stdout}${stderr}` };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    const stdout = failed.stdout ?? '';
    return { ok: false, stdout, output: `${stdout}${failed.stderr ?? ''}${failed.message}` };
  }
}
