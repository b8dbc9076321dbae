// The popup in each of its states, at the real popup's 420 × 600, in light and dark: Copy,
// Generate image and Open in are on screen without scrolling, axe-core finds no serious or
// critical problem, and a screenshot of each is kept as evidence (tests/e2e/screenshots/).
// The side panel gets the same checks at its own size.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_REPLY, FAILURES, FAKE_IMAGE_MODELS } from '../fixtures/fake-openai';
import {
  configure,
  openComposer,
  openPickers,
  openPopup,
  openSidePanelPage,
  POPUP_VIEWPORT,
  ROOT,
  type Session,
  screenshotPath,
  startSession,
  storedJob,
} from './harness';

const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const THEMES = ['light', 'dark'] as const;

let session: Session;

beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});
beforeEach(async () => {
  session.server.reset();
  session.server.models.push(...FAKE_IMAGE_MODELS);
  for (const page of session.context.pages()) await page.close();
  await configure(session);
});

/** Serious and critical axe-core violations on the page as it is now, one line each. */
async function axeProblems(page: Page): Promise<string[]> {
  // Extension pages' CSP (script-src 'self') refuses an inline <script> (addScriptTag): the
  // source is evaluated through the DevTools protocol instead, which the page's CSP does not govern.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }).axe;
    type AxeResults = {
      violations: { id: string; impact?: string; help: string; nodes: { target: string[]; failureSummary?: string }[] }[];
    };
    const { violations } = await axe.run(document, { resultTypes: ['violations'] });
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join(' | ')}`,
      );
  });
}

/** Each control is on screen, whole, in the first 600 px, without scrolling. */
async function expectInView(page: Page, controls: Locator[]): Promise<void> {
  expect(await page.evaluate(() => scrollY)).toBe(0);
  const { width, height } = page.viewportSize() ?? POPUP_VIEWPORT;
  for (const control of controls) {
    const box = await control.boundingBox();
    expect(box, String(control)).not.toBeNull();
    if (!box) continue;
    expect(box.y, String(control)).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height, String(control)).toBeLessThanOrEqual(height);
    expect(box.x + box.width, String(control)).toBeLessThanOrEqual(width);
  }
}

const primaryActions = (page: Page) => [
  page.getByRole('button', { name: 'Copy', exact: true }),
  page.getByRole('button', { name: 'Generate image' }),
  page.getByRole('button', { name: /^Open in / }).first(),
];

/** In light, then dark: the controls in view, no serious or critical axe problem, a screenshot. */
async function checkState(page: Page, name: string, controls: Locator[]): Promise<void> {
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    await expectInView(page, controls);
    expect(await axeProblems(page), `${name}, ${theme}`).toEqual([]);
    await page.screenshot({ path: screenshotPath(`${name}-${theme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function write(popup: Page, text = 'A lighthouse keeper in a storm at dusk.'): Promise<void> {
  await (await openComposer(popup)).fill(text);
  await popup.getByRole('button', { name: 'Write prompt' }).click();
}

async function readyPopup(): Promise<Page> {
  const popup = await openPopup(session);
  await write(popup);
  await expect.poll(() => popup.getByTestId('prompt').inputValue(), { timeout: 15_000 }).toBe(DEFAULT_REPLY);
  return popup;
}

const jobStatus = async () => (await storedJob(session))?.status;

describe('the popup, prompt first, in every state', () => {
  it('empty: the composer, its label and its two actions', async () => {
    const popup = await openPopup(session);
    const composer = await openComposer(popup);
    expect(await popup.getByLabel('Describe an image, or paste text').count()).toBe(1);
    await checkState(popup, 'popup-empty', [
      composer,
      popup.getByRole('button', { name: 'Write prompt' }),
      popup.getByRole('button', { name: 'Use selection on this page' }),
    ]);
  });

  it('reading: the prompt box waits, its actions are where they will be', async () => {
    await configure(session, { chatModel: '' });
    session.server.modelsStall = true;
    const popup = await openPopup(session);
    await write(popup);
    await expect.poll(() => popup.getByText('Reading the selection…').count(), { timeout: 10_000 }).toBe(1);
    expect(await jobStatus()).toBe('capturing');
    await checkState(popup, 'popup-reading', [popup.getByTestId('prompt'), ...primaryActions(popup)]);
    await popup.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(jobStatus).toBe('error');
  });

  it('streaming: part of the prompt, Cancel beside it', async () => {
    session.server.chat.stallAfterChunks = 4;
    const popup = await openPopup(session);
    await write(popup);
    await expect.poll(async () => (await popup.getByTestId('prompt').inputValue()).length, { timeout: 10_000 }).toBe(48);
    expect(await popup.getByText('Writing with fake-chat-mini…').count()).toBe(1);
    await checkState(popup, 'popup-streaming', [
      popup.getByTestId('prompt'),
      popup.getByRole('button', { name: 'Cancel' }),
      ...primaryActions(popup),
    ]);
    await popup.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(jobStatus).toBe('error');
  });

  it('ready: focus on the prompt, announced once, every action on screen', async () => {
    const popup = await readyPopup();
    await expect.poll(() => popup.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('prompt');
    expect(
      await popup
        .getByRole('status')
        .filter({ hasText: /^Prompt ready$/ })
        .count(),
    ).toBe(1);
    const copy = popup.getByRole('button', { name: 'Copy', exact: true });
    expect(await copy.getAttribute('title')).toBe('Copy the prompt (Ctrl+Shift+C)');
    await checkState(popup, 'popup-ready', [popup.getByTestId('prompt'), ...primaryActions(popup)]);
  });

  it('retrying: the countdown above the prompt, the actions still on screen', async () => {
    // 15 s: long enough for both themes' checks, short enough to be waited for (utils/retry.ts).
    session.server.chat.fail = { ...FAILURES.rateLimited(), headers: { 'retry-after': '15' } };
    session.server.chat.failTimes = 1;
    const popup = await openPopup(session);
    await write(popup);
    const countdown = popup.getByTestId('retry-countdown');
    await countdown.waitFor({ timeout: 10_000 });
    // The ticking text is not a live region; the status says once what is happening.
    expect(await countdown.getAttribute('role')).toBeNull();
    expect(await popup.getByRole('status').filter({ hasText: 'Rate limited — retrying (attempt 2 of 4).' }).count()).toBe(1);
    await checkState(popup, 'popup-retrying', [countdown, popup.getByTestId('prompt'), ...primaryActions(popup)]);
    await popup.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(jobStatus).toBe('error');
  });

  it('error: the notice takes the empty prompt box’s place, with its Retry', async () => {
    session.server.chat.fail = { ...FAILURES.server(), headers: { 'retry-after': '0' } };
    const popup = await openPopup(session);
    await write(popup);
    const notice = popup.locator('.job [data-error-kind="server"]');
    await notice.waitFor({ timeout: 15_000 });
    expect(await popup.getByTestId('prompt').count()).toBe(0);
    expect(await popup.getByRole('button', { name: 'Copy', exact: true }).count()).toBe(0);
    await checkState(popup, 'popup-error', [notice, notice.getByRole('button', { name: 'Retry' })]);
  });

  it('variations: the take in use in the box, the others below, the actions on screen', async () => {
    session.server.chat.reply =
      'A keeper climbs the stair at dusk, lantern high.\n---\nThe lighthouse seen from the sea, beam slicing the rain.\n---\nClose-up of weathered hands on a brass lantern.';
    // After "New prompt" the row shows the last prompt's choice; three takes are chosen in it.
    const popup = await openPopup(session);
    const composer = await openComposer(popup);
    await openPickers(popup);
    await popup.getByLabel('Variations').selectOption('3');
    await expect.poll(() => popup.getByRole('button', { name: /^Prompt options:/ }).textContent()).toContain('3 takes');
    await composer.fill('A lighthouse keeper in a storm at dusk.');
    await popup.getByRole('button', { name: 'Write prompt' }).click();
    await expect.poll(() => popup.getByTestId('variation').count(), { timeout: 15_000 }).toBe(2);
    expect(await popup.getByTestId('prompt').inputValue()).toBe('A keeper climbs the stair at dusk, lantern high.');
    await checkState(popup, 'popup-variations', [popup.getByTestId('prompt'), ...primaryActions(popup)]);
  });

  it('image running: progress and the partial image under the actions', async () => {
    session.server.images = { partials: 1, delayMs: 20, stallAfterPartials: true };
    await session.worker.evaluate(async () => {
      const { settings } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({
        settings: { ...(settings as object), images: { model: 'gpt-image-2', quality: 'auto', format: 'png', count: 1 } },
      });
    });
    const popup = await readyPopup();
    await popup.getByRole('button', { name: 'Generate image' }).click();
    await expect.poll(() => popup.getByTestId('partial-image').count(), { timeout: 10_000 }).toBe(1);
    expect(await popup.getByRole('button', { name: 'Generate image' }).isDisabled()).toBe(true);
    await checkState(popup, 'popup-image-running', [popup.getByTestId('prompt'), ...primaryActions(popup)]);
    await popup.getByTestId('image-progress').getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => popup.locator('[data-error-kind="cancelled"]').count(), { timeout: 10_000 }).toBe(1);
  });

  it('image done: the image as wide as the popup, Download, Copy image and Full size on it', async () => {
    await session.worker.evaluate(async () => {
      const { settings } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({
        settings: { ...(settings as object), images: { model: 'gpt-image-2', quality: 'auto', format: 'png', count: 1 } },
      });
    });
    const popup = await readyPopup();
    await popup.getByRole('button', { name: 'Generate image' }).click();
    const image = popup.getByTestId('image-result').locator('img');
    await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth), { timeout: 15_000 }).toBe(1024);
    const box = await image.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThanOrEqual(POPUP_VIEWPORT.width - 40);
    // The tools sit on the image itself.
    const result = popup.getByTestId('image-result');
    for (const name of ['Download', 'Copy image', 'Full size']) {
      const tool = await result.getByRole(name === 'Download' ? 'link' : 'button', { name }).boundingBox();
      expect(tool && box && tool.y >= box.y && tool.y + tool.height <= box.y + box.height, name).toBe(true);
    }
    await checkState(popup, 'popup-image-done', [popup.getByTestId('prompt'), ...primaryActions(popup)]);

    // The viewer keeps focus inside, closes on Escape and gives focus back to Full size.
    await result.getByRole('button', { name: 'Full size' }).click();
    const viewer = popup.getByTestId('image-viewer');
    await viewer.waitFor();
    await expect.poll(() => popup.evaluate(() => document.activeElement?.textContent)).toBe('Close');
    for (let i = 0; i < 3; i++) await popup.keyboard.press('Tab');
    expect(await popup.evaluate(() => !!document.activeElement?.closest('[data-testid="image-viewer"]'))).toBe(true);
    await popup.keyboard.press('Escape');
    await expect.poll(() => viewer.count()).toBe(0);
    await expect.poll(() => popup.evaluate(() => document.activeElement?.textContent)).toBe('Full size');
  });
});

