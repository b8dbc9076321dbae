// Instruments the real popup page without touching its code: records when a click reaches the page,
// and every change in the length of the prompt's text (the textarea's value is a property, so it is
// read on every DOM mutation — the character count next to it changes with it — and on every frame).
// Elements are found by data-testid only, so the popup's layout can change freely.
import type { Page } from 'playwright-core';

export interface PopupTrace {
  /** Page-clock epoch ms at which each click reached the document (capture phase, before any handler). */
  clicks: number[];
  /** Page-clock epoch ms and the prompt's length, each time the length changed. */
  samples: { t: number; length: number }[];
  /** The prompt's text now. */
  value: string;
}

type BenchWindow = Window & { __promptbrushBench?: { clicks: number[]; samples: { t: number; length: number }[] } };

export async function instrumentPopup(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as BenchWindow;
    if (w.__promptbrushBench) return;
    const trace = { clicks: [] as number[], samples: [] as { t: number; length: number }[] };
    w.__promptbrushBench = trace;
    const now = () => performance.timeOrigin + performance.now();
    document.addEventListener('click', () => trace.clicks.push(now()), { capture: true });
    let last = -1;
    const sample = () => {
      const box = document.querySelector<HTMLTextAreaElement>('[data-testid="prompt"]');
      const length = box ? box.value.length : 0;
      if (length !== last) {
        last = length;
        trace.samples.push({ t: now(), length });
      }
    };
    new MutationObserver(sample).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    const everyFrame = () => {
      sample();
      requestAnimationFrame(everyFrame);
    };
    requestAnimationFrame(everyFrame);
  });
}

/** Clears the trace; the next sample starts from the prompt's current length. */
export async function resetTrace(page: Page): Promise<void> {
  await page.evaluate(() => {
    const trace = (window as BenchWindow).__promptbrushBench;
    if (!trace) throw new Error('popup not instrumented');
    trace.clicks.length = 0;
    trace.samples.length = 0;
  });
}

export function readTrace(page: Page): Promise<PopupTrace> {
  return page.evaluate(() => {
    const trace = (window as BenchWindow).__promptbrushBench;
    if (!trace) throw new Error('popup not instrumented');
    const box = document.querySelector<HTMLTextAreaElement>('[data-testid="prompt"]');
    return { clicks: [...trace.clicks], samples: [...trace.samples], value: box?.value ?? '' };
  });
}

/** Waits until a new prompt has streamed in completely since the last reset (the text was replaced, then grew to `reply`). */
export async function waitForNewPrompt(page: Page, reply: string, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    (reply) => {
      const trace = (window as BenchWindow).__promptbrushBench;
      const box = document.querySelector<HTMLTextAreaElement>('[data-testid="prompt"]');
      return Boolean(trace?.samples.some((s) => s.length < reply.length)) && box?.value === reply;
    },
    reply,
    { timeout },
  );
}
