// Input hygiene for selected text. Pure.

// Invisible characters: zero-width space, word joiner, BOM, soft hyphen, Mongolian vowel
// separator, and the bidi marks and embedding/override/isolate controls (they only change how
// text is displayed, never its logical order, so right-to-left text stays intact without them).
// Kept on purpose: ZWJ (U+200D) joins emoji sequences and ZWNJ (U+200C) is part of Persian and
// other scripts' spelling; variation selectors (U+FE0F) style emoji.
const INVISIBLE = /[\u200B\u2060\uFEFF\u00AD\u180E\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
// C0/C1 control characters other than tab and newline (carriage returns become newlines first).
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
// Unicode tag characters are invisible and can smuggle instructions to a model; they are kept
// only inside a flag emoji (black flag + tags + cancel tag, e.g. the flag of Scotland).
const TAGS = /(\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F})|[\u{E0000}-\u{E007F}]/gu;

/**
 * Trims, removes invisible and control characters and collapses runs of spaces, keeping
 * paragraph breaks (at most one blank line). CJK, right-to-left text and emoji pass unchanged.
 */
export function cleanText(input: string): string {
  return input
    .replace(/\r\n?|\u2028/g, '\n')
    .replace(/\u2029/g, '\n\n')
    .replace(INVISIBLE, '')
    .replace(TAGS, (_, flag: string | undefined) => flag ?? '')
    .replace(CONTROL, '')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

// A sentence ends with a stop followed by a space (Latin scripts), or with a full-width stop
// (CJK, which puts no space after it), optionally followed by closing quotes or brackets.
const SENTENCE_END = /[.!?…]["'”’)\]]?(?=\s|$)|[。！？][」』”’）]?/g;

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

/**
 * The end of a text, at most `max` characters, starting at a word boundary when there is one
 * in the first fifth of the allowance (CJK text has none: it is cut between characters).
 */
export function tailText(text: string, max: number): string {
  if (text.length <= max) return text;
  let start = text.length - max;
  if (/[\uDC00-\uDFFF]/.test(text[start] ?? '')) start++;
  const space = text.slice(start, start + Math.ceil(max * 0.2)).search(/\s/);
  return text.slice(space >= 0 ? start + space : start).trimStart();
}
