// Accessibility of the options page and the welcome, in light and dark: axe-core (injected into
// the real page) finds no serious or critical violation, every control's border stands out from
// what is behind it (≥ 3:1), and the screenshots of both pages in both themes are taken here.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configure, E2E_BUILD, type Session, screenshotPath, startSession, waitSaved } from './harness';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const THEMES = ['light', 'dark'] as const;

// One browser at a time: the English one for the themes, then a German one.
let session: Session;

interface Finding {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe-core's serious and critical violations on the page as it is now. */
async function seriousViolations(page: Page): Promise<Finding[]> {
  // Extension pages forbid inline scripts (page.addScriptTag): evaluated through DevTools instead.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: never[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return (result.violations as { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[]).map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((node) => node.target.join(' ')),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Controls whose edge (border, or their own background) is below 3:1 against what is behind them. */
async function faintControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const rgb = (value: string) => {
      const parts = value.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0, 0];
      return { r: parts[0] ?? 0, g: parts[1] ?? 0, b: parts[2] ?? 0, a: parts[3] ?? 1 };
    };
    const luminance = ({ r, g, b }: { r: number; g: number; b: number }) => {
      const f = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const contrast = (a: string, b: string) => {
      const [x, y] = [luminance(rgb(a)), luminance(rgb(b))].sort((p, q) => q - p) as [number, number];
      return (x + 0.05) / (y + 0.05);
    };
    const behind = (element: Element | null): string => {
      for (let node = element; node; node = node.parentElement) {
        const color = getComputedStyle(node).backgroundColor;
        if (rgb(color).a > 0) return color;
      }
      return getComputedStyle(document.documentElement).backgroundColor || 'rgb(255, 255, 255)';
    };
    const faint: string[] = [];
    for (const control of document.querySelectorAll(
      'input:not([type="checkbox"]):not([type="radio"]):not([type="file"]), select, textarea, button:not(.link), a.link-button',
    )) {
      const element = control as HTMLElement;
      if ((element as HTMLButtonElement).disabled || element.offsetParent === null) continue;
      const style = getComputedStyle(element);
      const back = behind(element.parentElement);
      const edge = Number.parseFloat(style.borderTopWidth) > 0 ? contrast(style.borderTopColor, back) : 0;
      const fill = rgb(style.backgroundColor).a > 0 ? contrast(style.backgroundColor, back) : 0;
      if (Math.max(edge, fill) < 3)
        faint.push(
          `${element.tagName.toLowerCase()}#${element.id || element.textContent?.trim().slice(0, 30)}: ${Math.max(edge, fill).toFixed(2)}`,
        );
    }
    return faint;
  });
}

async function open(theme: (typeof THEMES)[number], hash: string, on: Session = session): Promise<Page> {
  const page = await on.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: theme });
  await page.goto(`chrome-extension://${on.extensionId}/options.html${hash}`);
  await page.getByTestId('save-status').waitFor();
  return page;
}

describe('in English', () => {
  beforeAll(async () => {
    session = await startSession();
    await configure(session);
  });
  afterAll(async () => {
    await session?.close();
  });

  describe.each(THEMES)('options page and welcome, %s theme', (theme) => {
    it('the options page: every section, with the index, the model list, a test report and the templates open', async () => {
      const page = await open(theme, '');
      await page.locator('select#chat-model').waitFor({ timeout: 10_000 });
      await page.getByRole('button', { name: 'Test connection' }).click();
      await page.getByTestId('test-report').waitFor({ timeout: 10_000 });
      // A change, so the save bar says Saved.
      await page.getByLabel('Page title').uncheck();
      await waitSaved(page);
      // The window as a person sees it: the index beside the first sections, the save line below.
      await page.evaluate(() => window.scrollTo(0, 0));
      await expect.poll(() => page.getByRole('link', { name: 'Provider' }).getAttribute('aria-current')).toBe('location');
      await page.screenshot({ path: screenshotPath(`options-${theme}.png`) });
      for (const summary of await page.locator('.templates summary').all()) await summary.click();
      const nav = page.getByRole('navigation', { name: 'Sections' });
      expect(await nav.getByRole('link').count()).toBe(8);
      // The index stays in view beside the sections on a wide window.
      await page.locator('#section-limits').scrollIntoViewIfNeeded();
      await expect.poll(() => nav.evaluate((element) => element.getBoundingClientRect().top)).toBeGreaterThanOrEqual(0);
      expect(await nav.evaluate((element) => getComputedStyle(element).position)).toBe('sticky');
      await expect.poll(() => nav.getByRole('link', { name: 'Limits' }).getAttribute('aria-current')).toBe('location');

      expect(await seriousViolations(page)).toEqual([]);
      expect(await faintControls(page)).toEqual([]);
      // The checks see what they should: faint text, an unnamed field and a faint border are reported.
      await page.evaluate(() => {
        const probe = document.createElement('div');
        probe.id = 'probe';
        probe.style.background = '#fff';
        probe.innerHTML = '<p style="color:#bbb">faint</p><input style="border:1px solid #eee;background:#fff">';
        document.querySelector('main')?.append(probe);
      });
      expect((await seriousViolations(page)).map((v) => v.id).sort()).toEqual(['color-contrast', 'label']);
      expect(await faintControls(page)).toHaveLength(1);
      await page.evaluate(() => document.getElementById('probe')?.remove());
      await page.getByLabel('Page title').check();
      await waitSaved(page);
      await page.close();
    });

    it('the welcome: every step, after a try on the sample paragraph', async () => {
      const page = await open(theme, '#welcome');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Welcome to Promptbrush');
      await page.getByRole('button', { name: 'Write a prompt' }).click();
      await expect.poll(() => page.getByTestId('welcome-status').textContent(), { timeout: 15_000 }).toBe('Prompt ready.');
      expect((await page.getByTestId('welcome-prompt').textContent())?.length).toBeGreaterThan(20);
      await page.screenshot({ path: screenshotPath(`welcome-${theme}.png`), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);
      expect(await faintControls(page)).toEqual([]);
      await page.close();
    });
  });
});

describe('in German (a browser whose language is German)', () => {
  let german: Session;
  beforeAll(async () => {
    german = await startSession(E2E_BUILD, ['--lang=de']);
    await configure(german);
  });
  afterAll(async () => {
    await german?.close();
  });

  it('shows the welcome and the settings in German, numbers and dates in German form, with no serious violation', async () => {
    const page = await open('light', '#welcome', german);
    expect(await page.evaluate(() => document.documentElement.lang)).toMatch(/^de/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Willkommen bei Promptbrush');
    expect(await page.title()).toBe('Willkommen bei Promptbrush');
    await page.getByRole('button', { name: 'Prompt schreiben' }).click();
    await expect.poll(() => page.getByTestId('welcome-status').textContent(), { timeout: 15_000 }).toBe('Prompt fertig.');
    await page.screenshot({ path: screenshotPath('welcome-de.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Alle Einstellungen' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Promptbrush-Einstellungen');
    expect(await page.getByTestId('save-status').textContent()).toBe('Änderungen werden sofort gespeichert.');
    // "1 von 500 Einträgen (1 Prompt, 0 Bilder) · 1,2 KB von 200 MB (0 %)": German plurals and number forms.
    await expect
      .poll(() => page.getByTestId('history-usage').textContent())
      .toMatch(/^1 von 500 Einträgen \(1 Prompt, 0 Bilder\) · [\d,]+ (B|KB) von 200 MB \(0\s%\)$/);
    await page.getByLabel('Seitentitel').uncheck();
    await expect.poll(() => page.getByTestId('save-status').textContent()).toBe('Gespeichert.');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});
