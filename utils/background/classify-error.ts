// Turns whatever a model call threw into a row of the error table (utils/error-kinds.ts), with
// the provider's own words scrubbed of anything that looks like a key. Background only: it
// imports the SDK's error classes.
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
} from 'openai';
import type { JobError } from '../errors';
import { StreamCutError } from './model-client';

const KEY_LIKE = /\b(sk|pk|rk|or|gsk|xai)-[A-Za-z0-9_*-]{6,}/g;

/** Removes the key itself and anything key-shaped from a message, and bounds its length. */
export function scrubSecrets(message: string, secrets: readonly string[] = []): string {
  let out = message;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join('[key]');
  }
  return out.replace(KEY_LIKE, '[key]').slice(0, 300);
}

function retryAfterSeconds(headers: Headers | undefined): number | undefined {
  const ms = Number(headers?.get('retry-after-ms') ?? Number.NaN);
  if (Number.isFinite(ms) && ms >= 0) return Math.ceil(ms / 1000);
  const value = headers?.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

const CONTEXT_CODES = new Set(['context_length_exceeded', 'string_above_max_length']);

/** The kind an HTTP status stands for (an error event may carry one as its code, as OpenRouter's do). */
function kindOfStatus(status: number): JobError['kind'] | undefined {
  if (status === 401) return 'invalid-key';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'model-not-found';
  if (status === 408) return 'timeout';
  if (status === 429) return 'rate-limited';
  if (status === 400 || status === 413 || status === 422) return 'bad-request';
  if (status >= 500 && status < 600) return 'server';
  return undefined;
}

/**
 * An error event inside a stream that began with a 200 (`data: {"error": {...}}`): the SDK throws
 * it as an APIError without a status. Its code says what it is where it can; otherwise it is the
 * provider stopping with an error mid-answer.
 */
function streamEventError(error: APIError, detail: string | undefined): JobError {
  const code = error.code ?? (error.error as { code?: unknown } | undefined)?.code;
  const numeric = typeof code === 'number' ? code : typeof code === 'string' && /^\d{3}$/.test(code) ? Number(code) : undefined;
  const fromStatus = numeric !== undefined ? kindOfStatus(numeric) : undefined;
  // Passing trouble (a rate limit, an upstream failure) mid-answer: Retry, with the text so far kept.
  if (!fromStatus || fromStatus === 'rate-limited' || fromStatus === 'server' || fromStatus === 'timeout')
    return { kind: 'stream-error', detail };
  return { kind: fromStatus, detail };
}

export function classifyError(error: unknown, secrets: readonly string[] = []): JobError {
  const detail = (e: { message?: string }) => (e.message ? scrubSecrets(e.message, secrets) : undefined);
  if (error instanceof APIUserAbortError) return { kind: 'cancelled' };
  if (error instanceof StreamCutError) return { kind: 'stream-cut' };
  if (error instanceof APIConnectionTimeoutError) return { kind: 'timeout' };
  if (error instanceof APIConnectionError) return { kind: 'offline', detail: detail(error) };
  if (error instanceof APIError) {
    const code = error.code ?? undefined;
    if (code === 'moderation_blocked' || code === 'content_policy_violation' || code === 'content_filter') {
      return { kind: 'refused', detail: detail(error) };
    }
    if (code && CONTEXT_CODES.has(code)) return { kind: 'too-long', detail: detail(error) };
    if (code === 'insufficient_quota' || error.type === 'insufficient_quota') return { kind: 'quota', detail: detail(error) };
    if (error.status === undefined) return streamEventError(error, detail(error));
    if (error instanceof AuthenticationError) return { kind: 'invalid-key', detail: detail(error) };
    if (error instanceof PermissionDeniedError) return { kind: 'forbidden', detail: detail(error) };
    if (error instanceof NotFoundError) return { kind: 'model-not-found', detail: detail(error) };
    if (error instanceof RateLimitError) {
      if (code === 'insufficient_quota' || error.type === 'insufficient_quota') return { kind: 'quota', detail: detail(error) };
      return { kind: 'rate-limited', detail: detail(error), retryAfterSeconds: retryAfterSeconds(error.headers) };
    }
    if (error instanceof BadRequestError) return { kind: 'bad-request', detail: detail(error) };
    if (error instanceof InternalServerError) {
      const wait = retryAfterSeconds(error.headers);
      return { kind: 'server', detail: detail(error), ...(wait !== undefined ? { retryAfterSeconds: wait } : {}) };
    }
    return { kind: 'unknown', detail: detail(error) };
  }
  if (error instanceof DOMException && error.name === 'AbortError') return { kind: 'cancelled' };
  if (error instanceof Error) return { kind: 'unknown', detail: detail(error) };
  return { kind: 'unknown' };
}
