// Reads what the person selected, in the page. Pure: takes the page's Window, so it runs in the
// injected capture script and in happy-dom tests alike. Keep it small: it is injected into pages
// (a build test holds the script under 4 KB). It reads everything the background might send;
// the background drops what the person switched off (utils/source.ts) before anything leaves.

export interface PageCapture {
  /** The selection as the browser serialises it (paragraph breaks kept). */
  text: string;
  title: string;
  /** Origin and path only: query strings and fragments often carry personal data. */
  url: string;
  /** The query string and fragment, kept apart: sent only if the person turns that on. */
  query: string;
  /** The nearest heading before the selection. */
  heading: string;
  /** Visible text just before and just after the selection (bounded). */
  before: string;
  after: string;
  /** Whether this frame has focus: the popup and the shortcut read every frame and pick. */
  focused: boolean;
}

/** Characters of surrounding text gathered on each side (the background trims further). */
export const AROUND_CHARS = 600;

type TextField = HTMLInputElement | HTMLTextAreaElement;

// Password, number and other inputs are never read.
const TEXT_INPUT_TYPES = new Set(['text', 'search', 'url', 'email', 'tel', '']);
// Text inside these is not page text a person reads (or is their own typing).
const NOT_TEXT = /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|TEXTAREA|SELECT|OPTION|TITLE)$/;
// Inline elements: text on either side of their edges belongs to the same line of words.
const INLINE = /^(A|ABBR|B|BDI|BDO|CITE|CODE|DATA|DFN|EM|FONT|I|KBD|LABEL|MARK|Q|S|SAMP|SMALL|SPAN|STRONG|SUB|SUP|TIME|U|VAR)$/;
// DOM constants as numbers: the script stays small and needs no globals.
const TEXT_NODE = 3; // Node.TEXT_NODE
const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING

function isTextField(element: Element | null): element is TextField {
  if (!element) return false;
  if (element.tagName === 'TEXTAREA') return true;
  return element.tagName === 'INPUT' && TEXT_INPUT_TYPES.has((element as HTMLInputElement).type);
}

/** The focused element, looking through open shadow roots. */
function deepActiveElement(doc: Document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Selected text of an input or textarea (window.getSelection() does not see inside them). */
function fieldSelection(field: TextField): string {
  const { selectionStart, selectionEnd, value } = field;
  if (selectionStart === null || selectionEnd === null) return '';
  return value.slice(selectionStart, selectionEnd);
}

/** The nearest block-level ancestor: text nodes under the same one join without a space. */
function block(node: Node): Element | null {
  let element = node.parentElement;
  while (element && INLINE.test(element.tagName)) element = element.parentElement;
  return element;
}

function readable(node: Node): boolean {
  const parent = node.parentElement;
  return (
    !!parent && !NOT_TEXT.test(parent.tagName) && !parent.closest('[hidden],[aria-hidden=true]') && parent.checkVisibility?.() !== false
  );
}

/** The next (or previous) node in document order, stopping at the document or shadow root. */
function step(node: Node, forward: boolean): Node | null {
  if (forward) {
    if (node.firstChild) return node.firstChild;
    let at: Node | null = node;
    while (at && !at.nextSibling) at = at.parentNode;
    return at?.nextSibling ?? null;
  }
  let at = node.previousSibling;
  if (!at) return node.parentNode;
  while (at.lastChild) at = at.lastChild;
  return at;
}

/** Visible text on one side of a range boundary, walking text nodes until there is enough. */
export function textBeside(container: Node, offset: number, forward: boolean): string {
  let text = '';
  let node: Node = container;
  if (container.nodeType === TEXT_NODE) {
    const data = (container as Text).data;
    text = forward ? data.slice(offset) : data.slice(0, offset);
  } else {
    const child = container.childNodes[forward ? offset : offset - 1];
    if (child) {
      node = child;
      for (let down = forward ? node.firstChild : node.lastChild; down; down = forward ? down.firstChild : down.lastChild) node = down;
      if (node.nodeType === TEXT_NODE && readable(node)) text = (node as Text).data;
    } else if (forward) {
      while (node.lastChild) node = node.lastChild;
    }
  }
  let last = node;
  // Bounded work, also on huge pages full of hidden or script text.
  for (let steps = 0, next = step(node, forward); next && text.length < AROUND_CHARS && steps < 5000; steps++, next = step(next, forward)) {
    if (next.nodeType !== TEXT_NODE || !readable(next)) continue;
    const gap = block(next) === block(last) ? '' : ' ';
    text = forward ? text + gap + (next as Text).data : (next as Text).data + gap + text;
    last = next;
  }
  return forward ? text.slice(0, AROUND_CHARS) : text.slice(-AROUND_CHARS);
}

/** The text of the last heading that starts before `node`, looking out of shadow roots too. */
export function nearestHeading(node: Node): string {
  for (let at: Node | undefined = node; at; ) {
    const root = at.getRootNode() as Document | ShadowRoot;
    let found: Element | undefined;
    for (const heading of root.querySelectorAll('h1,h2,h3,h4,h5,h6,[role=heading]')) {
      if (!heading.contains(at) && !(heading.compareDocumentPosition(at) & FOLLOWING)) break;
      found = heading;
    }
    if (found) return (found.textContent ?? '').slice(0, 500);
    at = (root as ShadowRoot).host;
  }
  return '';
}

export function pageUrl(location: Pick<Location, 'origin' | 'pathname' | 'protocol'>): string {
  if (location.protocol !== 'http:' && location.protocol !== 'https:') return '';
  return `${location.origin}${location.pathname}`;
}

export function capturePage(win: Window): PageCapture {
  const doc = win.document;
  const base = {
    title: doc.title,
    url: pageUrl(win.location),
    query: pageUrl(win.location) ? win.location.search + win.location.hash : '',
    focused: doc.hasFocus(),
  };
  const active = deepActiveElement(doc);
  if (isTextField(active)) {
    const text = fieldSelection(active);
    if (text.trim()) {
      const { value, selectionStart, selectionEnd } = active;
      return {
        ...base,
        text,
        heading: nearestHeading(active),
        before: value.slice(Math.max(0, (selectionStart ?? 0) - AROUND_CHARS), selectionStart ?? 0),
        after: value.slice(selectionEnd ?? 0, (selectionEnd ?? 0) + AROUND_CHARS),
      };
    }
  }
  // Chromium and Firefox serialise the selection the way it is laid out (paragraph breaks,
  // hidden text left out), also inside open shadow roots and contenteditable editors.
  const selection = win.getSelection();
  const text = selection?.toString() ?? '';
  if (!selection?.rangeCount || !text) return { ...base, text, heading: '', before: '', after: '' };
  const first = selection.getRangeAt(0);
  const last = selection.getRangeAt(selection.rangeCount - 1);
  return {
    ...base,
    text,
    // A range may start between an element's children: the node just after that point.
    heading: nearestHeading(first.startContainer.childNodes[first.startOffset] ?? first.startContainer),
    before: textBeside(first.startContainer, first.startOffset, false),
    after: textBeside(last.endContainer, last.endOffset, true),
  };
}
