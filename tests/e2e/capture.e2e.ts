// Capture, source by source, in real Chromium: what the person selected reaches the model (the
// fake server records it) with exactly the context the popup says was sent — or the popup says
// clearly why nothing was sent.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cleanText } from '../../utils/text';
import { DEFAULT_REPLY } from '../fixtures/fake-openai';
import {
  frameIdOf,
  openBrowserPage,
  openFixture,
  pressShortcut,
  selectElements,
  selectedPart,
  selectInField,
  useSelectionFromPopup,
} from './capture-helpers';
import {
  clickContextMenu,
  configure,
  lastUserMessage,
  openComposer,
  openOptions,
  openPopup,
  type Session,
  startSession,
  storedJob,
  waitSaved,
} from './harness';

let session: Session;

beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});
beforeEach(async () => {
  session.server.reset();
  await configure(session);
});
afterEach(async () => {
  // One tab stays so the browser keeps running; the rest are this test's.
  for (const page of session.context.pages().slice(1)) await page.close();
});

/** Waits for this test's job (not the one a fresh popup may show from the previous test) to finish. */
async function promptDone(popup: Page): Promise<void> {
  await expect.poll(() => session.server.chatRequests().length, { timeout: 15_000 }).toBeGreaterThan(0);
  await expect.poll(async () => (await storedJob(session))?.status, { timeout: 15_000 }).toBe('ready');
  await expect.poll(() => popup.getByTestId('prompt').inputValue(), { timeout: 15_000 }).toBe(DEFAULT_REPLY);
}

/** What the popup says about the context that was sent, details included. */
const contextShown = (popup: Page) => popup.getByTestId('context-sent').textContent();

