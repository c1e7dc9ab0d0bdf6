/**
 * Runs the real `docker compose` CLI plugin against the stack's files, as CI and users do.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import type { ComposeModel } from './compose-model.ts';
import { COMPOSE_DIR, INSTALL_SCRIPT } from './paths.ts';

const run = promisify(execFile);

/**
 * Installs the compose plugin if it is missing (a no-op once cached; about two minutes of Go
 * build the first time on a fresh machine) and resolves to the plugin's path.
 */
export async function installCompose(): Promise<string> {
  const { stdout } = await run(INSTALL_SCRIPT, [], { timeout: 600_000 });
  return stdout.trim();
}

/**
 * `docker compose -f <file>... config`: the model Compose would run, with anchors, merges,
 * `!reset`/`!override`, relative paths and `${VAR:-default}` all resolved. The environment is
 * reduced to what the CLI needs and `.env` files are ignored, so a developer's local overrides
 * cannot make the test pass or fail.
 */
export async function renderConfig(files: readonly string[]): Promise<ComposeModel> {
  const args = ['compose', ...files.flatMap((file) => ['-f', file]), 'config'];
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/root',
    ...(process.env.DOCKER_CONFIG === undefined
      ? {}
      : { DOCKER_CONFIG: process.env.DOCKER_CONFIG }),
    COMPOSE_DISABLE_ENV_FILE: 'true',
  };
  const { stdout } = await run('docker', args, { cwd: COMPOSE_DIR, env, maxBuffer: 8 << 20 });
  return parse(stdout) as ComposeModel;
}
