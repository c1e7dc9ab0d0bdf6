import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';

const MASK = '[secret]';

/**
 * A value that must never reach a log line, a span, an error message or Sentry. Every way a
 * value is usually turned into text (`String()`, template literals, `JSON.stringify`,
 * `util.inspect`, pino) prints `[secret]`; only `reveal()` hands out the real value, so each
 * place that needs it is easy to find in review.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  /** The secret itself. Call it only where the value is used, never where it is reported. */
  reveal(): string {
    return this.#value;
  }

  /** Length in characters, for error messages that must describe a secret without showing it. */
  get length(): number {
    return this.#value.length;
  }

  toString(): string {
    return MASK;
  }

  toJSON(): string {
    return MASK;
  }

  [inspect.custom](): string {
    return MASK;
  }
}

/** Why a secret could not be read; the caller turns it into a configuration issue. */
export interface SecretReadError {
  readonly source: string;
  readonly received: string;
  readonly expected: string;
}

/** What `readSecret` found: the secret (or undefined when neither variable is set), or a problem. */
export type SecretReadResult =
  | { readonly ok: true; readonly value: Secret | undefined; readonly source: string | undefined }
  | { readonly ok: false; readonly error: SecretReadError };

/**
 * Reads a secret from `NAME` or from the file named by `NAME_FILE` (the Docker and Kubernetes
 * secrets convention). Setting both is refused rather than silently preferring one, because a
 * stale variable overriding a rotated file is exactly the mistake this would hide. One trailing
 * newline is removed from files, as `echo secret > file` adds it.
 */
export function readSecret(
  env: Readonly<Record<string, string | undefined>>,
  name: string,
): SecretReadResult {
  const direct = env[name];
  const file = env[`${name}_FILE`];
  if (direct !== undefined && direct !== '' && file !== undefined && file !== '') {
    const error = { source: name, received: `both ${name} and ${name}_FILE`, expected: 'one' };
    return { ok: false, error };
  }

  if (file !== undefined && file !== '') {
    return readSecretFile(`${name}_FILE`, file);
  }
  if (direct !== undefined && direct !== '') {
    return { ok: true, value: new Secret(direct), source: name };
  }
  return { ok: true, value: undefined, source: undefined };
}

function readSecretFile(source: string, path: string): SecretReadResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    const error = { source, received: `${path} (${code})`, expected: 'a readable file' };
    return { ok: false, error };
  }

  const value = text.replace(/\r?\n$/, '');
  if (value === '') {
    return { ok: false, error: { source, received: `${path} (empty)`, expected: 'a secret' } };
  }
  return { ok: true, value: new Secret(value), source };
}
