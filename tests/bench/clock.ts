// Node and each Chromium process keep their own clock. Times taken in a page
// (`performance.timeOrigin + performance.now()`) and in Node (the same expression) are both epoch
// milliseconds, but may disagree by a little; this measures by how much, so that times taken on
// both sides (click in the page → request at the server) can be compared.
import type { Page } from 'playwright-core';
import { preciseNow } from '../fixtures/fake-openai';

export interface ClockOffset {
  /** Page clock minus Node clock, in ms: node time = page time − offsetMs. */
  offsetMs: number;
  /** Half the round trip of the best sample: the offset is right within ± this. */
  uncertaintyMs: number;
}

/** The offset from the sample with the shortest round trip, out of `samples`. */
export async function measureClockOffset(page: Page, samples = 15): Promise<ClockOffset> {
  let best: ClockOffset = { offsetMs: 0, uncertaintyMs: Number.POSITIVE_INFINITY };
  for (let i = 0; i < samples; i++) {
    const before = preciseNow();
    const inPage = await page.evaluate(() => performance.timeOrigin + performance.now());
    const after = preciseNow();
    const uncertaintyMs = (after - before) / 2;
    if (uncertaintyMs < best.uncertaintyMs) best = { offsetMs: inPage - (before + after) / 2, uncertaintyMs };
  }
  return best;
}
