// Prompt craft in the real popup and options page: switching target re-expands the same
// selection with that target's instructions, and what is shown (and copied) is the
// post-processed prompt — Midjourney parameters at the end, the Stable Diffusion negative prompt
// in its own field, variations as cards.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { targetMenuId } from '../../utils/background/menus';
import { DEFAULT_REPLY, type RecordedRequest } from '../fixtures/fake-openai';
import {
  clickContextMenu,
  configure,
  openComposer,
  openOptions,
  openPageWithSelection,
  openPickers,
  openPopup,
  readClipboard,
  type Session,
  screenshotPath,
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
beforeEach(() => {
  session.server.reset();
});

type Message = { role: string; content: string };
const messages = (request: RecordedRequest | undefined) => (request?.body as { messages?: Message[] } | undefined)?.messages ?? [];
const systemOf = (request: RecordedRequest | undefined) => messages(request).find((m) => m.role === 'system')?.content ?? '';
const userOf = (request: RecordedRequest | undefined) => messages(request).find((m) => m.role === 'user')?.content ?? '';

async function storedSettings(): Promise<Record<string, unknown>> {
  return session.worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings as Record<string, unknown>);
}

/** Context menu on the fixture page's first paragraph, with the popup open; waits for the first prompt. */
async function promptFromSelection(): Promise<Page> {
  const { text, tabId } = await openPageWithSelection(session, 'article.html', '#first');
  const popup = await openPopup(session);
  await clickContextMenu(session, tabId, text);
  await expect.poll(() => popup.getByTestId('prompt').inputValue(), { timeout: 15_000 }).toBe(DEFAULT_REPLY);
  return popup;
}

const MESSY_MIDJOURNEY =
  'Here is your Midjourney prompt:\n\n```\nlone lighthouse keeper on a storm-battered cliff, lantern raised, dusk, teal and amber —ar 16x9 --s 2000 --v 5.2 --no text --no text\n```\n\nThis prompt uses a wide ratio for drama.';

