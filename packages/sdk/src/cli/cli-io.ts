/** Where a command writes: stdout for results a script may capture, stderr for the rest. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

/** The process's own streams. */
export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** Exit codes shared by the Lookout commands. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
