/**
 * Freezes plain objects and arrays recursively and returns the same value, typed. Class
 * instances (such as `Secret`) are frozen but not walked: their state is private already.
 */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  const isPlain = Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype;
  if (isPlain) {
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
