// External image generators as data, and what "Open in X" does with a prompt. Pure.
// A URL template holds `{prompt}` (and optionally `{negative}`) where the site reads the prompt
// from its address; a template without `{prompt}` only opens the site, with the prompt on the
// clipboard. Prefill parameters are unofficial: the prompt is always copied first.
// A row in "fill" mode opens the site and types the prompt into its prompt box instead (utils/fill-page.ts
// finds the box: the row's selectors in order, then a guarded fallback). Rows are data: a person
// edits, disables, adds ("Custom site") or removes them in Settings.

/** `open`: open the address (prefilled where the template has `{prompt}`); `fill`: type the prompt into the site's box. */
export type HandoffMode = 'open' | 'fill';
/** What the person sees in the README's table: how the prompt reaches the site. */
export type HandoffKind = 'fill' | 'link' | 'paste';

export interface ExternalGenerator {
  id: string;
  name: string;
  urlTemplate: string;
  mode: HandoffMode;
  /** CSS selectors for the prompt box, tried in order before the fallback (fill mode). */
  promptSelectors: string[];
  /** CSS selectors for the negative-prompt box, where the site has one (fill mode). */
  negativeSelectors: string[];
  /** A disabled row stays in Settings but is not offered in "Open in…". */
  enabled: boolean;
}

type Row = Pick<ExternalGenerator, 'id' | 'name' | 'urlTemplate'> & Partial<ExternalGenerator>;
export const row = (r: Row): ExternalGenerator => ({ mode: 'open', promptSelectors: [], negativeSelectors: [], enabled: true, ...r });

// Selectors below are plausible guesses at each site's current markup, checked only against the
// fixture pages in tests/fixtures/pages/fill/; the fallback (a visible box labelled prompt,
// imagine or describe) covers a site that changed its markup.
export const DEFAULT_GENERATORS: readonly ExternalGenerator[] = [
  row({ id: 'chatgpt', name: 'ChatGPT', urlTemplate: 'https://chatgpt.com/?q={prompt}' }),
  row({ id: 'bing', name: 'Bing Image Creator', urlTemplate: 'https://www.bing.com/images/create?q={prompt}' }),
  // Midjourney's web app has no documented prefill: its Imagine bar is filled.
  row({
    id: 'midjourney',
    name: 'Midjourney',
    urlTemplate: 'https://www.midjourney.com/imagine',
    mode: 'fill',
    promptSelectors: ['textarea#desktop_input_bar', 'textarea[placeholder*="imagine" i]'],
  }),
  row({
    id: 'ideogram',
    name: 'Ideogram',
    urlTemplate: 'https://ideogram.ai/',
    mode: 'fill',
    promptSelectors: ['textarea[placeholder*="describe" i]', 'textarea[aria-label*="prompt" i]'],
    negativeSelectors: ['textarea[placeholder*="negative" i]'],
  }),
  row({
    id: 'leonardo',
    name: 'Leonardo',
    urlTemplate: 'https://app.leonardo.ai/image-generation',
    mode: 'fill',
    promptSelectors: ['textarea#prompt-textarea', 'textarea[placeholder*="prompt" i]:not([placeholder*="negative" i])'],
    negativeSelectors: ['textarea#negative-prompt-textarea', 'textarea[placeholder*="negative" i]'],
  }),
  row({
    id: 'runway',
    name: 'Runway',
    urlTemplate: 'https://app.runwayml.com/',
    mode: 'fill',
    promptSelectors: [
      '[data-testid="prompt-input"]',
      '[contenteditable="true"][aria-label*="prompt" i]',
      'textarea[placeholder*="prompt" i]',
    ],
  }),
  row({
    id: 'krea',
    name: 'Krea',
    urlTemplate: 'https://www.krea.ai/image',
    mode: 'fill',
    promptSelectors: ['.ProseMirror[contenteditable="true"]', '[contenteditable="true"][data-placeholder*="prompt" i]', 'textarea'],
  }),
  row({
    id: 'firefly',
    name: 'Adobe Firefly',
    urlTemplate: 'https://firefly.adobe.com/generate/images',
    mode: 'fill',
    // Spectrum web components: the textarea sits in the sp-textfield's shadow root.
    promptSelectors: ['sp-textfield[placeholder*="describe" i]', 'textarea[aria-label*="prompt" i]', 'sp-textfield[multiline]'],
    negativeSelectors: ['sp-textfield[placeholder*="exclude" i]'],
  }),
  // AUTOMATIC1111 / Forge listen on 7860 and ComfyUI on 8188 by default: set your own address.
  row({ id: 'local-sd', name: 'Local Stable Diffusion / ComfyUI', urlTemplate: 'http://127.0.0.1:7860/' }),
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
const MAX_SELECTORS = 8;
const MAX_SELECTOR_CHARS = 300;

/** Rows that gained "fill" after the list was first stored (a list stored before rows had a `mode`). */
const ADDED_WITH_FILL = new Set(['runway', 'krea', 'firefly']);

export function selectors(input: unknown): string[] {
  if (!Array.isArray(input)) return [];
  return input
    .filter((s): s is string => typeof s === 'string')
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && s.length <= MAX_SELECTOR_CHARS)
    .slice(0, MAX_SELECTORS);
}

