/** Window units, largest first, so 900000 ms is written 15m as a person would write it. */
const WINDOW_UNITS: readonly (readonly [string, number])[] = [
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1000],
  ['ms', 1],
];

interface Budget {
  readonly limit: number;
  readonly windowMs: number;
}

/**
 * A setting's default written the way the environment variable would hold it, or `undefined`
 * when the setting has none. The written form parses back to the default itself (the
 * config-docs test holds every setting to that), so the reference cannot drift from the code.
 */
export function formatDefault(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return value.map(String).join(',');
  if (isBudget(value)) return formatBudget(value);
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value)
      .map(([key, item]) => `${key}=${formatItem(item)}`)
      .join(',');
  }
  return String(value);
}

/** One value of a `key=value` list: a route group's budget, a feature flag, a header. */
function formatItem(item: unknown): string {
  if (isBudget(item)) return formatBudget(item);
  if (typeof item === 'boolean') return item ? 'on' : 'off';
  return encodeURIComponent(String(item));
}

function isBudget(value: unknown): value is Budget {
  if (typeof value !== 'object' || value === null) return false;
  const { limit, windowMs } = value as Record<string, unknown>;
  return typeof limit === 'number' && typeof windowMs === 'number';
}

function formatBudget({ limit, windowMs }: Budget): string {
  const [unit, size] = WINDOW_UNITS.find(([, ms]) => windowMs % ms === 0) ?? ['ms', 1];
  return `${limit}/${windowMs / size}${unit}`;
}
