// Turns raw captured text into what is sent to the model: cleaned, length-limited, with only the
// page context the person allows. Pure. What this returns is exactly what the model receives
// (utils/chat-request.ts) and what the popup shows (components/ContextSummary.tsx).
import type { CapturedSource } from './job';
import type { ContextSettings } from './settings';
import { cleanText, shortenText, tailText } from './text';

/** Characters of surrounding text sent on each side of the selection, at most. */
export const SURROUNDING_CHARS = 300;
const HEADING_CHARS = 200;

/** Where the capture script cannot run, the menu's own copy of the selection is used, and the popup says so. */
export const CONTEXT_UNAVAILABLE_NOTE =
  'Page context unavailable: browsers do not let extensions read this page, so only the selected text was sent (no title, address or surrounding text).';
const TITLE_CHARS = 300;

export interface RawCapture {
  text: string;
  title?: string;
  url?: string;
  query?: string;
  heading?: string;
  before?: string;
  after?: string;
  focused?: boolean;
}

const str = (value: unknown, max: number) => (typeof value === 'string' ? value.slice(0, max) : undefined);

/** Checks what came back from the page: the page could have tampered with anything. */
export function parseRawCapture(value: unknown): RawCapture | null {
  if (typeof value !== 'object' || value === null) return null;
  const { text, title, url, query, heading, before, after, focused } = value as Record<string, unknown>;
  if (typeof text !== 'string') return null;
  const address = str(url, 2000);
  return {
    text,
    title: str(title, 1000),
    url: address && /^https?:\/\//.test(address) ? address : undefined,
    query: str(query, 2000),
    heading: str(heading, 1000),
    before: str(before, 2000),
    after: str(after, 2000),
    focused: focused === true,
  };
}

export interface FrameResult {
  frameId?: number;
  result?: unknown;
}

/**
 * The popup button and the shortcut read every frame of the tab; each frame has its own
 * selection. The person means the one with text in the focused frame, else the top page's,
 * else any frame's. With no text anywhere, the top page's (empty) capture.
 */
export function pickFrameCapture(results: readonly FrameResult[]): RawCapture | null {
  const frames = results.flatMap(({ frameId, result }) => {
    const raw = parseRawCapture(result);
    return raw ? [{ top: frameId === 0, raw }] : [];
  });
  const withText = frames.filter((f) => f.raw.text.trim() !== '');
  const best = withText.find((f) => f.raw.focused) ?? withText.find((f) => f.top) ?? withText[0] ?? frames.find((f) => f.top) ?? frames[0];
  return best?.raw ?? null;
}

export interface SourceOptions {
  maxSelectionChars: number;
  context: ContextSettings;
}

/** The surrounding text as the model and the popup both see it, or '' when none was sent. */
export function surroundingLine(source: Pick<CapturedSource, 'before' | 'after'>): string {
  if (!source.before && !source.after) return '';
  return `…${source.before ?? ''} [selection] ${source.after ?? ''}…`;
}

/** One line of page text: cleaned, whitespace flattened. */
const line = (text: string | undefined) => (text ? cleanText(text).replace(/\s+/g, ' ') : '');

export function buildSource(raw: RawCapture, options: SourceOptions, contextNote?: string): CapturedSource {
  const cleaned = cleanText(raw.text);
  const { text, shortened } = shortenText(cleaned, options.maxSelectionChars);
  const { context } = options;
  const title = context.title ? shortenText(line(raw.title), TITLE_CHARS).text : '';
  const url = context.url && raw.url ? raw.url + (context.urlQuery ? (raw.query ?? '') : '') : '';
  let heading = context.heading ? shortenText(line(raw.heading), HEADING_CHARS).text : '';
  // A heading that only repeats the title adds nothing.
  if (heading && heading.toLowerCase() === title.toLowerCase()) heading = '';
  const before = context.surrounding ? tailText(line(raw.before), SURROUNDING_CHARS) : '';
  const after = context.surrounding ? shortenText(line(raw.after), SURROUNDING_CHARS).text : '';
  return {
    text,
    originalLength: cleaned.length,
    shortened,
    ...(title ? { title } : {}),
    ...(url ? { url } : {}),
    ...(heading ? { heading } : {}),
    ...(before ? { before } : {}),
    ...(after ? { after } : {}),
    ...(contextNote ? { contextNote } : {}),
  };
}