describe('prompt craft in the popup', () => {
  it('switching the target with the keyboard re-expands the same selection for Midjourney, parameters fixed and last', async () => {
    await configure(session);
    const popup = await promptFromSelection();
    expect(systemOf(session.server.chatRequests().at(-1))).toContain('Target: GPT Image');

    session.server.chat.reply = MESSY_MIDJOURNEY;
    await openPickers(popup);
    const target = popup.getByLabel('Target');
    await target.focus();
    await popup.keyboard.press('ArrowDown');

    const expected =
      'lone lighthouse keeper on a storm-battered cliff, lantern raised, dusk, teal and amber --ar 1:1 --s 1000 --v 7 --no text';
    await expect.poll(() => popup.getByTestId('prompt').inputValue(), { timeout: 15_000 }).toBe(expected);
    const requests = session.server.chatRequests();
    expect(requests).toHaveLength(2);
    expect(systemOf(requests[1])).toContain('Target: Midjourney');
    expect(systemOf(requests[1])).toContain('Aspect ratio: use --ar 1:1.');
    expect(userOf(requests[1])).toContain('The storm came in at dusk');
    expect(userOf(requests[1])).toContain('Page title: The Keeper of Hollow Point');
    expect(await target.inputValue()).toBe('midjourney');
    expect(await popup.getByRole('button', { name: /^Prompt options:/ }).textContent()).toContain('Midjourney · No style · 1:1 · 1 take');
    // A choice for this prompt is not the default for the next ones until the person says so.
    expect((await storedSettings()).target ?? 'gpt-image').toBe('gpt-image');
    await popup.getByRole('button', { name: 'Make default' }).click();
    await expect.poll(async () => (await storedSettings()).target).toBe('midjourney');
    expect(await popup.getByRole('button', { name: 'Default ✓' }).isDisabled()).toBe(true);

    await popup.getByRole('button', { name: 'Copy', exact: true }).click();
    expect(await readClipboard(session)).toBe(expected);
  });

  it('a picker changed mid-stream restarts the prompt for the new choice, and Cancel stops the new run', async () => {
    await configure(session);
    session.server.chat.chunkDelayMs = 80;
    const popup = await openPopup(session);
    // With the composer open, the pickers choose for the new prompt (the job shown stays as it is).
    const composer = await openComposer(popup);
    await openPickers(popup);
    await popup.getByLabel('Target').selectOption('gpt-image');
    await composer.fill('A red fox asleep in fresh snow.');
    await popup.getByRole('button', { name: 'Write prompt' }).click();
    const prompt = popup.getByTestId('prompt');
    // This job, not the one the popup showed when it opened; then part of its prompt.
    await expect.poll(() => popup.getByTestId('source-text').textContent(), { timeout: 10_000 }).toContain('A red fox asleep');
    await expect.poll(async () => (await prompt.inputValue()).length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await prompt.inputValue()).not.toBe(DEFAULT_REPLY);

    const second = 'A red fox asleep in fresh snow, seen from above, soft blue morning light, quiet and still.';
    session.server.chat = { ...session.server.chat, reply: second, chunkDelayMs: 150 };
    await openPickers(popup);
    await popup.getByLabel('Target').selectOption('generic');
    await expect
      .poll(async () => second.startsWith(await prompt.inputValue()) && (await prompt.inputValue()).length > 0, { timeout: 15_000 })
      .toBe(true);
    expect(systemOf(session.server.chatRequests().at(-1))).toContain('Target: any image generator');

    // The second run is the one Cancel stops; the first one's text never comes back.
    await popup.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => popup.locator('[data-error-kind]').getAttribute('data-error-kind'), { timeout: 10_000 }).toBe('cancelled');
    await popup.waitForTimeout(1500);
    const shown = await prompt.inputValue();
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(second.length);
    expect(second.startsWith(shown)).toBe(true);
  });

  it("the context menu item for a target writes that target's prompt, without changing the default", async () => {
    await configure(session);
    for (const page of session.context.pages()) if (page.url().includes('article.html')) await page.close();
    const { text, tabId } = await openPageWithSelection(session, 'article.html', '#second');
    const popup = await openPopup(session);
    await clickContextMenu(session, tabId, text, 0, targetMenuId('midjourney'));
    await expect.poll(() => session.server.chatRequests().length, { timeout: 15_000 }).toBe(1);
    expect(systemOf(session.server.chatRequests()[0])).toContain('Target: Midjourney');
    await expect
      .poll(() => popup.getByRole('button', { name: /^Prompt options:/ }).textContent(), { timeout: 15_000 })
      .toContain('Midjourney');
    expect((await storedSettings()).target ?? 'gpt-image').toBe('gpt-image');
  });

  it('a hand edit is never overwritten: a picker change waits for "Rewrite with these settings"', async () => {
    await configure(session);
    const popup = await promptFromSelection();
    const prompt = popup.getByTestId('prompt');
    await prompt.fill('My own lighthouse prompt, written by hand.');
    await expect.poll(async () => (await storedJob(session))?.prompt).toBe('My own lighthouse prompt, written by hand.');

    session.server.chat.reply = MESSY_MIDJOURNEY;
    await openPickers(popup);
    await popup.getByLabel('Target').selectOption('midjourney');
    const kept = popup.getByTestId('edit-kept');
    await kept.waitFor();
    expect(await kept.textContent()).toContain('Your edit is kept.');
    expect(await prompt.inputValue()).toBe('My own lighthouse prompt, written by hand.');
    expect(session.server.chatRequests()).toHaveLength(1);

    await kept.getByRole('button', { name: 'Rewrite with these settings' }).click();
    await expect.poll(() => session.server.chatRequests().length, { timeout: 15_000 }).toBe(2);
    expect(systemOf(session.server.chatRequests()[1])).toContain('Target: Midjourney');
    await expect
      .poll(() => prompt.inputValue(), { timeout: 15_000 })
      .toMatch(/^lone lighthouse keeper.* --ar 1:1 --s 1000 --v 7 --no text$/);
    expect(await kept.count()).toBe(0);
  });

  it('Stable Diffusion: the negative prompt has its own field and its own Copy', async () => {
    await configure(session);
    const popup = await promptFromSelection();
    session.server.chat.reply =
      'Positive prompt: (lighthouse keeper: 1.3), spiral staircase, storm, masterpiece, best quality\nNegative prompt: blurry, lowres, text\n\nSteps: 30, Sampler: Euler a, CFG scale: 7';
    await openPickers(popup);
    await popup.getByLabel('Target').selectOption('stable-diffusion');

    await expect
      .poll(() => popup.getByTestId('prompt').inputValue(), { timeout: 15_000 })
      .toBe('(lighthouse keeper:1.3), spiral staircase, storm, masterpiece, best quality, square composition');
    await expect.poll(() => popup.getByTestId('negative-prompt').inputValue()).toBe('blurry, lowres, text');
    expect(systemOf(session.server.chatRequests().at(-1))).toContain('Target: Stable Diffusion');
    await popup.screenshot({ path: screenshotPath('popup-stable-diffusion.png') });

    await popup.getByRole('button', { name: 'Copy negative prompt' }).click();
    expect(await readClipboard(session)).toBe('blurry, lowres, text');
  });

  it('variations: several takes in one request; the others beside the one in use, each with its own Copy, any one made the main prompt', async () => {
    await configure(session);
    const popup = await promptFromSelection();
    session.server.chat.reply =
      'Here are three takes:\n\nA keeper climbs the stair at dusk, lantern high.\n---\nThe lighthouse seen from the sea, beam slicing the rain.\n---\nClose-up of weathered hands on a brass lantern.\n\nLet me know if you want more!';
    await openPickers(popup);
    await popup.getByLabel('Style').selectOption('watercolor');
    await expect.poll(() => session.server.chatRequests().length).toBe(2);
    await popup.getByLabel('Variations').selectOption('3');
    // The style's prompt already equals the first take: wait for the request that asks for three.
    await expect.poll(() => session.server.chatRequests().length).toBe(3);

    // The first take is the prompt; the cards show the two others, not the one in use again.
    const cards = popup.getByTestId('variation');
    await expect
      .poll(() => popup.getByTestId('prompt').inputValue(), { timeout: 15_000 })
      .toBe('A keeper climbs the stair at dusk, lantern high.');
    await expect
      .poll(() => cards.locator('.card-text').allTextContents())
      .toEqual(['The lighthouse seen from the sea, beam slicing the rain.', 'Close-up of weathered hands on a brass lantern.']);
    const request = session.server.chatRequests().at(-1);
    expect(session.server.chatRequests()).toHaveLength(3);
    expect(systemOf(request)).toContain('Write 3 distinct prompts');
    expect(systemOf(request)).toContain('Style (Watercolour)');

    await popup.getByRole('button', { name: 'Use variation 3 as the prompt' }).click();
    await expect.poll(() => popup.getByTestId('prompt').inputValue()).toBe('Close-up of weathered hands on a brass lantern.');
    await expect
      .poll(() => cards.locator('.card-text').allTextContents())
      .toEqual(['A keeper climbs the stair at dusk, lantern high.', 'The lighthouse seen from the sea, beam slicing the rain.']);
    await popup.screenshot({ path: screenshotPath('popup-variations.png'), fullPage: true });
    await popup.getByRole('button', { name: 'Copy variation 2' }).click();
    expect(await readClipboard(session)).toBe('The lighthouse seen from the sea, beam slicing the rain.');

    // Regenerate (in the toolbar's menu) asks again with the same choice.
    await popup.getByRole('button', { name: 'More actions' }).click();
    await popup.getByRole('menuitem', { name: 'Regenerate' }).click();
    await expect.poll(() => session.server.chatRequests().length, { timeout: 15_000 }).toBe(4);
    expect(systemOf(session.server.chatRequests().at(-1))).toContain('Write 3 distinct prompts');
    await expect
      .poll(() => popup.getByTestId('prompt').inputValue(), { timeout: 15_000 })
      .toBe('A keeper climbs the stair at dusk, lantern high.');
  });
});

