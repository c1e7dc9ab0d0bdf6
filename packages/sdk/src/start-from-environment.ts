import { LookoutConfigError } from './config/config-error.ts';
import { startLookout } from './runtime.ts';

/**
 * Starts Lookout from the environment for the preload entries. Invalid configuration stops the
 * process with one message listing every bad variable, rather than running half-configured.
 */
export function startFromEnvironment(): void {
  try {
    startLookout();
  } catch (error) {
    if (!(error instanceof LookoutConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(78); // EX_CONFIG: the configuration, not the program, is at fault.
  }
}
