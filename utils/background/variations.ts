// Variations: one request asks for several distinct takes; this splits the answer into them
// before each is cleaned by its target (how many takes may be asked for is in craft.ts). Pure.

export const VARIATION_SEPARATOR = '---';

const FENCE_LINE = /^\s*(```|~~~)[\w+-]*\s*$/;
const SEPARATOR_LINE = /^\s*([-*_=~])(\s*\1){2,}\s*$/;
/** "1.", "2)", "**Variation 3:**", "### Prompt 2", "Take 4 —", "Option 5:" at the start of a line. */
const NUMBERED_HEADING =
  /^\s*(?:#{1,6}\s*)?(?:\*\*|__)?\s*(?:(?:variation|prompt|take|option|version|alternative)\s*#?\s*\d+|#?\d{1,2}[.)](?=\s|$|\*\*|__))\s*(?:\*\*|__)?\s*(?:[:：.)\-–—]\s*)?(?:\*\*|__)?/i;

function fencedBlocks(lines: string[]): string[] {
  const blocks: string[] = [];
  let current: string[] | null = null;
  for (const line of lines) {
    if (FENCE_LINE.test(line)) {
      if (current) blocks.push(current.join('\n'));
      current = current ? null : [];
    } else if (current) {
      current.push(line);
    }
  }
  if (current) blocks.push(current.join('\n'));
  return blocks.filter((block) => block.trim());
}

function splitOn(lines: string[], isBoundary: (line: string) => boolean, keepBoundaryRest: boolean): string[] {
  const parts: string[][] = [[]];
  for (const line of lines) {
    if (isBoundary(line)) {
      parts.push([]);
      if (keepBoundaryRest) {
        const rest = line.replace(NUMBERED_HEADING, '').trim();
        if (rest) parts.at(-1)?.push(rest);
      }
    } else {
      parts.at(-1)?.push(line);
    }
  }
  return parts.map((part) => part.join('\n'));
}

/**
 * The raw takes in an answer, in order, still to be cleaned (a part may be only a preamble or a
 * closing remark; the target's cleanup empties those). Tried in turn: several fenced blocks,
 * separator lines (`---`), numbered headings. An answer with none of these is one take.
 */
export function splitVariations(raw: string): string[] {
  const lines = raw.replace(/\r\n?/g, '\n').split('\n');
  const blocks = fencedBlocks(lines);
  if (blocks.length >= 2) return blocks;
  const unfenced = lines.filter((line) => !FENCE_LINE.test(line));
  const bySeparator = splitOn(unfenced, (line) => SEPARATOR_LINE.test(line), false);
  if (bySeparator.filter((part) => part.trim()).length >= 2) return bySeparator;
  const byHeading = splitOn(unfenced, (line) => NUMBERED_HEADING.test(line), true);
  if (byHeading.filter((part) => part.trim()).length >= 2) return byHeading;
  return [raw];
}
