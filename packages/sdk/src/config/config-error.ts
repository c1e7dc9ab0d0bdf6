/** One rejected setting: where it came from, what it held and what was expected. */
export interface ConfigIssue {
  /** The environment variable or code option that was rejected. */
  readonly source: string;
  /** The value as received; secrets are shown masked. */
  readonly received: string;
  /** What would have been accepted. */
  readonly expected: string;
}

/**
 * Thrown at startup when configuration is invalid. It lists every problem at once, so one
 * restart fixes them all; runtime code never throws it.
 */
export class LookoutConfigError extends Error {
  readonly code = 'LOOKOUT_CONFIG_INVALID';
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[]) {
    super(formatIssues(issues));
    this.name = 'LookoutConfigError';
    this.issues = issues;
  }
}

function formatIssues(issues: readonly ConfigIssue[]): string {
  const lines = issues.map(
    (issue) => `  - ${issue.source}: got ${issue.received}; expected ${issue.expected}`,
  );
  const noun = issues.length === 1 ? 'setting' : 'settings';
  return `Lookout cannot start: ${issues.length} invalid ${noun}\n${lines.join('\n')}`;
}