describe('ordinary page selections', () => {
  it('keeps the paragraph break across two elements, and sends title, address without query, heading and surrounding text', async () => {
    const { page, tabId } = await openFixture(session, 'capture/story.html?token=abc123#comments');
    const text = await selectElements(page, '#first', '#second');
    await clickContextMenu(session, tabId, text);
    const popup = await openPopup(session);
    await promptDone(popup);

    const message = lastUserMessage(session.server);
    expect(selectedPart(message)).toBe(
      'The storm came in at dusk, rolling over the cliffs like a grey tide.\n\nOld Maren climbed the spiral stairs with her lantern, counting the steps as her father had.',
    );
    const address = `${session.pages.origin}/capture/story.html`;
    expect(message).toContain('Page title: Lighthouse stories\n');
    expect(message).toContain(`Page address: ${address}\n`);
    expect(message).toContain('Nearest heading: Chapter two: the storm\n');
    expect(message).toContain(
      '…Lighthouse stories Chapter two: the storm Night fell early over Hollow Point, and the gulls went quiet on the rocks. [selection] At the top, the great lens waited, cold and patient, for the first spark of the night.…',
    );
    // Script text, hidden text and the query string never leave the page.
    expect(message).not.toMatch(/SECRET|token|abc123|comments/);

    await expect.poll(() => popup.getByTestId('source-text').textContent()).toContain('The storm came in at dusk');
    const shown = await contextShown(popup);
    expect(shown).toContain('Also sent: page title, address, nearest heading, surrounding text');
    expect(shown).toContain(address);
    expect(shown).toContain('Chapter two: the storm');
    expect(shown).toContain('Night fell early over Hollow Point');
    expect(shown).not.toContain('token');
  });

  it('sends only the context left switched on in the options, and the popup shows just that', async () => {
    const options = await openOptions(session);
    const capture = options.getByTestId('capture-options');
    await capture.getByLabel('Page title').uncheck();
    await capture.getByLabel('The nearest heading above the selection').uncheck();
    await capture.getByLabel(/characters of text before and after/).uncheck();
    await capture.getByLabel(/with its query string and fragment/).check();
    await waitSaved(options);
    expect(await options.getByTestId('save-status').textContent()).toBe('Saved.');

    const { page, tabId } = await openFixture(session, 'capture/story.html?chapter=2#storm');
    const text = await selectElements(page, '#after');
    await clickContextMenu(session, tabId, text);
    const popup = await openPopup(session);
    await promptDone(popup);

    const address = `${session.pages.origin}/capture/story.html?chapter=2#storm`;
    const message = lastUserMessage(session.server);
    expect(message).toContain(`Page address: ${address}\n`);
    expect(selectedPart(message)).toBe('At the top, the great lens waited, cold and patient, for the first spark of the night.');
    expect(message).not.toMatch(/Page title|Nearest heading|Text around/);
    const shown = await contextShown(popup);
    expect(shown).toContain('Also sent: address');
    expect(shown).toContain(address);
    expect(shown).not.toMatch(/title|heading|surrounding/i);
  });

  it('reads a selection inside an open shadow root', async () => {
    const { page, tabId } = await openFixture(session, 'capture/shadow.html');
    const text = await selectElements(page, '#s1', '#s2', '#card');
    await clickContextMenu(session, tabId, text);
    const popup = await openPopup(session);
    await promptDone(popup);
    const message = lastUserMessage(session.server);
    expect(selectedPart(message)).toBe('A glass whale drifts above the city at dawn.\n\nIts shadow paints the rooftops blue.');
    expect(message).toContain('Nearest heading: Card heading\n');
    expect(await contextShown(popup)).toContain('Card heading');
  });

  it('works on a page with a strict Content-Security-Policy', async () => {
    const { page, tabId } = await openFixture(session, 'capture/csp.html');
    // The policy is in force: the page's own inline scripts do not run.
    const inlineScript = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'document.body.dataset.inline = "ran"';
      document.head.append(script);
      return document.body.dataset.inline ?? 'blocked by CSP';
    });
    expect(inlineScript).toBe('blocked by CSP');
    const text = await selectElements(page, '#strict');
    await clickContextMenu(session, tabId, text);
    const popup = await openPopup(session);
    await promptDone(popup);
    const message = lastUserMessage(session.server);
    expect(selectedPart(message)).toBe('A brass clockwork owl perches on a stack of dusty ledgers in a vault.');
    // The page context proves the capture script ran despite the policy.
    expect(message).toContain('Nearest heading: Locked down\n');
    expect(await contextShown(popup)).toContain('Strict page');
  });

  it('keeps right-to-left, CJK and emoji text intact, removing only invisible characters', async () => {
    const { page, tabId } = await openFixture(session, 'capture/i18n.html');
    const text = await selectElements(page, '#hebrew', '#emoji');
    expect(text).toContain('\u200b'); // the page really has zero-width spaces in it
    await clickContextMenu(session, tabId, text);
    const popup = await openPopup(session);
    await promptDone(popup);
    expect(selectedPart(lastUserMessage(session.server))).toBe(
      [
        'המגדלור עומד לבד על הצוק בסערה.',
        'المنارة تضيء البحر المظلم.',
        'می\u200cخواهم دریا را ببینم.',
        '灯台守は螺旋階段を上った。',
        '海浪拍打着岩石。',
        '👩‍🚀 🌊 🏴󠁧󠁢󠁳󠁣󠁴󠁿 ❤️',
      ].join('\n\n'),
    );
    const shown = await popup.getByTestId('source-text').textContent();
    expect(shown).toContain('המגדלור עומד לבד');
    expect(shown).toContain('灯台守は螺旋階段を上った。');
  });

  it('shortens a 1 MB selection at a sentence end and says so in the popup', async () => {
    const { page, tabId } = await openFixture(session, 'capture/blank.html');
    await page.evaluate(() => {
      const sentence = 'The lighthouse beam swept across the black water and the waves answered. ';
      const long = document.getElementById('long') as HTMLElement;
      for (let i = 0; i < 200; i++) {
        const p = document.createElement('p');
        p.textContent = sentence.repeat(70);
        long.append(p);
      }
    });
    const text = await selectElements(page, '#long');
    expect(text.length).toBeGreaterThan(1_000_000);
    await clickContextMenu(session, tabId, text);
    const popup = await openPopup(session);
    await promptDone(popup);

    const sent = selectedPart(lastUserMessage(session.server));
    expect(sent.length).toBeLessThanOrEqual(8000);
    expect(sent.length).toBeGreaterThan(6400);
    expect(sent.endsWith('the waves answered.')).toBe(true);
    const original = cleanText(text).length;
    expect(await popup.getByTestId('shortened').textContent()).toBe(
      `Shortened from ${original.toLocaleString('en')} to ${sent.length.toLocaleString('en')} characters.`,
    );
  });
});