describe('history, a view of its own', () => {
  it('replaces the job, with its search first; Reuse brings a prompt back', async () => {
    await readyPopup().then((page) => page.close());
    const popup = await openPopup(session);
    await popup.getByTestId('prompt').waitFor();
    const history = popup.getByRole('button', { name: /^History \(\d+\)/ });
    await history.click();
    expect(await history.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => popup.getByTestId('history-item').count()).toBeGreaterThan(0);
    expect(await popup.getByTestId('prompt').count()).toBe(0);
    await checkState(popup, 'popup-history', [popup.getByTestId('history-search')]);
    await popup.getByTestId('history-item').last().getByRole('button', { name: 'Reuse' }).click();
    await expect.poll(() => popup.getByTestId('prompt').count()).toBe(1);
  });
});

describe('the side panel', () => {
  it('the same layout, with history under the job', async () => {
    const popup = await readyPopup();
    await popup.close();
    const panel = await openSidePanelPage(session);
    await expect.poll(() => panel.getByTestId('prompt').inputValue(), { timeout: 10_000 }).toBe(DEFAULT_REPLY);
    await expect.poll(() => panel.getByTestId('history-item').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await checkState(panel, 'sidepanel', [panel.getByTestId('prompt'), ...primaryActions(panel)]);
  });
});

describe('the keyboard', () => {
  it('Ctrl+Enter writes from the composer; Ctrl+Shift+C copies the prompt; Escape closes a menu', async () => {
    const popup = await openPopup(session);
    const composer = await openComposer(popup);
    await composer.fill('A heron in the mist at dawn.');
    await composer.press('Control+Enter');
    await expect.poll(() => popup.getByTestId('prompt').inputValue(), { timeout: 15_000 }).toBe(DEFAULT_REPLY);
    await expect.poll(() => popup.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('prompt');

    await popup.keyboard.press('Control+Shift+C');
    await expect.poll(() => popup.getByRole('button', { name: 'Copied ✓' }).count()).toBe(1);

    const more = popup.getByRole('button', { name: 'More actions' });
    await more.focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => popup.getByRole('menu').count()).toBe(1);
    await expect.poll(() => popup.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('menuitem');
    await popup.keyboard.press('Escape');
    await expect.poll(() => popup.getByRole('menu').count()).toBe(0);
    await expect.poll(() => popup.evaluate(() => document.activeElement?.textContent)).toBe('⋯');
  });
});
