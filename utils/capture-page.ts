// Reads what the person selected, in the page. Pure: takes the page's Window, so it runs in the
// injected capture script and in happy-dom tests alike. Keep it small: it is injected into pages.

export interface PageCapture {
  text: string;
  title: string;
  /** Origin and path only: query strings and fragments often carry personal data. */
  url: string;
}

type TextField = HTMLInputElement | HTMLTextAreaElement;

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'url', 'email', 'tel', '']);

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

export function selectedText(win: Window): string {
  const active = deepActiveElement(win.document);
  if (isTextField(active)) {
    const inField = fieldSelection(active);
    if (inField.trim()) return inField;
  }
  return win.getSelection()?.toString() ?? '';
}

export function pageUrl(location: Pick<Location, 'origin' | 'pathname' | 'protocol'>): string {
  if (location.protocol !== 'http:' && location.protocol !== 'https:') return '';
  return `${location.origin}${location.pathname}`;
}

export function capturePage(win: Window): PageCapture {
  return {
    text: selectedText(win),
    title: win.document.title,
    url: pageUrl(win.location),
  };
}