/**
 * A row stored before rows had a `mode`: the defaults that are now filled (same id, same
 * address) become fill rows; every other row keeps opening its address as before.
 */
function migrateRow(id: string, template: string): Partial<ExternalGenerator> {
  const now = DEFAULT_GENERATORS.find((g) => g.id === id && g.urlTemplate === template && g.mode === 'fill');
  return now ? { mode: 'fill', promptSelectors: [...now.promptSelectors], negativeSelectors: [...now.negativeSelectors] } : {};
}

/**
 * Turns whatever is stored into a usable list (the defaults when nothing was stored; bad rows are
 * dropped). Lists stored before filling existed are migrated: see migrateRow, and the new fill
 * rows are added at the end (the person never saw them, so never removed them).
 */
export function validateGenerators(input: unknown): ExternalGenerator[] {
  if (!Array.isArray(input)) return DEFAULT_GENERATORS.map(copyGenerator);
  const seen = new Set<string>();
  const out: ExternalGenerator[] = [];
  const items = input.slice(0, MAX_GENERATORS).filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null);
  const legacy = items.length > 0 && items.every((item) => item.mode === undefined);
  for (const item of items) {
    const { id, name, urlTemplate, mode } = item;
    if (typeof id !== 'string' || !ID.test(id) || seen.has(id)) continue;
    if (typeof name !== 'string' || !name.trim() || typeof urlTemplate !== 'string') continue;
    const template = urlTemplate.trim().slice(0, 1000);
    if (!isValidTemplate(template)) continue;
    seen.add(id);
    out.push(
      row({
        id,
        name: name.trim().slice(0, 60),
        urlTemplate: template,
        mode: mode === 'fill' ? 'fill' : 'open',
        promptSelectors: selectors(item.promptSelectors),
        negativeSelectors: selectors(item.negativeSelectors),
        enabled: item.enabled !== false,
        ...(mode === undefined ? migrateRow(id, template) : {}),
      }),
    );
  }
  if (legacy) {
    for (const g of DEFAULT_GENERATORS) {
      if (out.length >= MAX_GENERATORS) break;
      if (ADDED_WITH_FILL.has(g.id) && !seen.has(g.id)) out.push(copyGenerator(g));
    }
  }
  return out;
}

export function copyGenerator(g: ExternalGenerator): ExternalGenerator {
  return { ...g, promptSelectors: [...g.promptSelectors], negativeSelectors: [...g.negativeSelectors] };
}

/** How the prompt reaches the site: typed into its box, carried in the link, or pasted by the person. */
export function handoffKind(g: ExternalGenerator): HandoffKind {
  if (g.mode === 'fill') return 'fill';
  return g.urlTemplate.includes(PROMPT) ? 'link' : 'paste';
}

/** The page a fill row opens: its address without any prompt placeholder. */
export function fillUrl(g: ExternalGenerator): string {
  return g.urlTemplate.includes(PROMPT) || g.urlTemplate.includes(NEGATIVE) ? bareUrl(g.urlTemplate) : g.urlTemplate;
}

/** The optional host permission a fill row needs: `scheme://host/*` (any port), or null. */
export function sitePattern(url: string): string | null {
  try {
    const { protocol, hostname } = new URL(url.replaceAll(PROMPT, 'x').replaceAll(NEGATIVE, 'x'));
    return protocol === 'https:' || protocol === 'http:' ? `${protocol}//${hostname}/*` : null;
  } catch {
    return null;
  }
}

/** The paste shortcut as the person's keyboard says it (navigator.platform or userAgentData.platform). */
export function pasteKeys(platform: string): string {
  return /mac|iphone|ipad/i.test(platform) ? '⌘+V' : 'Ctrl+V';
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

/** Whether a tab already shows the generator's page: same origin, and a path under the page's path. */
export function showsSite(tabUrl: string | undefined, siteUrl: string): boolean {
  if (!tabUrl) return false;
  try {
    const tab = new URL(tabUrl);
    const site = new URL(siteUrl);
    const base = site.pathname.replace(/\/+$/, '');
    return tab.origin === site.origin && (tab.pathname === site.pathname || tab.pathname.startsWith(`${base}/`) || base === '');
  } catch {
    return false;
  }
}
