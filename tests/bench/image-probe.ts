// 8. Prompts from images in the production build: an image pasted into the real popup (the
// handler Ctrl/⌘+V reaches) → the chat request at the server, which decodes the image it got.
// The paste is dispatched from Node and the fake server runs in the same process, so both ends
// are read on one clock (the CDP round trip, well under a millisecond on loopback, is included).
import type { Page } from 'playwright-core';
import { openComposer } from '../e2e/harness';
import { type FakeOpenAI, preciseNow } from '../fixtures/fake-openai';
import { scenePng } from '../fixtures/png';

/** The pasted image: a 2400 × 1600 PNG, scaled to 1024 × 683 JPEG before it is sent. */
export const PASTED = { width: 2400, height: 1600 };

export interface ImagePasteRuns {
  pasteToRequestMs: number[];
  /** What the server received on the last run (decoded from the request). */
  sent: { width: number; height: number; bytes: number };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The composer (behind "New prompt" once a job shows) takes images only while the key is known. */
async function composerReady(popup: Page): Promise<unknown> {
  await openComposer(popup);
  return popup.waitForFunction(() =>
    [...document.querySelectorAll('button')].some((b) => b.textContent === 'Use selection on this page' && !b.disabled),
  );
}

export async function imagePasteRuns(popup: Page, server: FakeOpenAI, runs: number, warmup: number): Promise<ImagePasteRuns> {
  const b64 = scenePng(PASTED.width, PASTED.height).toString('base64');
  const times: number[] = [];
  for (let run = 0; run < warmup + runs; run++) {
    await composerReady(popup);
    const before = server.chatRequests().length;
    const start = preciseNow();
    await popup.getByTestId('composer').evaluate((box, b64) => {
      const data = new DataTransfer();
      data.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], 'bench.png', { type: 'image/png' }));
      box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, b64);
    for (let waited = 0; server.chatRequests().length === before; waited += 2) {
      if (waited > 30_000) throw new Error(`image run ${run}: no request at the server`);
      await sleep(2);
    }
    if (run >= warmup) times.push((server.chatRequests()[before]?.receivedAt as number) - start);
    await popup.waitForFunction(() => !document.querySelector('[data-status="expanding"], [data-status="capturing"]'));
  }
  const last = server.visionImages.at(-1);
  if (!last) throw new Error('The server decoded no image.');
  return { pasteToRequestMs: times, sent: { width: last.width, height: last.height, bytes: last.bytes } };
}
