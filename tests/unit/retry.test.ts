import { describe, expect, it } from 'vitest';
import { type JobError, PromptbrushError } from '../../utils/errors';
import { MAX_WAIT_SECONDS, type RetryWait, retryDelayMs, withRetries } from '../../utils/retry';

const half = () => 0.5;

describe('retryDelayMs', () => {
  it('honours retry-after on a rate limit', () => {
    expect(retryDelayMs({ kind: 'rate-limited', retryAfterSeconds: 3 }, 1, half)).toBe(3000);
    expect(retryDelayMs({ kind: 'rate-limited', retryAfterSeconds: 0 }, 1, half)).toBe(500);
  });

  it('backs off exponentially without retry-after, up to three retries', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs({ kind: 'rate-limited' }, n, half))).toEqual([1000, 2000, 4000, null]);
  });

  it('retries server errors twice', () => {
    expect([1, 2, 3].map((n) => retryDelayMs({ kind: 'server' }, n, half))).toEqual([1000, 2000, null]);
  });

  it('does not wait longer than the worker can stay alive: it reports instead', () => {
    expect(retryDelayMs({ kind: 'rate-limited', retryAfterSeconds: MAX_WAIT_SECONDS + 1 }, 1, half)).toBeNull();
  });

  it.each(['quota', 'invalid-key', 'forbidden', 'model-not-found', 'timeout', 'offline', 'refused', 'too-long'] as const)(
    'never retries %s',
    (kind) => {
      expect(retryDelayMs({ kind }, 1, half)).toBeNull();
    },
  );
});

describe('withRetries', () => {
  // Only foreign errors reach the classifier: a PromptbrushError is its own row.
  const classify = (): JobError => ({ kind: 'unknown' });

  it('waits visibly, then succeeds', async () => {
    const waits: (RetryWait | null)[] = [];
    const slept: number[] = [];
    let calls = 0;
    const result = await withRetries(
      async () => {
        calls++;
        if (calls < 3) throw new PromptbrushError('rate-limited', undefined, { retryAfterSeconds: 2 });
        return 'done';
      },
      { classify, onWait: (w) => waits.push(w), sleep: async (ms) => void slept.push(ms), now: () => 1000 },
    );
    expect(result).toBe('done');
    expect(slept).toEqual([2000, 2000]);
    expect(waits).toEqual([
      { kind: 'rate-limited', attempt: 2, maxAttempts: 4, until: 3000 },
      null,
      { kind: 'rate-limited', attempt: 3, maxAttempts: 4, until: 3000 },
      null,
    ]);
  });

  it('gives up with the last error after the allowed retries', async () => {
    let calls = 0;
    const failing = withRetries(
      async () => {
        calls++;
        throw new PromptbrushError('server');
      },
      { classify, onWait: () => undefined, sleep: async () => undefined, random: half },
    );
    await expect(failing).rejects.toMatchObject({ kind: 'server' });
    expect(calls).toBe(3);
  });

  it('fails at once on quota', async () => {
    let calls = 0;
    const failing = withRetries(
      async () => {
        calls++;
        throw new PromptbrushError('quota');
      },
      { classify, onWait: () => undefined, sleep: async () => undefined },
    );
    await expect(failing).rejects.toMatchObject({ kind: 'quota' });
    expect(calls).toBe(1);
  });

  it('stops waiting when cancelled', async () => {
    const controller = new AbortController();
    const failing = withRetries(
      async () => {
        throw new PromptbrushError('rate-limited', undefined, { retryAfterSeconds: 5 });
      },
      { classify, onWait: (w) => w && controller.abort(), signal: controller.signal },
    );
    await expect(failing).rejects.toBeInstanceOf(PromptbrushError);
    await expect(failing).rejects.toMatchObject({ kind: 'cancelled' });
  });
});
