/**
 * Grafana template variables in query text: finding them and replacing them with values, so a
 * panel query can be run as-is against a real Prometheus in tests.
 */

/** Grafana's built-in range variables; callers give them durations such as `1m`. */
export const GRAFANA_BUILTINS = ['__rate_interval', '__range', '__interval'] as const;

/** Values by variable name, without the `$`. */
export type VariableValues = Readonly<Record<string, string>>;

// Grafana's three spellings: `$name`, `${name}` or `${name:format}`, and the old `[[name]]`.
const VARIABLE = /\$\{(\w+)(?::[^}]*)?\}|\[\[(\w+)(?::[^\]]*)?\]\]|\$(\w+)/g;

/** Names of the variables `text` refers to, each once, in order of appearance. */
export function variablesIn(text: string): string[] {
  const names = [...text.matchAll(VARIABLE)].map((match) => match[1] ?? match[2] ?? match[3] ?? '');
  return [...new Set(names)];
}

/** Replaces every variable in `text`; throws naming the variables `values` has no value for. */
export function substituteVariables(text: string, values: VariableValues): string {
  const missing = variablesIn(text).filter((name) => values[name] === undefined);
  if (missing.length > 0) {
    throw new Error(`no value for ${missing.map((name) => `$${name}`).join(', ')} in: ${text}`);
  }
  return text.replace(VARIABLE, (_match, a?: string, b?: string, c?: string) => {
    return values[a ?? b ?? c ?? ''] ?? '';
  });
}
