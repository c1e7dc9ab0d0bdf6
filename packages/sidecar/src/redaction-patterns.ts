/**
 * Turns the SDK's sensitive-key list into the redaction processor's `blocked_key_patterns`, and
 * keeps the generated block of config/sidecar.yaml in step with it.
 *
 * The SDK folds a key (lower case, `-`, `_` and `.` removed) and compares it with the list. The
 * collector only has regular expressions (RE2), so each key becomes one expression that
 * accepts the same spellings: any case, any separators between the letters. It also accepts the
 * key as the last segment of a namespaced attribute (`http.request.header.x-api-key`), which is
 * how OpenTelemetry instrumentations name captured headers.
 */

const SEPARATORS = '[-_.]*';

/** Marks the start of the generated block in config/sidecar.yaml. */
export const BEGIN_MARKER = '# BEGIN GENERATED sensitive-keys';
/** Marks its end. */
export const END_MARKER = '# END GENERATED sensitive-keys';

/**
 * The RE2 expression matching every spelling of one folded key. `\A` and `\z` anchor it instead
 * of `^` and `$`, because the collector's config resolver treats `$` as the start of a reference.
 */
export function keyPattern(foldedKey: string): string {
  if (!/^[a-z0-9]+$/.test(foldedKey)) {
    throw new Error(`sensitive key "${foldedKey}" is not folded (lower-case letters and digits)`);
  }
  return `(?i)\\A(?:.*\\.)?${[...foldedKey].join(SEPARATORS)}\\z`;
}

/** The folded key an expression made by {@link keyPattern} stands for, or undefined. */
export function keyOfPattern(pattern: string): string | undefined {
  const match = /^\(\?i\)\\A\(\?:\.\*\\\.\)\?(.+)\\z$/.exec(pattern);
  return match?.[1]?.split(SEPARATORS).join('');
}

/** The generated YAML block, markers included, indented for `processors.redaction`. */
export function renderRedactionBlock(keys: readonly string[], indent = '    '): string {
  const lines = [
    `${indent}${BEGIN_MARKER}: pnpm --filter @lookout/sidecar sync:redaction`,
    `${indent}blocked_key_patterns:`,
    // Single quotes: YAML keeps backslashes in them as they are.
    ...keys.map((key) => `${indent}  - '${keyPattern(key)}'`),
    `${indent}${END_MARKER}`,
  ];
  return lines.join('\n');
}

/**
 * Replaces the generated block of `configText` with one made from `keys`, keeping the
 * indentation the block already has. Throws when the markers are missing.
 */
export function replaceRedactionBlock(configText: string, keys: readonly string[]): string {
  const begin = configText.indexOf(BEGIN_MARKER);
  const endMarker = configText.indexOf(END_MARKER, begin);
  if (begin < 0 || endMarker < 0) {
    throw new Error(`config has no "${BEGIN_MARKER}" ... "${END_MARKER}" block`);
  }

  const lineStart = configText.lastIndexOf('\n', begin) + 1;
  const indent = configText.slice(lineStart, begin);
  const end = endMarker + END_MARKER.length;
  return (
    configText.slice(0, lineStart) + renderRedactionBlock(keys, indent) + configText.slice(end)
  );
}
