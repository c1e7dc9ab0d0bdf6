import { type DiagLogger, DiagLogLevel, diag } from '@opentelemetry/api';
import { setGlobalErrorHandler } from '@opentelemetry/core';
import type { LookoutConfig } from '../config/lookout-config.ts';
import type { ProblemReporter } from '../internal/problem-reporter.ts';

const LEVELS: Record<LookoutConfig['diagLevel'], DiagLogLevel> = {
  none: DiagLogLevel.NONE,
  error: DiagLogLevel.ERROR,
  warn: DiagLogLevel.WARN,
  info: DiagLogLevel.INFO,
  debug: DiagLogLevel.DEBUG,
  verbose: DiagLogLevel.VERBOSE,
  all: DiagLogLevel.ALL,
};

/**
 * Routes OpenTelemetry's own warnings and export errors through the problem reporter: written
 * once, then counted and summarised, so a collector outage costs one line a minute, not one per
 * failed batch. Below warn, diagnostics go to stderr only when OTEL_LOG_LEVEL asks for them.
 */
export function installDiagnostics(config: LookoutConfig, problems: ProblemReporter): void {
  const toProblem = (message: string, ...args: unknown[]) =>
    problems.report(
      `otel.${kindOf(message)}`,
      message,
      args.find((arg) => arg instanceof Error) ?? args[0],
    );
  const toStderr = (message: string, ...args: unknown[]) =>
    process.stderr.write(
      `${JSON.stringify({ component: 'lookout.otel', msg: message, args: args.map(String) })}\n`,
    );

  const logger: DiagLogger = {
    error: toProblem,
    warn: toProblem,
    info: toStderr,
    debug: toStderr,
    verbose: toStderr,
  };
  diag.setLogger(logger, { logLevel: LEVELS[config.diagLevel], suppressOverrideMessage: true });
  setGlobalErrorHandler((error) =>
    problems.report('otel.export', 'telemetry export failed', error),
  );
}

/** A stable kind for a diagnostic message: its words without numbers, so repeats group. */
function kindOf(message: string): string {
  return message.replace(/\d+/g, 'N').slice(0, 60);
}
