// External image generators as data, and what "Open in X" does with a prompt. Pure.
// A URL template holds `{prompt}` (and optionally `{negative}`) where the site reads the prompt
// from its address; a template without `{prompt}` only opens the site, with the prompt on the
// clipboard. Prefill parameters are unofficial: the prompt is always copied first.

export interface ExternalGenerator {
  id: string;
  name: string;
  urlTemplate: string;
}

export const DEFAULT_GENERATORS: readonly ExternalGenerator[] = [
  { id: 'chatgpt', name: 'ChatGPT', urlTemplate: 'https://chatgpt.com/?q={prompt}' },
  { id: 'bing', name: 'Bing Image Creator', urlTemplate: 'https://www.bing.com/images/create?q={prompt}' },
  // Midjourney's web app has no documented prefill: paste into its Imagine bar.
  { id: 'midjourney', name: 'Midjourney', urlTemplate: 'https://www.midjourney.com/imagine' },
  { id: 'ideogram', name: 'Ideogram', urlTemplate: 'https://ideogram.ai/' },
  { id: 'leonardo', name: 'Leonardo', urlTemplate: 'https://app.leonardo.ai/image-generation' },
  // AUTOMATIC1111 / Forge listen on 7860 and ComfyUI on 8188 by default: set your own address.
  { id: 'local-sd', name: 'Local Stable Diffusion / ComfyUI', urlTemplate: 'http://127.0.0.1:7860/' },
];

/** Longer links are refused or cut by some servers and browsers; past this the prompt goes by clipboard only. */
export const MAX_PREFILL_URL = 2000;
export const MAX_GENERATORS = 20;
const PROMPT = '{prompt}';
const NEGATIVE = '{negative}';

export interface HandoffInput {
  prompt: string;
  negativePrompt?: string;
}

export interface HandoffPlan {
  /** What goes on the clipboard before the site opens. */
  clipboardText: string;
  /** The address to open. */
  url: string;
  /** True when the prompt is in the address too. */
  prefilled: boolean;
  /** Why the prompt is not in the address, when the site could take it. */
  note?: string;
}

/** The text copied for any generator: the prompt, and the negative prompt under it when there is one. */
export function clipboardTextFor({ prompt, negativePrompt }: HandoffInput): string {
  const negative = negativePrompt?.trim();
  return negative ? `${prompt.trim()}\n\nNegative prompt: ${negative}` : prompt.trim();
}

/** A template must be an http(s) address once filled in. */
export function isValidTemplate(template: string): boolean {
  try {
    const url = new URL(template.replaceAll(PROMPT, 'x').replaceAll(NEGATIVE, 'x'));
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** The site's address without the prompt: query parameters holding a placeholder are dropped. */
export function bareUrl(template: string): string {
  const marker = 'promptbrush-placeholder';
  const url = new URL(template.replaceAll(PROMPT, marker).replaceAll(NEGATIVE, marker));
  if (url.pathname.includes(marker)) return `${url.origin}/`;
  for (const [key, value] of [...url.searchParams]) if (value.includes(marker)) url.searchParams.delete(key);
  url.hash = url.hash.includes(marker) ? '' : url.hash;
  return url.toString();
}

export function handoffPlan(generator: ExternalGenerator, input: HandoffInput, maxUrl = MAX_PREFILL_URL): HandoffPlan {
  const clipboardText = clipboardTextFor(input);
  const template = generator.urlTemplate;
  if (!template.includes(PROMPT)) return { clipboardText, url: template, prefilled: false };
  const url = template
    .replaceAll(PROMPT, encodeURIComponent(input.prompt.trim()))
    .replaceAll(NEGATIVE, encodeURIComponent(input.negativePrompt?.trim() ?? ''));
  if (url.length <= maxUrl) return { clipboardText, url, prefilled: true };
  return {
    clipboardText,
    url: bareUrl(template),
    prefilled: false,
    note: `The prompt is too long for a link (${url.length.toLocaleString('en')} characters): paste it from the clipboard.`,
  };
}

const ID = /^[a-z0-9-]{1,40}$/;

/** Turns whatever is stored into a usable list (the defaults when nothing was stored; bad rows are dropped). */
export function validateGenerators(input: unknown): ExternalGenerator[] {
  if (!Array.isArray(input)) return DEFAULT_GENERATORS.map((g) => ({ ...g }));
  const seen = new Set<string>();
  const out: ExternalGenerator[] = [];
  for (const item of input.slice(0, MAX_GENERATORS)) {
    if (typeof item !== 'object' || item === null) continue;
    const { id, name, urlTemplate } = item as Record<string, unknown>;
    if (typeof id !== 'string' || !ID.test(id) || seen.has(id)) continue;
    if (typeof name !== 'string' || !name.trim() || typeof urlTemplate !== 'string') continue;
    const template = urlTemplate.trim().slice(0, 1000);
    if (!isValidTemplate(template)) continue;
    seen.add(id);
    out.push({ id, name: name.trim().slice(0, 60), urlTemplate: template });
  }
  return out;
}

/** A new id for a generator the person adds, unique in the list. */
export function newGeneratorId(name: string, existing: readonly ExternalGenerator[]): string {
  const base =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 30) || 'generator';
  let id = base;
  for (let i = 2; existing.some((g) => g.id === id); i++) id = `${base}-${i}`;
  return id;
}
