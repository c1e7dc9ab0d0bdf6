import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { parseSecurityEnv } from '../../../src/security/config/parse-security-env.ts';
import type { SecurityConfig } from '../../../src/security/config/security-config.ts';
import type { TempDir } from './temp-dir.ts';

/** Environment and configuration for a test service with API keys and a file audit log. */
export interface SecurityFixture {
  readonly env: Record<string, string>;
  readonly config: SecurityConfig;
  readonly auditPath: string;
  readonly keyStorePath: string;
}

/**
 * Writes an encryption key and an API-key secret into `dir` as secret files, as a deployment
 * would, and parses the resulting environment through the real configuration path.
 */
export function securityFixture(
  dir: TempDir,
  overrides: Record<string, string> = {},
): SecurityFixture {
  const keyFile = dir.file('store.key');
  const secretFile = dir.file('api-key.secret');
  writeFileSync(keyFile, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
  writeFileSync(secretFile, `${randomBytes(48).toString('base64')}\n`, { mode: 0o600 });
  const auditPath = dir.file('audit.log');
  const keyStorePath = dir.file('keys.json');
  const env = {
    LOOKOUT_KEY_STORE: keyStorePath,
    LOOKOUT_KEY_STORE_ENCRYPTION_KEY_FILE: keyFile,
    LOOKOUT_API_KEY_SECRET_FILE: secretFile,
    LOOKOUT_AUDIT_DESTINATION: auditPath,
    LOOKOUT_AUDIT_AUTH_SUCCESS: 'all',
    LOOKOUT_KEY_STORE_REFRESH_MS: '100',
    // Generous defaults so only the rate-limit tests meet a limit.
    LOOKOUT_RATE_LIMIT_GROUPS: 'default=1000/1m,login=1000/1m',
    ...overrides,
  };
  return { env, config: parseSecurityEnv(env), auditPath, keyStorePath };
}
