import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { verifyAuditFile } from '../security/audit/verify-audit.ts';
import { readSecret } from '../security/secret.ts';
import { type CliIo, EXIT } from './cli-io.ts';

const USAGE = `Usage: lookout-audit verify <file> [--key-file <path>] [--allow-partial] [--skip-foreign]

Checks that no record of an audit log was edited, deleted, moved or duplicated, and names the
first bad line. --key-file (or LOOKOUT_AUDIT_CHAIN_KEY(_FILE)) is needed for HMAC chains.
--allow-partial accepts a rotated segment whose chains began in an earlier file.
--skip-foreign ignores lines that are not audit records (a captured stderr).
Exit code: 0 intact, 1 tampered or unreadable, 2 usage.`;

const OPTIONS = {
  'key-file': { type: 'string' },
  'allow-partial': { type: 'boolean' },
  'skip-foreign': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Runs `lookout-audit` with `argv` (without node and the script) and returns the exit code. */
export async function runAuditCommand(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  io: CliIo,
): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.err(USAGE);
    return EXIT.ok;
  }
  const [command, file, ...extra] = positionals;
  if (command !== 'verify' || file === undefined || extra.length > 0) {
    io.err(USAGE);
    return EXIT.usage;
  }

  const key = chainKey(values['key-file'], env);
  if (typeof key === 'object') {
    io.err(key.error);
    return EXIT.usage;
  }
  try {
    const result = await verifyAuditFile(file, {
      key,
      allowPartial: values['allow-partial'] ?? false,
      skipForeign: values['skip-foreign'] ?? false,
    });
    // The verdict goes to stdout, so a scheduled job can keep it; exit 1 makes the job fail.
    if (!result.ok) {
      io.out(
        `TAMPERED ${file}:${result.line}: ${result.reason} (${result.records} records before it verified)`,
      );
      return EXIT.failed;
    }
    io.out(`OK ${file}: ${result.records} records in ${result.chains.length} chain(s)`);
    for (const chain of result.chains)
      io.out(`  chain ${chain.chain}: last seq ${chain.lastSeq} at ${chain.lastTime}`);
    return EXIT.ok;
  } catch (error) {
    io.err(`Cannot read ${file}: ${(error as Error).message}`);
    return EXIT.failed;
  }
}

/**
 * The HMAC key: `--key-file` first (an auditor's copy), else the service's own variables, so
 * verification on the host needs no extra flag. Undefined means the chain is plain SHA-256.
 */
function chainKey(
  keyFile: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): string | undefined | { error: string } {
  if (keyFile !== undefined) {
    try {
      return readFileSync(keyFile, 'utf8').replace(/\r?\n$/, '');
    } catch (error) {
      return {
        error: `Cannot read --key-file: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
      };
    }
  }
  const fromEnv = readSecret(env, 'LOOKOUT_AUDIT_CHAIN_KEY');
  if (!fromEnv.ok) return { error: `${fromEnv.error.source}: ${fromEnv.error.received}` };
  return fromEnv.value?.reveal();
}