describe('fields and editors', () => {
  it('reads a textarea selection, with the text around it in the field', async () => {
    const { page, tabId } = await openFixture(session, 'capture/fields.html');
    const text = await selectInField(page, '#notes', 'A fox sleeps curled in fresh snow beneath a leaning pine, moonlight on its fur.');
    await clickContextMenu(session, tabId, text);
    const popup = await openPopup(session);
    await promptDone(popup);
    const message = lastUserMessage(session.server);
    expect(selectedPart(message)).toBe(text);
    expect(message).toContain('…Draft: [selection] Keep it quiet.…');
    expect(message).toContain('Nearest heading: Describe your scene\n');
    await expect.poll(() => popup.getByTestId('source-text').textContent()).toBe(text);
  });

  it('reads an input selection through the popup button (no menu copy to fall back on), never a password', async () => {
    const { page, tabId } = await openFixture(session, 'capture/fields.html');
    const text = await selectInField(page, '#title', 'a lantern drifting over a black lake at midnight');
    const popup = await useSelectionFromPopup(session, tabId);
    await promptDone(popup);
    const message = lastUserMessage(session.server);
    expect(selectedPart(message)).toBe('a lantern drifting over a black lake at midnight');
    expect(message).toContain('…Working title: [selection] …');
    expect(message).not.toContain('hunter2');
    await expect.poll(() => popup.getByTestId('source-text').textContent()).toBe(text);
  });

  it('reads a contenteditable editor across its paragraphs', async () => {
    const { page, tabId } = await openFixture(session, 'capture/fields.html');
    await page.focus('#editor');
    const text = await selectElements(page, '#edit-one', '#edit-two');
    await clickContextMenu(session, tabId, text);
    const popup = await openPopup(session);
    await promptDone(popup);
    const message = lastUserMessage(session.server);
    expect(selectedPart(message)).toBe('The market square glowed with paper lanterns.\n\nChildren chased sparks between the stalls.');
    expect(message).toContain('Nearest heading: Editor\n');
    await expect.poll(() => popup.getByTestId('source-text').textContent()).toContain('paper lanterns. Children chased');
  });
});

describe('frames', () => {
  it('reads the same-origin frame the menu was clicked in', async () => {
    const { page, tabId } = await openFixture(session, 'capture/frame-outer.html');
    const frame = page.frame({ url: /frame-inner\.html$/ });
    if (!frame) throw new Error('no inner frame');
    const text = await selectElements(frame, '#framed');
    const frameId = await frameIdOf(session, tabId, '/capture/frame-inner.html');
    expect(frameId).toBeGreaterThan(0);
    await clickContextMenu(session, tabId, text, frameId);
    const popup = await openPopup(session);
    await promptDone(popup);
    const message = lastUserMessage(session.server);
    expect(selectedPart(message)).toBe('A paper boat sails down a rain-filled gutter past glowing shop windows.');
    expect(message).toContain('Nearest heading: Framed note\n');
    expect(await contextShown(popup)).toContain('/capture/frame-inner.html');
  });

  it('the shortcut finds the selection in a frame by itself', async () => {
    const { page, tabId } = await openFixture(session, 'capture/frame-outer.html');
    const frame = page.frame({ url: /frame-inner\.html$/ });
    if (!frame) throw new Error('no inner frame');
    await selectElements(frame, '#framed');
    await pressShortcut(session, tabId);
    const popup = await openPopup(session);
    await promptDone(popup);
    expect(selectedPart(lastUserMessage(session.server))).toBe('A paper boat sails down a rain-filled gutter past glowing shop windows.');
    await expect.poll(() => popup.getByTestId('source-text').textContent()).toContain('A paper boat');
  });
});

