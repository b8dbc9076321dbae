// Turns a chat model's raw answer into the text of a prompt: removes markdown fences,
// headings, emphasis, preambles ("Here is your prompt:"), labels ("Prompt:"), trailing
// explanations and wrapping quotes. Lines are kept (targets join them their own way), and so is
// a "Negative prompt:" label, which the Stable Diffusion target needs. Pure.

const FENCE_LINE = /^\s*(```|~~~)[\w+-]*\s*$/;
const RULE_LINE = /^\s*([-*_=])(\s*\1){2,}\s*$/;
const HEADING = /^\s{0,3}#{1,6}\s+(.*)$/;
const NEGATIVE_LABEL_LINE = /^\W*negative\b/i;

/** Lines that open an answer without being part of the prompt. */
const CHATTY_OPENER =
  /^(?:sure|certainly|absolutely|of course|okay|ok|great|alright|happy to help|gladly|no problem)\b[^\n]{0,40}?[!.,]?$/i;
/** A chatty opener on the same line as the prompt: "Sure! A lone…", "Of course — here is…", "Here you go: …". */
const INLINE_OPENER =
  /^(?:(?:sure(?: thing)?|certainly|absolutely|of course|gladly|no problem|happy to help|you got it|here you go|here it is|okay|ok|alright)(?:\s*[!.,:]+|\s+[—–-]+)|great!+)\s*/i;
/** A chatty closing sentence at the end of the prompt's last line: "…painterly. Hope this helps!" */
const INLINE_CLOSER =
  /([.!?])\s+(?:(?:i )?hope (?:this|that|you|it)\b|let me know\b|feel free\b|happy (?:creating|generating|prompting|painting)\b|enjoy(?:[!.]|\s+(?:your|the) (?:image|prompt|creation|art)\b)|would you like\b|want me to\b)[^\n]*$/i;
const PREAMBLE =
  /^(?:(?:sure|certainly|absolutely|of course|okay|ok|great|alright)[!.,]?\s*)?(?:here(?:'s| is| are)|below (?:is|are)|i(?:'ve| have) (?:written|created|crafted)|this is)\b[^\n:]{0,120}:\s*/i;
/** A label in front of the prompt: "Prompt:", "Image prompt -", "/imagine prompt:", "Final prompt:". */
const PROMPT_LABEL =
  /^(?:\/imagine\s+)?(?:(?:final|image|positive|main|midjourney|flux|stable diffusion|sd|gpt image|dall-e|chatgpt|generated|your|the|optimized|refined)\s+)*prompt(?:\s*#?\d+)?\s*[:：\-–—]\s*/i;
/** The first line of a trailing explanation: everything from here on is dropped. */
const TRAILING_NOTE =
  /^[(*_\s]*(?:this (?:prompt|image|composition|version|description|should|will|creates|captures|evokes|emphasi[sz]es|focuses|combines|keeps|uses)|these (?:prompts|variations)|the prompt (?:above|captures|focuses)|notes?\s*[:：]|tips?\s*[:：]|explanation|why (?:this|it) works|key (?:elements|details)|feel free|let me know|i hope|hope (?:this|you)|you (?:can|could|may|might)\b|if you(?:'d| would)? (?:like|want)|would you like|want me to|do you want|enjoy|adjust |suggested (?:settings|parameters)|parameters? explained|(?:recommended|suggested) (?:settings|sampler))/i;

const QUOTE_PAIRS: readonly [string, string][] = [
  ['"', '"'],
  ['“', '”'],
  ['„', '“'],
  ["'", "'"],
  ['‘', '’'],
  ['«', '»'],
  ['`', '`'],
];

/** Removes one pair of quotes wrapping the whole text (repeatedly, for nested wrappers). */
export function stripWrappingQuotes(text: string): string {
  let out = text.trim();
  for (let changed = true; changed && out.length >= 2; ) {
    changed = false;
    for (const [open, close] of QUOTE_PAIRS) {
      if (!out.startsWith(open) || !out.endsWith(close)) continue;
      const inner = out.slice(open.length, out.length - close.length);
      // `"a" and "b"` is not wrapped: the same quote inside means the ends belong to two quotes.
      if (inner.includes(close) || (open !== close && inner.includes(open))) continue;
      out = inner.trim();
      changed = true;
    }
  }
  return out;
}

/**
 * Fenced answers: the model put the prompt in code blocks and talked around them. Keep the
 * blocks' contents (and a "Negative prompt" label written just above a block); drop the talk.
 */
function keepFencedBlocks(lines: string[]): string[] {
  if (!lines.some((line) => FENCE_LINE.test(line))) return lines;
  const kept: string[] = [];
  let inside = false;
  let lastOutside = '';
  for (const line of lines) {
    if (FENCE_LINE.test(line)) {
      if (!inside && NEGATIVE_LABEL_LINE.test(lastOutside)) kept.push(lastOutside.replace(/[*_`#]/g, '').trim());
      if (inside) kept.push('');
      inside = !inside;
      continue;
    }
    if (inside) kept.push(line);
    else if (line.trim()) lastOutside = line;
  }
  return kept.some((line) => line.trim()) ? kept : lines.filter((line) => !FENCE_LINE.test(line));
}

