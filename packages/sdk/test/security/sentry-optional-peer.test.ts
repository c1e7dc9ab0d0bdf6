import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LookoutConfigError } from '../../src/config/config-error.ts';
import { requireOptionalPeer } from '../../src/internal/optional-peer.ts';

const SDK_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Starts the built SDK in a fresh process and lists the `@sentry/*` modules it resolved, through
 * both `import` and `require` (module.registerHooks sees both).
 */
function sentryModulesLoaded(env: Record<string, string>): string[] {
  const script = `
    import { registerHooks } from 'node:module';
    const seen = [];
    registerHooks({
      resolve(specifier, context, next) {
        if (specifier.startsWith('@sentry/')) seen.push(specifier);
        return next(specifier, context);
      },
    });
    const { startLookout } = await import('@lookout/sdk');
    startLookout();
    process.stdout.write(JSON.stringify(seen));
    process.exit(0);
  `;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: SDK_ROOT,
    env: {
      PATH: process.env.PATH,
      OTEL_SDK_DISABLED: 'true',
      LOOKOUT_LOG_LEVEL: 'silent',
      LOOKOUT_AUDIT_ENABLED: 'false',
      ...env,
    },
    encoding: 'utf8',
  });
  return JSON.parse(output) as string[];
}

describe('@sentry/node as an optional peer dependency', () => {
  it('is not loaded at all without SENTRY_DSN', () => {
    expect(sentryModulesLoaded({})).toEqual([]);
  });

  it('is loaded when SENTRY_DSN is set', () => {
    const loaded = sentryModulesLoaded({ SENTRY_DSN: 'http://publickey@127.0.0.1:9/1' });
    expect(loaded).toContain('@sentry/node');
  });

  it('stops setup with an error naming the package when it is not installed', () => {
    const peer = { name: '@lookout/peer-that-is-not-installed', range: '^1.0.0', setting: 'X_DSN' };
    let thrown: unknown;
    try {
      requireOptionalPeer(peer);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(LookoutConfigError);
    expect((thrown as LookoutConfigError).code).toBe('LOOKOUT_CONFIG_INVALID');
    expect((thrown as Error).message).toMatch(
      /X_DSN: got a value, but the optional peer dependency @lookout\/peer-that-is-not-installed is not installed; expected @lookout\/peer-that-is-not-installed@\^1\.0\.0 installed/,
    );
  });

  it('rethrows a failure inside an installed peer as it is', () => {
    const broken = Object.assign(new Error("Cannot find module '@sentry/core'"), {
      code: 'MODULE_NOT_FOUND',
    });
    const load = () => {
      throw broken;
    };
    const peer = { name: '@sentry/node', range: '^11.12.0', setting: 'SENTRY_DSN' };
    expect(() => requireOptionalPeer(peer, load as unknown as NodeJS.Require)).toThrow(broken);
  });
});
