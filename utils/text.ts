// Input hygiene for selected text. Pure.

// Zero-width characters and the BOM, except ZWJ (U+200D), which joins emoji sequences.
const INVISIBLE = /[\u200B\u200C\u2060\uFEFF\u00AD]/g;
// C0/C1 control characters other than tab and newline (carriage returns become newlines first).
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/**
 * Trims, removes invisible and control characters and collapses runs of spaces, keeping
 * paragraph breaks (at most one blank line). CJK, right-to-left text and emoji pass unchanged.
 */
export function cleanText(input: string): string {
  return input
    .replace(/\r\n?/g, '\n')
    .replace(INVISIBLE, '')
    .replace(CONTROL, '')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const SENTENCE_END = /[.!?。！？…]["'”’)\]]?(?=\s|$)/g;

/**
 * Shortens text to at most `max` characters, cutting after the last sentence end or, failing
 * that, at the last word boundary in the final fifth of the allowance. Never splits a surrogate
 * pair.
 */
export function shortenText(text: string, max: number): { text: string; shortened: boolean } {
  if (text.length <= max) return { text, shortened: false };
  let head = text.slice(0, max);
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
  const floor = Math.floor(max * 0.8);
  let cut = -1;
  for (const match of head.matchAll(SENTENCE_END)) {
    const end = match.index + match[0].length;
    if (end >= floor) cut = end;
  }
  if (cut < 0) {
    const space = head.search(/\s\S*$/);
    if (space >= floor) cut = space;
  }
  const shortened = (cut > 0 ? head.slice(0, cut) : head).trimEnd();
  return { text: shortened, shortened: true };
}

/** A short one-line preview for the popup. */
export function preview(text: string, max = 160): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}
