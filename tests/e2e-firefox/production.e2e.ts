// Firefox: the production build as a person installs it. No test hook, no host permission,
// Settings open on install, a prompt over plain CORS, and no error in any page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_REPLY } from '../fixtures/fake-openai';
import {
  clickButton,
  configure,
  EXTENSION_ORIGIN,
  FIREFOX_PRODUCTION_BUILD,
  type FirefoxSession,
  fill,
  inExtension,
  inputValue,
  openComposer,
  openOptions,
  openPopup,
  startFirefox,
} from './harness';

let session: FirefoxSession;

beforeAll(async () => {
  session = await startFirefox(FIREFOX_PRODUCTION_BUILD);
});
afterAll(async () => {
  process.stdout.write(`firefox: launched and installed in ${session?.launchTimes.join(', ')} ms\n`);
  await session?.close();
});

interface ExtensionApis {
  browser: {
    runtime: { getBackgroundPage(): Promise<Record<string, unknown>> };
    permissions: { getAll(): Promise<{ origins?: string[] }> };
  };
}

describe('Firefox: the production build', () => {
  it('opens the welcome once, on install', async () => {
    const optionsUrl = `${EXTENSION_ORIGIN}/options.html#welcome`;
    const openedOptions = async () => {
      let count = 0;
      for (const page of await session.browser.pages()) {
        if ((await page.evaluate(() => location.href).catch(() => '')) === optionsUrl) count++;
      }
      return count;
    };
    await expect.poll(openedOptions, { timeout: 10_000 }).toBe(1);
  });

  it('carries no test hook and no host permission', async () => {
    const found = await inExtension(
      session,
      async () => {
        const { browser } = globalThis as unknown as ExtensionApis;
        const background = await browser.runtime.getBackgroundPage();
        return { hook: '__promptbrushE2E' in background, origins: (await browser.permissions.getAll()).origins ?? [] };
      },
      null,
    );
    expect(found).toEqual({ hook: false, origins: [] });
  });

  it('writes a prompt over plain CORS, without any host permission', async () => {
    await configure(session);
    const popup = await openPopup(session);
    await openComposer(popup);
    await fill(popup, '[data-testid="composer"]', 'A heron standing in a misty river at dawn.');
    await clickButton(popup, 'Write prompt');
    await expect.poll(() => inputValue(popup, '[data-testid="prompt"]'), { timeout: 15_000 }).toBe(DEFAULT_REPLY);
    const request = session.server.chatRequests().at(-1);
    expect(request?.headers.origin).toMatch(/^moz-extension:\/\//);
    expect(JSON.stringify(request?.body)).toContain('A heron standing in a misty river at dawn.');
  });

  it('the options page renders its sections, and no page logged an error', async () => {
    const options = await openOptions(session);
    const legends = await options.$$eval('legend', (list) => list.map((legend) => legend.textContent ?? ''));
    for (const legend of ['Provider', 'Prompt craft', 'Image generation', 'Capture and privacy', 'History', 'Limits']) {
      expect(
        legends.some((text) => text.includes(legend)),
        legend,
      ).toBe(true);
    }
    expect(session.pageErrors).toEqual([]);
  });
});
