/** Reads the YAML files the stack mounts, with the same parser everywhere. */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';

/** The parsed document at `path`. The caller states the shape it relies on. */
export async function readYaml<T>(path: string): Promise<T> {
  return parse(await readFile(path, 'utf8')) as T;
}

/**
 * Every string value found under keys named in `keys`, anywhere in `value`, with the path that
 * led to it, so a failing assertion names the exact setting.
 */
export function valuesUnderKeys(
  value: unknown,
  keys: ReadonlySet<string>,
  path = '',
): { path: string; value: string }[] {
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => valuesUnderKeys(item, keys, `${path}[${index}]`));
  }
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const childPath = path === '' ? key : `${path}.${key}`;
    if (keys.has(key) && typeof child === 'string') return [{ path: childPath, value: child }];
    return valuesUnderKeys(child, keys, childPath);
  });
}
