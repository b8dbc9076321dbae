// Puts a prompt into a web generator's prompt box, in the page. Pure: takes the page's Window, so it
// runs in the injected fill script (entrypoints/fill.ts) and in happy-dom tests alike. It finds the
// box (the row's selectors in order, then a guarded fallback), sets its text the way the site's
// framework notices, and focuses it. It never clicks, never submits, and reads nothing of the page
// but what it needs to find the box (tag, placeholder, label, size).

export interface FillRequest {
  prompt: string;
  negativePrompt?: string;
  promptSelectors: string[];
  negativeSelectors: string[];
  /** How long to wait for a box that appears late (a client-side route, a slow app). */
  waitMs: number;
}

export interface FillResult {
  /** The prompt is in the site's box. */
  filled: boolean;
  /** The negative prompt is in the site's negative box (false when there is none or no negative). */
  negativeFilled: boolean;
}

export const FILL_WAIT_MS = 6000;
/** The name under which the fill script leaves its function for the background's second injection. */
export const FILL_GLOBAL = '__promptbrushFill';

/** The page's window, with its own constructors (MutationObserver, InputEvent…). */
export type PageWindow = Window & typeof globalThis;
type Root = Document | ShadowRoot;
type Box = HTMLTextAreaElement | HTMLInputElement | HTMLElement;

const PROMPT_HINT = /prompt|imagine|describe/i;
const NEGATIVE_HINT = /negative|exclude|avoid/i;
const TEXT_INPUT_TYPES = new Set(['text', 'search', '']);
const CANDIDATES = 'textarea, input, [contenteditable]';

/** The document and every open shadow root under it. */
export function allRoots(doc: Document): Root[] {
  const roots: Root[] = [doc];
  for (let i = 0; i < roots.length; i++) {
    for (const element of (roots[i] as Root).querySelectorAll('*')) if (element.shadowRoot) roots.push(element.shadowRoot);
  }
  return roots;
}

function queryAll(roots: Root[], selector: string): Element[] {
  const out: Element[] = [];
  for (const root of roots) {
    try {
      out.push(...root.querySelectorAll(selector));
    } catch {
      return []; // Not a valid selector: a person's typo must not stop the fallback.
    }
  }
  return out;
}

function isContentEditable(element: Element): boolean {
  const value = element.getAttribute('contenteditable');
  return value === '' || value === 'true' || value === 'plaintext-only';
}

function isTextBox(element: Element): element is Box {
  if (element.tagName === 'TEXTAREA') return true;
  if (element.tagName === 'INPUT') return TEXT_INPUT_TYPES.has((element as HTMLInputElement).type);
  return isContentEditable(element);
}

/** The box itself, or the first box inside a matched wrapper (a web component's shadow root included). */
function boxIn(element: Element): Box | null {
  if (isTextBox(element)) return element;
  for (const root of [element, element.shadowRoot].filter((r): r is Element | ShadowRoot => r !== null)) {
    for (const inner of root.querySelectorAll(CANDIDATES)) if (isTextBox(inner)) return inner;
  }
  return null;
}

function area(element: Element): number {
  const rect = element.getBoundingClientRect();
  return rect.width * rect.height;
}

function usable(box: Box, win: PageWindow, hasLayout: boolean): boolean {
  if ((box as HTMLTextAreaElement).disabled || (box as HTMLTextAreaElement).readOnly) return false;
  if (box.closest('[hidden], [aria-hidden="true"]')) return false;
  const style = win.getComputedStyle(box);
  if (style.display === 'none' || style.visibility === 'hidden') return false;
  // happy-dom lays nothing out: there, the checks above are all there is.
  return !hasLayout || area(box) > 0;
}

/** What the box says it is for: placeholder, aria label, label elements, title. */
function labelOf(box: Box, root: Root): string {
  const parts = [
    box.getAttribute('placeholder'),
    box.getAttribute('aria-placeholder'),
    box.getAttribute('data-placeholder'),
    box.getAttribute('aria-label'),
    box.getAttribute('title'),
  ];
  for (const id of (box.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean)) {
    parts.push((root as Document).getElementById?.(id)?.textContent ?? null);
  }
  for (const label of (box as HTMLInputElement).labels ?? []) parts.push(label.textContent);
  const host = (box.getRootNode() as ShadowRoot).host;
  if (host) parts.push(host.getAttribute('placeholder'), host.getAttribute('aria-label'), host.getAttribute('label'));
  return parts.filter(Boolean).join(' ');
}

/**
 * The prompt box (or, with `negative`, the negative-prompt box): the first usable box a selector
 * matches, in the order given; else the largest visible box whose label mentions prompt, imagine
 * or describe (and, for the negative box, "negative"); else null.
 */
export function findBox(win: PageWindow, selectors: readonly string[], negative = false): Box | null {
  const doc = win.document;
  const roots = allRoots(doc);
  const hasLayout = area(doc.documentElement) > 0;
  for (const selector of selectors) {
    for (const element of queryAll(roots, selector)) {
      const box = boxIn(element);
      if (box && usable(box, win, hasLayout)) return box;
    }
  }
  let best: Box | null = null;
  for (const root of roots) {
    for (const element of root.querySelectorAll(CANDIDATES)) {
      if (!isTextBox(element) || !usable(element, win, hasLayout)) continue;
      const label = labelOf(element, root);
      const fits = negative ? NEGATIVE_HINT.test(label) : PROMPT_HINT.test(label) && !NEGATIVE_HINT.test(label);
      if (fits && (!best || area(element) > area(best))) best = element;
    }
  }
  return best;
}

