// Stable Diffusion prompts: splits a model's answer into the prompt and its negative prompt,
// and tidies both as comma-separated tags with valid `(term:1.2)` weights. Pure.
import { limitAtWordBoundary, stripListMarker } from './answer-cleanup';

/** "Negative prompt:", "Negative:", "Negative prompt (avoid):", "Neg prompt —". */
const NEGATIVE_LABEL =
  /(^|\n|[.;,]\s*|\s)\W{0,2}(?:(?:negative\s+prompts?|neg\.?\s*prompt)\s*(?:\([^)\n]*\))?\s*[:：\-–—]+|negative\s*(?:\([^)\n]*\))?\s*[:：])\s*/i;
const POSITIVE_LABEL = /^\W{0,2}(?:positive(?:\s+prompt)?|prompt|tags)\s*(?:\([^)\n]*\))?\s*[:：\-–—]+\s*/i;
/** AUTOMATIC1111 generation settings a model sometimes appends ("Steps: 30, Sampler: …"). */
const SETTINGS_LINE = /^\W*(?:steps|sampler|cfg(?:\s*scale)?|seed|size|model|clip skip|denoising strength|hires\b)[^:\n]{0,12}:/i;

export const WEIGHT_RANGE = { min: 0.1, max: 2 } as const;

/** Splits on the negative-prompt label. Without one, the negative prompt is ''. */
export function splitNegative(text: string): { positive: string; negative: string } {
  const match = NEGATIVE_LABEL.exec(text);
  if (!match) return { positive: text.trim(), negative: '' };
  const before = text.slice(0, match.index + (match[1] ?? '').replace(/\s+$/, '').length);
  const after = text.slice(match.index + match[0].length);
  // A model that answers negative-first labels the positive part after it.
  const positiveAfter = /\n\W{0,2}(?:positive(?:\s+prompt)?|prompt)\s*[:：\-–—]+\s*/i.exec(after);
  if (positiveAfter && !before.trim()) {
    return {
      positive: after.slice(positiveAfter.index + positiveAfter[0].length).trim(),
      negative: after.slice(0, positiveAfter.index).trim(),
    };
  }
  return { positive: before.replace(/[.;,\s]+$/, '').trim(), negative: after.trim() };
}

/** Splits at commas and line breaks that are not inside parentheses or brackets. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(' || char === '[') depth++;
    if ((char === ')' || char === ']') && depth > 0) depth--;
    if ((char === ',' || char === '\n') && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  // Unbalanced brackets would swallow the rest of the prompt into one tag: split plainly then.
  return depth === 0 ? parts : text.split(/[,\n]/);
}

function formatWeight(value: number): string {
  const clamped = Math.min(WEIGHT_RANGE.max, Math.max(WEIGHT_RANGE.min, value));
  return String(Math.round(clamped * 100) / 100);
}

/** One tag: weights written `(term:1.2)`, clamped to range; unbalanced brackets removed. */
export function fixTag(tag: string): string {
  let out = stripListMarker(tag)
    .replace(/\s+/g, ' ')
    .replace(/^["'“”]+|["'“”]+$/g, '')
    .replace(/[.;]+$/, '')
    .trim();
  const opens = (out.match(/\(/g) ?? []).length;
  const closes = (out.match(/\)/g) ?? []).length;
  if (opens !== closes) out = out.replace(/[()]/g, '').replace(/\s*:\s*\d+(?:\.\d+)?\s*$/, '');
  out = out.replace(
    /\(\s*([^():]+?)\s*:\s*(\d+(?:\.\d+)?)\s*\)/g,
    (_m, term: string, weight: string) => `(${term}:${formatWeight(Number(weight))})`,
  );
  // A bare weight without brackets ("red fox:1.3") is not A1111 syntax: bracket it.
  out = out.replace(
    /^([^():]+?)\s*:\s*(\d+(?:\.\d+)?)$/,
    (_m, term: string, weight: string) => `(${term}:${formatWeight(Number(weight))})`,
  );
  return out.trim();
}

/** The term of a tag without weights or brackets, to find duplicates. */
function tagKey(tag: string): string {
  return tag
    .replace(/:\s*\d+(?:\.\d+)?/g, '')
    .replace(/[()[\]{}]/g, '')
    .trim()
    .toLowerCase();
}

/** Tidies a tag list: one tag each, fixed weights, no empties, no duplicates (first kept). */
export function toTags(text: string): string[] {
  const tags: string[] = [];
  const seen = new Set<string>();
  const lines = text.split('\n').filter((line) => !SETTINGS_LINE.test(line.trim()));
  for (const raw of splitTopLevel(lines.join('\n'))) {
    const tag = fixTag(raw.replace(POSITIVE_LABEL, ''));
    const key = tagKey(tag);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  return tags;
}

/** Adds the tags that are missing (compared without weights), keeping the order. */
export function withTags(tags: string[], required: string[]): string[] {
  const keys = new Set(tags.map(tagKey));
  return [...tags, ...required.filter((tag) => tag && !keys.has(tagKey(tag)))];
}

/** Joins tags, keeping as many whole tags as fit in `max` characters. */
export function joinTags(tags: string[], max: number): string {
  let out = '';
  for (const tag of tags) {
    const next = out ? `${out}, ${tag}` : tag;
    if (next.length > max) return out || limitAtWordBoundary(tag, max);
    out = next;
  }
  return out;
}