describe('prompt craft in the options page', () => {
  it('custom instructions and a template override reach the model; an unknown placeholder is reported and not saved', async () => {
    await configure(session);
    const options = await openOptions(session);
    await options.locator('#custom-instructions').fill('Prefer muted, natural colours.');
    await options.locator('#default-target').selectOption('flux');
    await options.getByText('Flux — default template').click();
    const template = options.locator('#template-flux');
    await template.fill('Paint {{selection}} as seen by {{painter}}');
    await expect.poll(() => options.getByRole('alert').textContent()).toContain('Unknown placeholder {{painter}}');
    expect(await options.getByRole('alert').textContent()).toContain('Not saved until this is fixed');

    // The other changes save themselves; the invalid template is never saved.
    await template.press('Tab');
    await waitSaved(options);
    expect(await storedSettings()).toMatchObject({ target: 'flux', customInstructions: 'Prefer muted, natural colours.' });
    expect((await storedSettings()).templates ?? {}).toEqual({});

    await template.fill('Paint this scene: {{selection}}\n{{context}}');
    await template.press('Tab');
    await expect.poll(async () => (await storedSettings()).templates).toEqual({ flux: 'Paint this scene: {{selection}}\n{{context}}' });
    await waitSaved(options);
    await options.screenshot({ path: screenshotPath('options-craft.png'), fullPage: true });
    expect(await storedSettings()).toMatchObject({
      target: 'flux',
      customInstructions: 'Prefer muted, natural colours.',
      templates: { flux: 'Paint this scene: {{selection}}\n{{context}}' },
    });

    // The next prompt from the context menu uses the new defaults, instructions and template.
    for (const page of session.context.pages()) if (page.url().includes('article.html')) await page.close();
    const { text, tabId } = await openPageWithSelection(session, 'article.html', '#third');
    const popup = await openPopup(session);
    await clickContextMenu(session, tabId, text);
    await expect.poll(() => session.server.chatRequests().length, { timeout: 15_000 }).toBe(1);
    const request = session.server.chatRequests()[0];
    expect(systemOf(request)).toContain('Target: Flux');
    expect(systemOf(request).endsWith('Prefer muted, natural colours.')).toBe(true);
    expect(userOf(request)).toMatch(
      /^Paint this scene: Far below, the sea threw itself against the rocks again and again\.\nPage title: The Keeper of Hollow Point\n/,
    );
    expect(userOf(request)).toContain(`Page address: ${session.pages.url('article.html')}`);
    await expect.poll(() => popup.getByRole('button', { name: /^Prompt options:/ }).textContent()).toContain('Flux');

    // Reset to default brings the built-in template back.
    const flux = options.getByTestId('template-flux');
    expect(await flux.locator('summary').textContent()).toBe('Flux — custom template');
    await flux.getByRole('button', { name: 'Reset to default' }).click();
    expect(await template.inputValue()).toContain('{{selection}}');
    expect(await flux.locator('summary').textContent()).toBe('Flux — default template');
    await expect.poll(async () => (await storedSettings()).templates).toEqual({});
  });
});
