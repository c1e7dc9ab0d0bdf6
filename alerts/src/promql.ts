/**
 * Small PromQL builders. Expressions stay readable strings; these helpers only remove the parts
 * that must never differ between rules: selector syntax, grouping and the zero that keeps a
 * healthy service's error ratio at 0 instead of making it vanish.
 */

/** `metric{m1, m2}`, or the bare name without matchers. */
export function selector(metric: string, matchers: readonly string[] = []): string {
  return matchers.length === 0 ? metric : `${metric}{${matchers.join(', ')}}`;
}

/** `name="value"`, with the value escaped as a PromQL string. */
export function eq(name: string, value: string): string {
  return `${name}=${JSON.stringify(value)}`;
}

/** `sum by (labels) (expr)`. */
export function sumBy(labels: readonly string[], expr: string): string {
  return `sum by (${labels.join(', ')}) (${expr})`;
}

/** `rate(selector[range])`. */
export function rate(series: string, range: string): string {
  return `rate(${series}[${range}])`;
}

/**
 * `bad / total` per group, where a group with traffic but no bad events reads 0 rather than
 * disappearing: counters of bad events do not exist until the first one, and a missing ratio
 * would hide the service from dashboards and from every `unless`/`and` built on it.
 */
export function ratioOrZero(bad: string, total: string): string {
  return `(\n  ${bad}\n  or\n  0 * ${total}\n)\n/\n${total}`;
}

/**
 * A number as PromQL should read it: at most 6 significant digits, so floating-point noise such
 * as 14.4 * 0.001 = 0.014400000000000001 never reaches a rule.
 */
export function num(value: number): string {
  return String(Number(value.toPrecision(6)));
}
