import { existsSync, readFileSync } from 'node:fs';

/** One parsed audit line. */
export type AuditRecord = Record<string, unknown> & { event: string; seq: number; hash: string };

/** The records of an audit file, in order; empty when it does not exist yet. */
export function readAuditRecords(path: string): AuditRecord[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as AuditRecord);
}

/** The records of one event type. */
export function auditEvents(path: string, event: string): AuditRecord[] {
  return readAuditRecords(path).filter((record) => record.event === event);
}
