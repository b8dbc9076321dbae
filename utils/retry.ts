// Automatic retries of a model request, visible to the person ("retrying in 3 s"). Pure: the
// clock, the sleep and the randomness are parameters.
//
// The SDK can retry by itself, but silently; model requests run with the SDK's retries off and
// go through here instead, so that the popup can show the wait. Only rate limits (429, but never
// insufficient_quota, which classify-error reports as `quota`) and server errors (5xx) are
// retried: every other failure would fail the same way again.
import type { ErrorKind } from './error-kinds';
import { errorRow, type JobError, PromptbrushError } from './errors';

export interface RetryWait {
  kind: ErrorKind;
  /** The attempt about to be made, counting the first (2 = first retry). */
  attempt: number;
  maxAttempts: number;
  /** When it will be made (ms since the epoch). */
  until: number;
}

/** Retries per kind; a wait longer than MAX_WAIT_SECONDS is not waited for but reported. */
const RETRIES: Partial<Record<ErrorKind, number>> = { 'rate-limited': 3, server: 2 };
export const MAX_WAIT_SECONDS = 20;

export function maxAttemptsFor(kind: ErrorKind): number {
  return 1 + (RETRIES[kind] ?? 0);
}

/**
 * How long to wait before retry number `retry` (1 = first retry) after `error`, or null to give
 * up. Honours the provider's retry-after; otherwise backs off exponentially with jitter.
 */
export function retryDelayMs(error: JobError, retry: number, random: () => number = Math.random): number | null {
  if (retry > (RETRIES[error.kind] ?? 0)) return null;
  if (error.retryAfterSeconds !== undefined) {
    if (error.retryAfterSeconds > MAX_WAIT_SECONDS) return null;
    return Math.max(500, error.retryAfterSeconds * 1000);
  }
  const base = 1000 * 2 ** (retry - 1);
  return Math.round(base * (0.75 + random() * 0.5));
}

export interface RetryOptions {
  /** Turns what an attempt threw into a row of the error table. */
  classify: (error: unknown) => JobError;
  /** Called before each wait, and with null when the next attempt starts. */
  onWait: (wait: RetryWait | null) => unknown;
  signal?: AbortSignal;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
  random?: () => number;
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new DOMException('Aborted', 'AbortError'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new DOMException('Aborted', 'AbortError'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Runs `attempt` until it succeeds or fails in a way not worth retrying; throws a PromptbrushError. */
export async function withRetries<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<T> {
  const sleep = options.sleep ?? abortableSleep;
  const now = options.now ?? Date.now;
  for (let retry = 1; ; retry++) {
    try {
      return await attempt();
    } catch (thrown) {
      const error = errorRow(thrown, options.classify);
      const delay = options.signal?.aborted ? null : retryDelayMs(error, retry, options.random);
      if (delay === null) throw PromptbrushError.of(error);
      await options.onWait({ kind: error.kind, attempt: retry + 1, maxAttempts: maxAttemptsFor(error.kind), until: now() + delay });
      try {
        await sleep(delay, options.signal);
      } catch {
        throw new PromptbrushError('cancelled');
      }
      await options.onWait(null);
    }
  }
}
