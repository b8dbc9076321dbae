// Counts the extension script that runs inside a web page, through the DevTools protocol: every
// script parsed in the page's isolated worlds (where extensions' content scripts run) and every
// script loaded from a chrome-extension:// URL in any world. Worlds that automation itself makes
// (Playwright's utility world, the probe's own control world) are told apart by name and not counted.
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

export const CONTROL_WORLD = 'promptbrush-bench-control';
const TOOLING_WORLD = /^(__playwright_utility_world|promptbrush-bench-control$)/;

export interface InjectedScript {
  url: string;
  bytes: number;
  /** The world's name (an extension's content scripts run in a world named after it) and origin. */
  world: string;
  origin: string;
}

export interface InjectionReport {
  scripts: InjectedScript[];
  bytes: number;
}

interface ContextInfo {
  name: string;
  origin: string;
  isDefault: boolean;
}

interface ScriptParsed {
  url: string;
  length?: number;
  executionContextId: number;
  executionContextAuxData?: { isDefault?: boolean };
}

export interface ProbedPage {
  page: Page;
  cdp: CDPSession;
  /** The extension script seen so far in this page. */
  report(): InjectionReport;
  /**
   * Makes an isolated world and runs a script in it, and returns the bytes the probe saw there:
   * proof that the probe does see isolated-world scripts (they are not counted in `report`).
   */
  control(): Promise<number>;
  close(): Promise<void>;
}

/** Opens `url` in a new tab with the probe attached before the first byte of the page loads. */
export async function openProbedPage(context: BrowserContext, url: string): Promise<ProbedPage> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const contexts = new Map<number, ContextInfo>();
  const scripts: (ScriptParsed & { context?: ContextInfo })[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context: c }) => {
    const aux = c.auxData as { isDefault?: boolean } | undefined;
    contexts.set(c.id, { name: c.name, origin: c.origin, isDefault: aux?.isDefault !== false });
  });
  cdp.on('Debugger.scriptParsed', (event) => {
    const parsed = event as ScriptParsed;
    scripts.push({ ...parsed, context: contexts.get(parsed.executionContextId) });
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Debugger.enable');
  await page.goto(url, { waitUntil: 'load' });

  const counted = () =>
    scripts.filter((s) => {
      if (s.url.startsWith('chrome-extension://')) return true;
      const isolated = s.context ? !s.context.isDefault : s.executionContextAuxData?.isDefault === false;
      return isolated && !TOOLING_WORLD.test(s.context?.name ?? '');
    });

  return {
    page,
    cdp,
    report() {
      const found = counted().map((s) => ({
        url: s.url,
        bytes: s.length ?? 0,
        world: s.context?.name ?? '?',
        origin: s.context?.origin ?? '?',
      }));
      return { scripts: found, bytes: found.reduce((sum, s) => sum + s.bytes, 0) };
    },
    async control() {
      const { frameTree } = await cdp.send('Page.getFrameTree');
      const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: CONTROL_WORLD });
      await cdp.send('Runtime.evaluate', {
        expression: 'document.title.length + document.body.childElementCount',
        contextId: executionContextId,
      });
      return scripts.filter((s) => s.executionContextId === executionContextId).reduce((sum, s) => sum + (s.length ?? 0), 0);
    },
    async close() {
      await cdp.detach().catch(() => undefined);
      await page.close().catch(() => undefined);
    },
  };
}
