/**
 * Prometheus durations as the sources write them (`'5m'`, `'1h'`, `'3d'`) and as the rendered
 * rules need them. Sources keep the production value; the render profile scales it.
 */

/** A Prometheus duration with one unit, e.g. `'30s'`, `'5m'`, `'6h'`, `'3d'`. */
export type Duration = `${number}${'s' | 'm' | 'h' | 'd'}`;

const UNIT_SECONDS = { d: 86_400, h: 3_600, m: 60, s: 1 } as const;
type Unit = keyof typeof UNIT_SECONDS;

/** Seconds in `duration`; throws on anything but a whole number and one unit. */
export function toSeconds(duration: Duration): number {
  const match = /^(\d+)([smhd])$/.exec(duration);
  if (match === null) throw new RangeError(`"${duration}" is not a duration like 5m, 1h or 3d`);
  return Number(match[1]) * UNIT_SECONDS[match[2] as Unit];
}

/**
 * Renders whole seconds as Prometheus writes them, largest units first (`4320` → `1h12m`).
 * Zero renders as `0s`.
 */
export function formatSeconds(seconds: number): string {
  if (!Number.isInteger(seconds) || seconds < 0) {
    throw new RangeError(`${seconds} is not a whole, non-negative number of seconds`);
  }
  if (seconds === 0) return '0s';

  let rest = seconds;
  let text = '';
  for (const [unit, size] of Object.entries(UNIT_SECONDS)) {
    const count = Math.floor(rest / size);
    if (count > 0) text += `${count}${unit}`;
    rest -= count * size;
  }
  return text;
}

/** Plain-English length of `seconds` for alert descriptions (`2 days`, `5 hours`, `30 minutes`). */
export function describeSeconds(seconds: number): string {
  const [unit, size] = Object.entries(UNIT_SECONDS).find(([, s]) => seconds >= s) ?? ['s', 1];
  const count = Math.round((seconds / size) * 10) / 10;
  const words: Record<string, string> = { d: 'day', h: 'hour', m: 'minute', s: 'second' };
  return `${count} ${words[unit]}${count === 1 ? '' : 's'}`;
}
