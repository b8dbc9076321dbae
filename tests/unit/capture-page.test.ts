// @vitest-environment happy-dom
// The capture script's logic on DOM fixtures. happy-dom has no layout, so Selection.toString()
// joins paragraphs without the breaks a real browser adds: those are checked end to end
// (tests/e2e/capture.e2e.ts); here, what the script itself decides.
import { afterEach, describe, expect, it } from 'vitest';
import { AROUND_CHARS, capturePage, nearestHeading, pageUrl } from '../../utils/capture-page';

function page(html: string): void {
  document.title = 'Fixture page';
  document.body.innerHTML = html;
}

function select(from: Node, to: Node = from): void {
  const range = document.createRange();
  range.setStartBefore(from);
  range.setEndAfter(to);
  const selection = getSelection() as Selection;
  selection.removeAllRanges();
  selection.addRange(range);
}

const byId = (id: string, root: Document | ShadowRoot = document) => root.getElementById(id) as HTMLElement;

afterEach(() => {
  getSelection()?.removeAllRanges();
  (document.activeElement as HTMLElement | null)?.blur?.();
  document.body.innerHTML = '';
});

const STORY = `
  <h1>Fixture page</h1>
  <h2>Chapter two</h2>
  <p id="lead">Night fell over the <em>har</em>bour.</p>
  <script>var notText = "SECRET-SCRIPT";</script>
  <p id="first">The storm came at dusk.</p>
  <p id="second">Maren climbed the stairs.</p>
  <p style="display:none">SECRET-HIDDEN</p>
  <p aria-hidden="true">SECRET-ARIA</p>
  <ul><li id="after">The lens waited.</li><li>Cold and patient.</li></ul>
  <h2>Chapter three</h2>
  <p id="later">Morning came.</p>`;

