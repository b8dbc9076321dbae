// Turns raw captured text into what is sent to the model: cleaned, length-limited, described.
// Pure.
import type { CapturedSource } from './job';
import { cleanText, shortenText } from './text';

export interface RawCapture {
  text: string;
  title?: string;
  url?: string;
}

/** Checks what came back from the page: the page could have tampered with anything. */
export function parseRawCapture(value: unknown): RawCapture | null {
  if (typeof value !== 'object' || value === null) return null;
  const { text, title, url } = value as Record<string, unknown>;
  if (typeof text !== 'string') return null;
  return {
    text,
    title: typeof title === 'string' ? title.slice(0, 300) : undefined,
    url: typeof url === 'string' ? url.slice(0, 2000) : undefined,
  };
}

export function buildSource(raw: RawCapture, maxChars: number, contextNote?: string): CapturedSource {
  const cleaned = cleanText(raw.text);
  const { text, shortened } = shortenText(cleaned, maxChars);
  const title = raw.title ? cleanText(raw.title) : '';
  return {
    text,
    originalLength: cleaned.length,
    shortened,
    ...(title ? { title } : {}),
    ...(raw.url ? { url: raw.url } : {}),
    ...(contextNote ? { contextNote } : {}),
  };
}