describe('nothing to read, or not allowed to read', () => {
  it('a whitespace-only selection: a clear message, and no request at all', async () => {
    const { page, tabId } = await openFixture(session, 'capture/story.html');
    const text = await selectElements(page, '#blank');
    await clickContextMenu(session, tabId, text || ' \u00a0\u200b ');
    const popup = await openPopup(session);
    const notice = popup.locator('[data-error-kind="empty-selection"]');
    await expect.poll(() => notice.textContent()).toContain('Nothing selected');
    expect(await notice.textContent()).toContain('Nothing was sent.');
    expect(session.server.requests).toHaveLength(0);
  });

  it('the popup button with nothing selected: a clear message, and no request', async () => {
    const { page, tabId } = await openFixture(session, 'capture/story.html');
    await page.evaluate(() => getSelection()?.removeAllRanges());
    const popup = await useSelectionFromPopup(session, tabId);
    await expect
      .poll(() => popup.locator('[data-error-kind="empty-selection"]').textContent())
      .toContain('Select some text on the page first');
    expect(session.server.requests).toHaveLength(0);
  });

  it('a browser page no script may run on: the menu’s own copy of the selection is used, and the popup says context was unavailable', async () => {
    const { tabId } = await openBrowserPage(session);
    await clickContextMenu(session, tabId, 'A violet nebula shaped like an open hand, seen from a research ship.');
    const popup = await openPopup(session);
    await promptDone(popup);
    const message = lastUserMessage(session.server);
    expect(selectedPart(message)).toBe('A violet nebula shaped like an open hand, seen from a research ship.');
    expect(message).not.toMatch(/Page title|Page address|Nearest heading|Text around/);
    expect(await popup.getByTestId('context-unavailable').textContent()).toContain('Page context unavailable');
    expect(await popup.getByTestId('context-sent').count()).toBe(0);
  });

  it('the popup button on a browser page: it says the page cannot be read, and sends nothing', async () => {
    const { tabId } = await openBrowserPage(session);
    const popup = await useSelectionFromPopup(session, tabId);
    await expect.poll(() => popup.locator('[data-error-kind="cannot-read-page"]').textContent()).toContain('This page cannot be read');
    expect(session.server.requests).toHaveLength(0);
  });
});

describe('the keyboard shortcut', () => {
  it('Chromium assigns the suggested key, and the popup and options show it with where to change it', async () => {
    const commands = await session.worker.evaluate(() => chrome.commands.getAll());
    expect(commands.find((c) => c.name === 'prompt-from-selection')?.shortcut).toBe('Alt+Shift+G');
    // Under the composer, where the selection is taken.
    const popup = await openPopup(session);
    await openComposer(popup);
    await expect.poll(() => popup.getByTestId('shortcut').textContent()).toContain('Shortcut for the selection: Alt+Shift+G');
    expect(await popup.getByTestId('shortcut').textContent()).toContain('chrome://extensions/shortcuts');
    const options = await openOptions(session);
    await expect.poll(() => options.getByTestId('shortcut').textContent()).toContain('Alt+Shift+G');
  });

  it('reads the selection of the page with the shortcut', async () => {
    const { page, tabId } = await openFixture(session, 'capture/story.html');
    await selectElements(page, '#lead');
    await pressShortcut(session, tabId);
    const popup = await openPopup(session);
    await promptDone(popup);
    expect(selectedPart(lastUserMessage(session.server))).toBe(
      'Night fell early over Hollow Point, and the gulls went quiet on the rocks.',
    );
  });
});
