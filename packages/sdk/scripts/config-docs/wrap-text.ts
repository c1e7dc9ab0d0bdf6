/**
 * `text` broken into lines of at most `width` characters at spaces, each starting with
 * `prefix`. A word longer than the width stays whole on its own line rather than being cut.
 */
export function wrapText(text: string, width: number, prefix = ''): string[] {
  const room = width - prefix.length;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line !== '' && line.length + 1 + word.length > room) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines.map((each) => `${prefix}${each}`);
}
