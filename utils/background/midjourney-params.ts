// Midjourney parameters: finds them anywhere in a model's answer, repairs what a model typically
// gets wrong (an em dash for "--", `16x9` for `16:9`, duplicates, values out of range, unknown
// or retired parameters) and writes them back, valid and in one order, after the description.
// Pure.

/** The parameters Promptbrush writes, in output order. Anything else a model adds is dropped. */
export const MIDJOURNEY_PARAMS = {
  ar: { aliases: ['ar', 'aspect'], kind: 'ratio' },
  s: { aliases: ['s', 'stylize'], kind: 'int', min: 0, max: 1000 },
  c: { aliases: ['c', 'chaos'], kind: 'int', min: 0, max: 100 },
  raw: { aliases: ['raw', 'style'], kind: 'flag' },
  v: { aliases: ['v', 'version'], kind: 'version', min: 1, max: 8 },
  no: { aliases: ['no'], kind: 'list' },
} as const;

type ParamName = keyof typeof MIDJOURNEY_PARAMS;
const PARAM_ORDER = Object.keys(MIDJOURNEY_PARAMS) as ParamName[];

const ALIAS_TO_NAME = new Map<string, ParamName>(
  PARAM_ORDER.flatMap((name) => MIDJOURNEY_PARAMS[name].aliases.map((alias) => [alias, name] as [string, ParamName])),
);

/** Names a model may write (known or not), so that "—q 2" is recognised as a parameter to drop. */
const ANY_PARAM_NAME =
  'ar|aspect|s|stylize|c|chaos|raw|style|v|version|no|q|quality|seed|sameseed|niji|tile|w|weird|iw|sref|sw|sv|cref|cw|oref|ow|p|profile|personalize|stop|repeat|r|exp|hd|test|testp|uplight|upbeta|video|draft|fast|relax|turbo';

export interface MidjourneyParams {
  ar?: string;
  s?: number;
  c?: number;
  raw?: boolean;
  v?: string;
  no: string[];
}

/** Dashes a model (or an autocorrecting keyboard) writes instead of "--". */
export function normalizeDashes(text: string): string {
  const fix = (_m: string, before: string, name: string) => `${before}--${name.toLowerCase()}`;
  return (
    text
      // "—ar 16:9", "–v 7", "−−no text", "—-s 250": dashes stuck to a parameter name.
      .replace(new RegExp(`(^|[\\s,;(])(?:[—–―−]|[—–―−-]{2,})(${ANY_PARAM_NAME})(?=$|[\\s\\d:])`, 'gi'), fix)
      // "-ar 16:9": one hyphen before a common parameter and its value.
      .replace(/(^|[\s,;(])-(ar|no|v|s|c|raw)(?=\s)/gi, fix)
      // "— ar 16:9": a spaced dash, only before a parameter with a number (prose uses spaced dashes).
      .replace(/(^|\s)[—–―−]\s(ar|aspect|v|version|s|stylize|c|chaos)(?=\s*\d)/gi, fix)
  );
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** "16x9", "16 : 9", "16/9", "1.91:1" → "16:9", "191:100"; anything else → undefined. */
export function parseRatio(value: string): string | undefined {
  const match = /^(\d{1,4}(?:\.\d{1,3})?)\s*[:x×X/]\s*(\d{1,4}(?:\.\d{1,3})?)/.exec(value.trim());
  if (!match) return undefined;
  const decimals = Math.max((match[1]?.split('.')[1] ?? '').length, (match[2]?.split('.')[1] ?? '').length);
  const scale = 10 ** decimals;
  const w = Math.round(Number(match[1]) * scale);
  const h = Math.round(Number(match[2]) * scale);
  if (w <= 0 || h <= 0) return undefined;
  const d = gcd(w, h);
  return `${w / d}:${h / d}`;
}

function listItems(value: string): string[] {
  return value
    .split(/,|\band\b/)
    .map((item) => item.replace(/^[\s"'“”]+|[\s"'“”.;:]+$/g, '').trim())
    .filter(Boolean);
}

function addUnique(list: string[], items: string[]): void {
  for (const item of items) if (!list.some((existing) => existing.toLowerCase() === item.toLowerCase())) list.push(item);
}

/** Reads one parameter's value from the text that follows it; returns the unused rest. */
function readParam(params: MidjourneyParams, name: ParamName, alias: string, rest: string): string {
  const spec = MIDJOURNEY_PARAMS[name];
  if (spec.kind === 'list') {
    addUnique(params.no, listItems(rest));
    return '';
  }
  if (spec.kind === 'flag') {
    // `--style raw` is `--raw`; other `--style` values belong to retired versions.
    if (alias === 'style') {
      const style = /^\s*(\S+)/.exec(rest);
      if (style?.[1]?.toLowerCase() === 'raw') params.raw = true;
      return rest.slice(style?.[0].length ?? 0);
    }
    params.raw = true;
    return rest;
  }
  if (spec.kind === 'ratio') {
    const ratio = /^\s*(\d[\d.\s:x×X/]*\d)/.exec(rest);
    const parsed = ratio ? parseRatio(ratio[1] as string) : undefined;
    if (parsed && params.ar === undefined) params.ar = parsed;
    return ratio ? rest.slice(ratio[0].length) : rest;
  }
  const number = /^\s*(-?\d+(?:\.\d+)?)/.exec(rest);
  if (!number) return rest;
  const after = rest.slice(number[0].length);
  const value = Number(number[1]);
  if (spec.kind === 'version') {
    if (params.v === undefined && value >= spec.min && value <= spec.max) params.v = String(value);
    return after;
  }
  const clamped = Math.min(spec.max, Math.max(spec.min, Math.round(value)));
  if (params[name as 's' | 'c'] === undefined) params[name as 's' | 'c'] = clamped;
  return after;
}

/**
 * Splits a one-line Midjourney prompt into its description and its parameters. Text found
 * between parameters goes back to the description; text after the last one (a model's remark)
 * is dropped.
 */
export function extractParams(line: string): { description: string; params: MidjourneyParams } {
  const text = normalizeDashes(line);
  const params: MidjourneyParams = { no: [] };
  const marker = /(?:^|[\s,;(])--([a-z]+)/gi;
  const matches = [...text.matchAll(marker)];
  if (matches.length === 0) return { description: text.trim(), params };
  const pieces = [text.slice(0, matches[0]?.index ?? 0)];
  for (const [i, match] of matches.entries()) {
    const alias = (match[1] as string).toLowerCase();
    const start = (match.index ?? 0) + match[0].length;
    const end = matches[i + 1]?.index ?? text.length;
    const name = ALIAS_TO_NAME.get(alias);
    const rest = name ? readParam(params, name, alias, text.slice(start, end)) : '';
    if (i < matches.length - 1 && /\p{L}/u.test(rest)) pieces.push(rest);
  }
  return { description: pieces.join(' ').replace(/\s+/g, ' ').trim(), params };
}

/** The parameters as Midjourney reads them, in a fixed order: `--ar 16:9 --s 250 --v 7 --no text`. */
export function formatParams(params: MidjourneyParams): string {
  const out: string[] = [];
  for (const name of PARAM_ORDER) {
    if (name === 'no') {
      if (params.no.length > 0) out.push(`--no ${params.no.join(', ')}`);
    } else if (name === 'raw') {
      if (params.raw) out.push('--raw');
    } else if (params[name] !== undefined) {
      out.push(`--${name} ${params[name]}`);
    }
  }
  return out.join(' ');
}
