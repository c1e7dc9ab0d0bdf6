import { hostname, userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { Registry } from 'prom-client';
import { LookoutConfigError } from '../config/config-error.ts';
import { ApiKeyError, ApiKeyManager } from '../security/api-keys/api-key-manager.ts';
import type { KeyStore } from '../security/api-keys/key-store.ts';
import { openKeyStore } from '../security/api-keys/open-key-store.ts';
import { type AuditLog, auditLogFromConfig } from '../security/audit/audit-log.ts';
import { parseSecurityEnv } from '../security/config/parse-security-env.ts';
import type { SecurityConfig } from '../security/config/security-config.ts';
import { type CliIo, EXIT } from './cli-io.ts';
import { formatKeyTable } from './key-table.ts';

const USAGE = `Usage: lookout-keys <command> [options]

  create --name <name> [--scopes a,b] [--ttl-days <days>] [--json]
  list [--json]
  rotate <key-id> [--overlap-hours <hours>] [--json]
  revoke <key-id> [--reason <text>]

Reads LOOKOUT_KEY_STORE, LOOKOUT_KEY_STORE_ENCRYPTION_KEY(_FILE), LOOKOUT_API_KEY_SECRET(_FILE)
and the LOOKOUT_AUDIT_* settings from the environment. A new key is printed once, alone on
stdout, so \`KEY=$(lookout-keys create ...)\` captures exactly the key.`;

const COMMANDS = new Set(['create', 'list', 'rotate', 'revoke']);

const OPTIONS = {
  name: { type: 'string' },
  scopes: { type: 'string' },
  'ttl-days': { type: 'string' },
  'overlap-hours': { type: 'string' },
  reason: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<
  typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>
>['values'];

/** A usage mistake: printed with the usage text, exit code 2. */
class UsageError extends Error {}

/** Runs `lookout-keys` with `argv` (without node and the script) and returns the exit code. */
export async function runKeysCommand(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  io: CliIo,
): Promise<number> {
  const parsed = parseCommandLine(argv, io);
  if (typeof parsed === 'number') return parsed;
  const config = loadConfig(env, io);
  if (typeof config === 'number') return config;

  const { command, rest, values } = parsed;
  return withManager(config, (manager, audit) =>
    dispatch(command, rest, values, { config, manager, audit, io }),
  ).catch((error: unknown) => report(error, io));
}

/** The command and its options, or the exit code when there is nothing to run. */
function parseCommandLine(argv: readonly string[], io: CliIo) {
  let args: { values: Values; positionals: string[] };
  try {
    args = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  const [command, ...rest] = args.positionals;
  if (args.values.help || command === undefined) {
    io.err(USAGE);
    return args.values.help ? EXIT.ok : EXIT.usage;
  }
  // Checked before the store is opened, so a typo touches nothing and audits nothing.
  if (!COMMANDS.has(command)) {
    io.err(`Unknown command "${command}"\n\n${USAGE}`);
    return EXIT.usage;
  }
  return { command, rest, values: args.values };
}

/** The security configuration, or exit code 2 after explaining what is missing or invalid. */
function loadConfig(env: Readonly<Record<string, string | undefined>>, io: CliIo) {
  let config: SecurityConfig;
  try {
    config = parseSecurityEnv(env);
  } catch (error) {
    if (!(error instanceof LookoutConfigError)) throw error;
    io.err(error.message);
    return EXIT.usage;
  }
  if (config.apiKeys.store === undefined || config.apiKeys.secret === undefined) {
    io.err('LOOKOUT_KEY_STORE and LOOKOUT_API_KEY_SECRET must be set to manage API keys.');
    return EXIT.usage;
  }
  return config;
}

interface Context {
  readonly config: SecurityConfig;
  readonly manager: ApiKeyManager;
  readonly audit: AuditLog;
  readonly io: CliIo;
}

/**
 * Opens the store and the audit log around one command and always closes both: a file store
 * holds no lock between commands, and an unclosed audit file could lose its last record.
 */
async function withManager<T>(
  config: SecurityConfig,
  work: (manager: ApiKeyManager, audit: AuditLog) => Promise<T>,
): Promise<T> {
  const audit = auditLogFromConfig(config.audit, {
    registry: new Registry(),
    service: 'lookout-keys',
  });
  let store: KeyStore | undefined;
  try {
    store = await openKeyStore(config.apiKeys);
    const secret = config.apiKeys.secret;
    if (secret === undefined) throw new Error('LOOKOUT_API_KEY_SECRET is not set');
    return await work(new ApiKeyManager({ store, secret, audit }), audit);
  } finally {
    await store?.close();
    await audit.close();
  }
}

async function dispatch(command: string, rest: string[], values: Values, ctx: Context) {
  // Listing counts as an admin action too: who looked at the key inventory is worth knowing.
  ctx.audit.record('admin.action', { command: `keys.${command}`, actor: actor() });
  switch (command) {
    case 'create':
      return create(values, ctx);
    case 'list':
      return list(values, ctx);
    case 'rotate':
      return rotate(requireId(rest), values, ctx);
    case 'revoke':
      return revoke(requireId(rest), values, ctx);
    default:
      throw new UsageError(`Unknown command "${command}"`);
  }
}

async function create(values: Values, ctx: Context): Promise<number> {
  if (values.name === undefined || values.name.trim() === '') {
    throw new UsageError('--name is required');
  }
  const scopes = (values.scopes ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const days = wholeNumber(values['ttl-days'], ctx.config.apiKeys.ttlDays, '--ttl-days');
  const issued = await ctx.manager.create({
    name: values.name.trim(),
    scopes,
    ttlMs: days * 86_400_000,
    actor: actor(),
  });
  return printIssued(issued, values.json === true, ctx.io, 'Created');
}

/** Prints the records; a table for people, JSON for scripts. */
async function list(values: Values, ctx: Context): Promise<number> {
  const records = await ctx.manager.list();
  // Hashes stay in the store: a listing is for people, and the hash is no use to them.
  const shown = records.map(({ hash: _hash, ...rest }) => rest);
  if (values.json) ctx.io.out(JSON.stringify(shown, null, 2));
  else ctx.io.out(formatKeyTable(shown));
  return EXIT.ok;
}

async function rotate(id: string, values: Values, ctx: Context): Promise<number> {
  const hours = wholeNumber(
    values['overlap-hours'],
    ctx.config.apiKeys.rotationOverlapHours,
    '--overlap-hours',
  );
  const issued = await ctx.manager.rotate(id, { overlapMs: hours * 3_600_000, actor: actor() });
  ctx.io.err(`Key ${id} keeps working for ${hours} h, until its successor takes over.`);
  return printIssued(issued, values.json === true, ctx.io, 'Rotated into');
}

async function revoke(id: string, values: Values, ctx: Context): Promise<number> {
  const record = await ctx.manager.revoke(id, { reason: values.reason, actor: actor() });
  ctx.io.err(`Revoked key ${record.id} ("${record.name}") at ${record.revokedAt}.`);
  return EXIT.ok;
}

/**
 * Prints a new key. Only the key goes to stdout, so `$(lookout-keys create ...)` captures exactly
 * it; the description and the warning that it is shown once go to stderr.
 */
function printIssued(
  issued: {
    key: string;
    record: { id: string; name: string; scopes: string[]; expiresAt: string };
  },
  json: boolean,
  io: CliIo,
  verb: string,
): number {
  const { id, name, scopes, expiresAt } = issued.record;
  if (json) {
    io.out(JSON.stringify({ key: issued.key, id, name, scopes, expiresAt }));
  } else {
    io.err(
      `${verb} key ${id} ("${name}"), scopes: ${scopes.join(',') || '(none)'}, expires ${expiresAt}.`,
    );
    io.err('This is the only time the key is shown. Store it in your secret manager now.');
    io.out(issued.key);
  }
  return EXIT.ok;
}

function requireId(rest: string[]): string {
  const id = rest[0];
  if (id === undefined || rest.length > 1) throw new UsageError('Give exactly one key id');
  return id;
}

function wholeNumber(raw: string | undefined, fallback: number, flag: string): number {
  if (raw === undefined) return fallback;
  if (!/^\d{1,6}$/.test(raw)) throw new UsageError(`${flag} takes a whole number, got "${raw}"`);
  return Number(raw);
}

/** Who ran the command, for the audit trail. */
function actor(): string {
  try {
    return `${userInfo().username}@${hostname()}`;
  } catch {
    return `uid-unknown@${hostname()}`;
  }
}

function report(error: unknown, io: CliIo): number {
  if (error instanceof UsageError) {
    io.err(`${error.message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  if (error instanceof ApiKeyError) {
    io.err(error.message);
    return EXIT.failed;
  }
  io.err(`lookout-keys failed: ${(error as Error).message ?? String(error)}`);
  return EXIT.failed;
}
