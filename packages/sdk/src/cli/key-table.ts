/** One listed key, without its hash. */
export interface ListedKey {
  readonly id: string;
  readonly name: string;
  readonly scopes: readonly string[];
  readonly status: string;
  readonly createdAt: string;
  readonly expiresAt: string;
}

const COLUMNS = ['ID', 'STATUS', 'NAME', 'SCOPES', 'CREATED', 'EXPIRES'] as const;

/** Formats keys as an aligned plain-text table, one key per line. */
export function formatKeyTable(keys: readonly ListedKey[]): string {
  if (keys.length === 0) return 'No keys.';
  const rows = keys.map((key) => [
    key.id,
    key.status,
    key.name,
    key.scopes.join(',') || '-',
    key.createdAt.slice(0, 16).replace('T', ' '),
    key.expiresAt.slice(0, 16).replace('T', ' '),
  ]);
  const widths = COLUMNS.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => row[i]?.length ?? 0)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(COLUMNS), ...rows.map(line)].join('\n');
}
