import { describe, expect, it } from 'vitest';
import { DEDUPE_WINDOW_MS, DOUBLE_CLICK_MS, isDuplicateRequest, tabRequestKey, textRequestKey } from '../../utils/background/job-dedupe';

describe('double clicks never fire duplicate requests', () => {
  const active = (key: string, startedAt = 1000) => ({ jobId: 'j1', key, startedAt });

  it('the same text while its job runs and streams joins that job', () => {
    const key = textRequestKey('A fox in snow');
    expect(isDuplicateRequest(active(key), textRequestKey('  A fox in snow '), 1000 + DEDUPE_WINDOW_MS - 1, true)).toBe(true);
    expect(isDuplicateRequest({ ...active(key), lastActivityAt: 50_000 }, key, 55_000, true)).toBe(true);
  });

  it('the same text never joins a job that has shown no sign of life for the dedupe window (a stalled stream)', () => {
    const key = textRequestKey('A fox in snow');
    expect(isDuplicateRequest(active(key), key, 1000 + DEDUPE_WINDOW_MS, true)).toBe(false);
    expect(isDuplicateRequest({ ...active(key), lastActivityAt: 5000 }, key, 5000 + DEDUPE_WINDOW_MS, true)).toBe(false);
  });

  it('the same text asked with another craft choice is another request', () => {
    const flux = { target: 'flux', style: 'none', aspectRatio: '1:1', variationCount: 1 } as const;
    const key = textRequestKey('A fox', flux);
    expect(isDuplicateRequest(active(key), textRequestKey('A fox', flux), 1001, true)).toBe(true);
    for (const other of [
      { ...flux, target: 'midjourney' },
      { ...flux, style: 'watercolor' },
      { ...flux, aspectRatio: '16:9' },
      { ...flux, variationCount: 3 },
    ] as const) {
      expect(isDuplicateRequest(active(key), textRequestKey('A fox', other), 1001, true)).toBe(false);
    }
    const menu = tabRequestKey(4, 0, 'The storm', { target: 'flux' });
    expect(isDuplicateRequest(active(menu), tabRequestKey(4, 0, 'The storm', { target: 'midjourney' }), 1001, true)).toBe(false);
    expect(isDuplicateRequest(active(menu), tabRequestKey(4, 0, 'The storm', { target: 'flux' }), 1001, true)).toBe(true);
  });

  it('other text replaces the running job', () => {
    expect(isDuplicateRequest(active(textRequestKey('A fox')), textRequestKey('A cat'), 1001, true)).toBe(false);
  });

  it('the same request once the job has finished starts a new one', () => {
    const key = textRequestKey('A fox');
    expect(isDuplicateRequest(active(key), key, 1001, false)).toBe(false);
    expect(isDuplicateRequest(null, key, 1001, true)).toBe(false);
  });

  it('the same menu selection joins; a tab read without text joins only within the double-click window', () => {
    const sel = tabRequestKey(4, 0, 'The storm came in');
    expect(sel).not.toBe(tabRequestKey(4, 0, 'Another selection'));
    expect(isDuplicateRequest(active(sel), tabRequestKey(4, undefined, 'The storm came in'), 9000, true)).toBe(true);
    const tab = tabRequestKey(4, undefined, undefined);
    expect(isDuplicateRequest(active(tab), tab, 1000 + DOUBLE_CLICK_MS - 1, true)).toBe(true);
    expect(isDuplicateRequest(active(tab), tab, 1000 + DOUBLE_CLICK_MS, true)).toBe(false);
    expect(isDuplicateRequest(active(tab), tabRequestKey(5, undefined, undefined), 1001, true)).toBe(false);
  });
});