/** Resolves with the box as soon as it exists (MutationObserver, shadow roots included), or null after `ms`. */
export function waitForBox(win: PageWindow, selectors: readonly string[], ms: number): Promise<Box | null> {
  const first = findBox(win, selectors);
  if (first || ms <= 0) return Promise.resolve(first);
  return new Promise((resolve) => {
    const watched = new Set<Root>();
    const done = (box: Box | null) => {
      observer.disconnect();
      win.clearTimeout(timer);
      resolve(box);
    };
    const watch = () => {
      for (const root of allRoots(win.document)) {
        if (watched.has(root)) continue;
        watched.add(root);
        observer.observe(root, { childList: true, subtree: true, attributes: true });
      }
    };
    const observer = new win.MutationObserver(() => {
      const box = findBox(win, selectors);
      if (box) done(box);
      else watch();
    });
    const timer = win.setTimeout(() => done(findBox(win, selectors)), ms);
    watch();
  });
}

const normalize = (text: string) => text.replace(/\s+/g, '');

export function textOf(box: Box): string {
  return box.tagName === 'TEXTAREA' || box.tagName === 'INPUT' ? (box as HTMLInputElement).value : (box.textContent ?? '');
}

/** The prototype's own `value` setter: a framework's per-element override (React's value tracker) is skipped. */
function nativeValueSetter(box: HTMLInputElement | HTMLTextAreaElement): ((value: string) => void) | undefined {
  for (let proto = Object.getPrototypeOf(box); proto; proto = Object.getPrototypeOf(proto)) {
    const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
    if (setter) return setter;
  }
  return undefined;
}

function inputEvent(win: PageWindow, type: string, text: string, cancelable = false): Event {
  const init = { bubbles: true, cancelable, composed: true, inputType: 'insertText', data: text };
  return typeof win.InputEvent === 'function' ? new win.InputEvent(type, init) : new win.Event(type, init);
}

/**
 * Replaces the box's text with `text` so the site's own handlers see it: for inputs and textareas
 * the native value setter and a bubbling `input` event (React-controlled fields ignore a plain
 * `.value =`); for contenteditable editors (ProseMirror, Lexical) select everything and insert
 * text as typing does, with a `beforeinput`/`input` pair where execCommand is unavailable.
 */
export function setBoxText(win: PageWindow, box: Box, text: string): void {
  box.focus();
  if (box.tagName === 'TEXTAREA' || box.tagName === 'INPUT') {
    const field = box as HTMLInputElement | HTMLTextAreaElement;
    const setter = nativeValueSetter(field);
    if (setter) setter.call(field, text);
    else field.value = text;
    field.dispatchEvent(inputEvent(win, 'input', text));
    field.dispatchEvent(new win.Event('change', { bubbles: true }));
    return;
  }
  const doc = win.document;
  const selection = win.getSelection();
  const range = doc.createRange();
  range.selectNodeContents(box);
  selection?.removeAllRanges();
  selection?.addRange(range);
  let inserted = false;
  try {
    inserted = typeof doc.execCommand === 'function' && doc.execCommand('insertText', false, text);
  } catch {
    inserted = false;
  }
  // An editor may cancel the browser's insertion and apply it itself: then execCommand says false.
  if (inserted || holds(box, text)) return;
  // No execCommand (or it refused): announce the insertion; an editor that handles beforeinput
  // cancels it and applies the text to its own model, otherwise the text is written here.
  if (box.dispatchEvent(inputEvent(win, 'beforeinput', text, true))) {
    box.textContent = text;
    box.dispatchEvent(inputEvent(win, 'input', text));
  }
}

/** The text reached the box (whitespace aside: editors turn line breaks into paragraphs). */
function holds(box: Box, text: string): boolean {
  return normalize(textOf(box)).includes(normalize(text));
}

/** Finds the boxes, fills them and leaves the focus in the prompt box. Never submits. */
export async function fillPage(win: PageWindow, request: FillRequest): Promise<FillResult> {
  const box = await waitForBox(win, request.promptSelectors, request.waitMs);
  if (!box) return { filled: false, negativeFilled: false };
  let negativeFilled = false;
  const negative = request.negativePrompt?.trim();
  if (negative) {
    const negativeBox = findBox(win, request.negativeSelectors, true);
    if (negativeBox && negativeBox !== box) {
      setBoxText(win, negativeBox, negative);
      negativeFilled = holds(negativeBox, negative);
    }
  }
  const prompt = request.prompt.trim();
  setBoxText(win, box, prompt);
  box.focus();
  // An editor may render its model a moment later.
  if (!holds(box, prompt)) await new Promise((resolve) => win.setTimeout(resolve, 100));
  return { filled: holds(box, prompt), negativeFilled };
}
