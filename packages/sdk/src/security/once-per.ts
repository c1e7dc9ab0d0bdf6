/**
 * Lets one occurrence per key through per interval, to keep a flood of identical events (one
 * refused origin, one busy client) from flooding the audit log. Memory is bounded: past
 * `maxKeys`, the oldest keys are forgotten, which at worst audits an event once more.
 */
export function oncePer(intervalMs: number, maxKeys = 10_000): (key: string) => boolean {
  const lastSeen = new Map<string, number>();
  return (key) => {
    const now = Date.now();
    const last = lastSeen.get(key);
    if (last !== undefined && now - last < intervalMs) return false;

    // Re-inserting moves the key to the end, so iteration order stays oldest first.
    lastSeen.delete(key);
    lastSeen.set(key, now);
    if (lastSeen.size > maxKeys) {
      const oldest = lastSeen.keys().next().value;
      if (oldest !== undefined) lastSeen.delete(oldest);
    }
    return true;
  };
}
