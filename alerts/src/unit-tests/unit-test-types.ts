/**
 * promtool unit tests as typed data. Cases are written by hand (input series, evaluation times,
 * the exact labels and description each firing alert must have); the renderer only adds the
 * annotations that follow mechanically from the alert's source (summary, runbook and dashboard
 * links), because promtool compares annotations exactly.
 */

/** One `<name>.test.yaml`. */
export interface UnitTestFile {
  readonly name: string;
  /** Generated rule files it loads, by name (`http` loads `generated/http.rules.yaml`). */
  readonly ruleFiles: readonly string[];
  /** How often promtool evaluates the rules; `1m` unless set. */
  readonly evaluationInterval?: string;
  readonly tests: readonly UnitTest[];
}

/** One promtool test group: its own input series, checked at several times. */
export interface UnitTest {
  /** What the test proves, as a sentence. */
  readonly name: string;
  /** Sample spacing of the input series; `1m` unless set. */
  readonly interval?: string;
  readonly series: readonly InputSeries[];
  readonly alerts?: readonly AlertCheck[];
  readonly exprs?: readonly ExprCheck[];
}

/** A series in promtool's expanding notation (`0+60x120`, `_x5` for missing samples, `stale`). */
export interface InputSeries {
  readonly series: string;
  readonly values: string;
}

/** Which instances of `alert` fire at `at`; an empty list checks that none does. */
export interface AlertCheck {
  readonly at: string;
  readonly alert: string;
  readonly firing: readonly ExpectedAlert[];
}

/** One firing alert: its full label set and its rendered description. */
export interface ExpectedAlert {
  readonly labels: Readonly<Record<string, string>>;
  readonly description: string;
}

/** The samples an expression returns at `at`. */
export interface ExprCheck {
  readonly at: string;
  readonly expr: string;
  readonly samples: readonly { readonly labels: string; readonly value: number }[];
}
