/** Thrown when an SLO definition cannot produce alerts that work; lists every problem at once. */
export class SloDefinitionError extends Error {
  /** Stable code for programs that catch it. */
  readonly code = 'LOOKOUT_SLO_INVALID';
  /** One sentence per problem. */
  readonly problems: readonly string[];

  constructor(service: string, problems: readonly string[]) {
    super(`SLO definition for "${service}" is invalid:\n- ${problems.join('\n- ')}`);
    this.name = 'SloDefinitionError';
    this.problems = problems;
  }
}
