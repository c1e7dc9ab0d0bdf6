/**
 * Splits a container image reference into repository, tag and digest, following the reference
 * grammar: a tag is the part after the last `:` that comes after the last `/` (so a registry port
 * such as `registry:5000/x` is not mistaken for a tag).
 */

/** The parts of an image reference. */
export interface ImageRef {
  readonly repository: string;
  readonly tag: string | undefined;
  readonly digest: string | undefined;
}

/** Parses `image`; never throws. */
export function parseImageRef(image: string): ImageRef {
  const [name = '', digest] = image.split('@', 2);
  const lastSlash = name.lastIndexOf('/');
  const lastColon = name.lastIndexOf(':');
  if (lastColon <= lastSlash) return { repository: name, tag: undefined, digest };
  return { repository: name.slice(0, lastColon), tag: name.slice(lastColon + 1), digest };
}

/**
 * Why `image` does not count as pinned, or undefined when it does. A digest pins by itself; a
 * tag pins unless it is `latest` or another moving name, or a bare major like `7` that drifts
 * with every minor release.
 */
export function unpinnedReason(image: string): string | undefined {
  const ref = parseImageRef(image);
  if (ref.digest !== undefined) return undefined;
  if (ref.tag === undefined) return 'no tag (means latest)';
  if (/^(latest|stable|main|master|edge|nightly)$/i.test(ref.tag)) return `moving tag "${ref.tag}"`;
  if (!/^v?\d+\.\d+\.\d+/.test(ref.tag)) return `tag "${ref.tag}" is not a full x.y.z version`;
  return undefined;
}