describe('capturePage: ordinary selections', () => {
  it('reads a selection across elements with its title, nearest heading and the visible text around it', () => {
    page(STORY);
    select(byId('first'), byId('second'));
    const capture = capturePage(window);
    expect(capture.text).toContain('The storm came at dusk.');
    expect(capture.text).toContain('Maren climbed the stairs.');
    expect(capture.title).toBe('Fixture page');
    expect(capture.heading).toBe('Chapter two');
    // Words split by inline markup stay whole; block edges become spaces; script and hidden
    // text are not page text.
    expect(capture.before.replace(/\s+/g, ' ').trim()).toBe('Fixture page Chapter two Night fell over the harbour.');
    expect(capture.after.replace(/\s+/g, ' ').trim()).toBe('The lens waited. Cold and patient. Chapter three Morning came.');
    expect(JSON.stringify(capture)).not.toMatch(/SECRET/);
  });

  it('bounds the surrounding text on each side', () => {
    page(`<p id="long-before">${'word '.repeat(1000)}</p><p id="sel">Chosen.</p><p>${'tail '.repeat(1000)}</p>`);
    select(byId('sel'));
    const capture = capturePage(window);
    expect(capture.before.length).toBe(AROUND_CHARS);
    expect(capture.after.length).toBe(AROUND_CHARS);
    expect(capture.before.endsWith('word ')).toBe(true);
  });

  it('takes a heading the selection is inside of as the nearest heading', () => {
    page(STORY);
    const heading = document.querySelectorAll('h2')[1] as HTMLElement;
    select(heading.firstChild as Node);
    expect(capturePage(window).heading).toBe('Chapter three');
  });

  it('with nothing selected returns empty text and no context', () => {
    page(STORY);
    expect(capturePage(window)).toMatchObject({ text: '', heading: '', before: '', after: '', title: 'Fixture page' });
  });

  it('reads a contenteditable editor like any selection', () => {
    page('<h3>Editor</h3><div contenteditable="true" id="ed"><p id="a">Paper lanterns glow.</p><p id="b">Sparks fly.</p></div>');
    byId('ed').focus();
    select(byId('a'), byId('b'));
    const capture = capturePage(window);
    expect(capture.text).toContain('Paper lanterns glow.');
    expect(capture.text).toContain('Sparks fly.');
    expect(capture.heading).toBe('Editor');
  });

  it('survives a 1 MB selection', () => {
    const big = 'The lighthouse beam swept the water. '.repeat(28_000);
    page(`<h2>Long</h2><p id="big">${big}</p>`);
    select(byId('big'));
    const started = performance.now();
    const capture = capturePage(window);
    expect(capture.text.length).toBeGreaterThan(1_000_000);
    expect(capture.heading).toBe('Long');
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('capturePage: text fields', () => {
  it('reads the selected part of a textarea, with the text around it in the field', () => {
    page('<h2>Notes</h2><textarea id="t">Draft: a fox in snow. Keep it quiet.</textarea>');
    const field = byId('t') as HTMLTextAreaElement;
    field.focus();
    field.setSelectionRange(7, 21);
    expect(capturePage(window)).toMatchObject({ text: 'a fox in snow.', before: 'Draft: ', after: ' Keep it quiet.', heading: 'Notes' });
  });

  it('reads a text input', () => {
    page('<input id="i" type="search" value="lantern over a lake" />');
    const field = byId('i') as HTMLInputElement;
    field.focus();
    field.setSelectionRange(0, 7);
    expect(capturePage(window).text).toBe('lantern');
  });

  it('never reads a password field, and ignores textarea text as surrounding context', () => {
    page('<p id="p">Visible words.</p><textarea>SECRET-DRAFT</textarea><input id="pw" type="password" value="hunter2" />');
    select(byId('p'));
    const field = byId('pw') as HTMLInputElement;
    field.focus();
    field.setSelectionRange(0, 7);
    const capture = capturePage(window);
    expect(capture.text).toBe('Visible words.');
    expect(JSON.stringify(capture)).not.toMatch(/hunter2|SECRET/);
  });

  it('falls back to the page selection when the focused field has nothing selected', () => {
    page('<p id="p">Page text.</p><textarea id="t">field text</textarea>');
    select(byId('p'));
    (byId('t') as HTMLTextAreaElement).focus();
    expect(capturePage(window).text).toBe('Page text.');
  });
});

describe('capturePage: open shadow roots', () => {
  it('reads a field inside an open shadow root, with the heading inside the component', () => {
    page('<h2>Outside</h2><div id="host"></div>');
    const root = byId('host').attachShadow({ mode: 'open' });
    root.innerHTML = '<h3>Inside</h3><textarea id="t">A glass whale at dawn</textarea>';
    const field = byId('t', root) as HTMLTextAreaElement;
    field.focus();
    field.setSelectionRange(2, 13);
    expect(capturePage(window)).toMatchObject({ text: 'glass whale', heading: 'Inside' });
  });

  it('looks for the nearest heading outside the shadow root when the component has none', () => {
    page('<h2>Outside</h2><div id="host"></div><h2>Later</h2>');
    const root = byId('host').attachShadow({ mode: 'open' });
    root.innerHTML = '<p id="p">Shadow words.</p>';
    expect(nearestHeading(byId('p', root))).toBe('Outside');
  });
});

describe('page address', () => {
  it('keeps origin and path, and hands the query string and fragment over separately', () => {
    const happyDOM = (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM;
    happyDOM.setURL('https://example.com/stories/keeper?token=abc#part-2');
    page('<p id="p">Words.</p>');
    select(byId('p'));
    expect(capturePage(window)).toMatchObject({ url: 'https://example.com/stories/keeper', query: '?token=abc#part-2' });
  });

  it('gives no address for pages that are not http(s)', () => {
    expect(pageUrl({ origin: 'null', pathname: '/x.html', protocol: 'file:' })).toBe('');
    expect(pageUrl({ origin: 'https://a.org', pathname: '/b', protocol: 'https:' })).toBe('https://a.org/b');
  });
});
