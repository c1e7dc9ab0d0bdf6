/**
 * Reads `CHANGELOG.md`: one `## <uid>` section per dashboard, one `### <version>` entry per
 * release inside it, newest first.
 */

/** Versions listed per dashboard UID, in the order they appear. */
export type ChangelogIndex = ReadonlyMap<string, readonly string[]>;

const SECTION = /^## (\S+)\s*$/;
const ENTRY = /^### (\d+\.\d+\.\d+)\b/;

/** Indexes the dashboard sections and version entries of a changelog. */
export function parseChangelog(text: string): ChangelogIndex {
  const index = new Map<string, string[]>();
  let versions: string[] | undefined;
  for (const line of text.split('\n')) {
    const section = SECTION.exec(line);
    if (section?.[1]) {
      versions = [];
      index.set(section[1], versions);
      continue;
    }
    const entry = ENTRY.exec(line);
    if (entry?.[1] && versions) versions.push(entry[1]);
  }
  return index;
}
