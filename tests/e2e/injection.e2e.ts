// Budget 1 of issue #8 in a real browser: no extension script runs in a page until the person
// uses Promptbrush on it. The same probe `npm run bench` uses must also see the capture script
// once the person does use it there — otherwise a reading of 0 bytes would prove nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProbedPage } from '../bench/injection-probe';
import { clickContextMenu, configure, type Session, startSession, tabIdOf } from './harness';

let session: Session;

beforeAll(async () => {
  session = await startSession();
  await configure(session);
});
afterAll(async () => {
  await session?.close();
});

describe('extension script in web pages', () => {
  it('none in a page the person reads and selects text on; the capture script only after they use the menu there', async () => {
    const probed = await openProbedPage(session.context, session.pages.url('article.html'));
    await probed.page.locator('#first').selectText();
    await probed.page.waitForTimeout(500);
    expect(probed.report()).toEqual({ scripts: [], bytes: 0 });
    expect(await probed.control()).toBeGreaterThan(0);
    expect(probed.report().bytes).toBe(0);

    const tabId = await tabIdOf(session, probed.page.url());
    await clickContextMenu(session, tabId, 'The storm came in at dusk');
    await expect.poll(() => probed.report().bytes, { timeout: 10_000 }).toBeGreaterThan(0);
    const [script, ...others] = probed.report().scripts;
    expect(others).toEqual([]);
    expect(script?.url).toBe(`chrome-extension://${session.extensionId}/capture.js`);
    expect(script?.origin).toBe(`chrome-extension://${session.extensionId}`);
    await probed.close();
  });
});
