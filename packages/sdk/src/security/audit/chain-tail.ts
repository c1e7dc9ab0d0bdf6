import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { hashRecord } from './audit-chain.ts';

/** Bytes read from the end of a file to find its last record; records are far smaller. */
const TAIL_BYTES = 64 * 1024;

/**
 * Finds the hash of the last record of an audit file, which a new writer's first record links
 * to, or undefined when the file is missing, empty or ends in a record that does not verify.
 * In that last case the writer starts from the genesis hash rather than vouch for a record it
 * cannot trust; the verifier still reports the bad record itself.
 */
export function readTailHash(path: string, key: string | undefined): string | undefined {
  const last = lastLine(path);
  if (last === undefined) return undefined;
  try {
    const record = JSON.parse(last) as Record<string, unknown>;
    const { hash } = record;
    if (typeof hash !== 'string') return undefined;
    return hashRecord(record, key) === hash ? hash : undefined;
  } catch {
    return undefined;
  }
}

function lastLine(path: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const size = fstatSync(fd).size;
    const length = Math.min(size, TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    const lines = buffer
      .toString('utf8')
      .split('\n')
      .filter((line) => line.trim() !== '');
    return lines.at(-1);
  } finally {
    closeSync(fd);
  }
}