function stripMarkdown(line: string): string {
  const heading = HEADING.exec(line);
  // A heading is never prompt text, but "## Negative prompt" is a label the SD target reads.
  if (heading) return NEGATIVE_LABEL_LINE.test(heading[1] ?? '') ? `${(heading[1] ?? '').replace(/[:*_]+\s*$/, '')}:` : '';
  return line
    .replace(/^\s*>\s?/, '')
    .replace(/\*\*|__/g, '')
    .replace(/(^|\s)\*(\S[^*\n]*?\S|\S)\*(?=\s|[,.;:!?]|$)/g, '$1$2');
}

function dropPreamble(lines: string[]): string[] {
  const out = [...lines];
  for (let guard = 0; guard < 4; guard++) {
    const index = out.findIndex((line) => line.trim() !== '');
    if (index < 0) return out;
    const line = (out[index] as string).trim();
    const opener = INLINE_OPENER.exec(line);
    if (opener) {
      const rest = line.slice(opener[0].length).trim();
      if (rest) out[index] = rest;
      else out.splice(index, 1);
      continue;
    }
    if (CHATTY_OPENER.test(line) && !line.includes(',')) {
      out.splice(index, 1);
      continue;
    }
    const preamble = PREAMBLE.exec(line) ?? (line.length < 80 && /:\s*$/.test(line) && /\bprompts?\b/i.test(line) ? [line] : null);
    if (preamble) {
      const rest = line.slice(preamble[0].length).trim();
      if (rest) out[index] = rest;
      else out.splice(index, 1);
      continue;
    }
    break;
  }
  const first = out.findIndex((line) => line.trim() !== '');
  if (first >= 0) out[first] = (out[first] as string).trim().replace(PROMPT_LABEL, '');
  return out;
}

/** Drops a trailing explanation: from the first note-like line (or rule) after the prompt on. */
function dropTrailingNotes(lines: string[]): string[] {
  let seenContent = false;
  for (const [index, line] of lines.entries()) {
    const text = line.trim();
    if (!text) continue;
    if (seenContent && RULE_LINE.test(text)) {
      const next = lines.slice(index + 1).find((l) => l.trim() !== '') ?? '';
      if (NEGATIVE_LABEL_LINE.test(next.trim())) continue;
      return lines.slice(0, index);
    }
    if (seenContent && TRAILING_NOTE.test(text)) return lines.slice(0, index);
    if (!RULE_LINE.test(text)) seenContent = true;
  }
  return lines;
}

/** Drops a chatty closing sentence written on the prompt's own last line. */
function dropInlineCloser(lines: string[]): string[] {
  const out = [...lines];
  for (let index = out.length - 1; index >= 0; index--) {
    const line = out[index] as string;
    if (!line.trim()) continue;
    out[index] = line.replace(INLINE_CLOSER, '$1');
    break;
  }
  return out;
}

/**
 * The cleaned answer, still in lines. Returns '' when nothing of a prompt is left (an empty
 * answer, or one that was only talk).
 */
export function cleanAnswer(raw: string): string {
  let lines = raw.replace(/\r\n?/g, '\n').split('\n');
  lines = keepFencedBlocks(lines).map(stripMarkdown);
  lines = dropPreamble(lines);
  lines = dropInlineCloser(dropTrailingNotes(lines).filter((line) => !RULE_LINE.test(line)));
  const text = lines
    .map((line) => stripWrappingQuotes(line.trim()))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return stripWrappingQuotes(text);
}

/** Removes a list marker ("- ", "* ", "1. ", "•") at the start of a line. */
export function stripListMarker(line: string): string {
  return line.replace(/^\s*(?:[-*•·]|\d{1,2}[.)])\s+/, '');
}

/** Joins lines into one paragraph of prose. */
export function toParagraph(text: string): string {
  return text
    .split('\n')
    .map((line) => stripListMarker(line).trim())
    .filter(Boolean)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Shortens text to at most `max` characters at a word boundary (a single word longer than the
 * limit is cut), without a dangling comma, dash or conjunction-free separator at the end.
 */
export function limitAtWordBoundary(text: string, max: number): string {
  if (text.length <= max) return text;
  let head = text.slice(0, max + 1);
  if (/[\uD800-\uDBFF]$/.test(head.slice(0, max))) head = head.slice(0, max - 1);
  const space = head.search(/\s\S*$/);
  const cut = space > 0 ? head.slice(0, space) : text.slice(0, max);
  return cut.replace(/[\s,;:\-–—(]+$/, '').trimEnd();
}
