// Browser glue: writes the prompt with the configured provider — an OpenAI-compatible endpoint
// through the SDK, with visible automatic retries, or Chrome's built-in model — and fails with a
// row of the error table that means what it says for this endpoint (utils/endpoint-errors.ts).
import { languageModelIn } from '../builtin-model';
import { errorRow, PromptbrushError } from '../errors';
import type { ModelInfo } from '../models';
import { hasHostAccess } from '../permission-requests';
import { type RetryWait, withRetries } from '../retry';
import type { Settings } from '../settings';
import { type AnswerBounds, tokenLimitFields, tokenParamAfter } from './answer-bounds';
import { streamWithBuiltin } from './builtin-writer';
import type { ChatRequest } from './chat-request';
import { classifyError } from './classify-error';
import { refineError, refineImageError } from './endpoint-errors';
import { createClient, listModels, type StreamedAnswer, streamChat } from './model-client';
import { StreamWatch, streamLimits } from './stream-watch';
import { rememberTokenParam, tokenParamFor } from './token-param-store';

export interface WriteOptions {
  signal: AbortSignal;
  /** The answer's token limit and character cap (answerBounds); none when absent. */
  bounds?: AnswerBounds;
  onDelta: (delta: string) => void;
  /** The background is waiting to retry (or, with null, no longer waiting). */
  onWait: (wait: RetryWait | null) => unknown;
}

/** The name shown for the on-device model ("Writing with …"). */
export const BUILTIN_MODEL_NAME = "Chrome's built-in model";

/**
 * What an error means for the configured endpoint (Ollama's 403, a refused permission, offline),
 * and for a request with an image, whether the model said it cannot read one.
 */
async function explain(error: unknown, settings: Settings, apiKey: string, withImage = false): Promise<PromptbrushError> {
  const jobError = errorRow(error, (other) => classifyError(other, [apiKey]));
  const hostAccess = settings.provider === 'chrome-builtin' ? true : await hasHostAccess(settings.baseUrl);
  const refined = refineError(jobError, { provider: settings.provider, baseUrl: settings.baseUrl, hostAccess, online: navigator.onLine });
  return PromptbrushError.of(withImage ? refineImageError(refined) : refined);
}

/** The configured endpoint's models (for "Automatic"); throws an explained PromptbrushError. */
export async function listEndpointModels(settings: Settings, apiKey: string, signal: AbortSignal): Promise<ModelInfo[]> {
  try {
    return await listModels(createClient({ baseUrl: settings.baseUrl, apiKey, timeoutMs: 15_000, maxRetries: 1 }), signal);
  } catch (error) {
    throw await explain(error, settings, apiKey);
  }
}

/**
 * One request through the SDK, under its own deadlines: the time limit for the whole answer and
 * the idle limit once it has begun. A server that refuses the token-limit parameter is asked
 * again at once with the next one, and the endpoint's answer is remembered.
 */
async function attemptOnce(settings: Settings, apiKey: string, request: ChatRequest, options: WriteOptions): Promise<StreamedAnswer> {
  const { bounds } = options;
  let param = await tokenParamFor(settings.baseUrl);
  for (;;) {
    const watch = new StreamWatch(streamLimits(settings), options.signal);
    try {
      const client = createClient({
        baseUrl: settings.baseUrl,
        apiKey,
        timeoutMs: settings.requestTimeoutSeconds * 1000,
        maxRetries: 0,
        onActivity: () => watch.activity(),
      });
      return await streamChat(client, request, {
        signal: options.signal,
        watch,
        onDelta: options.onDelta,
        ...(bounds ? { maxChars: bounds.maxChars, extra: tokenLimitFields(param, bounds.maxTokens) } : {}),
      });
    } catch (error) {
      const next = bounds ? tokenParamAfter(error, param) : null;
      if (!next) throw error;
      param = next;
      await rememberTokenParam(settings.baseUrl, next);
    } finally {
      watch.dispose();
    }
  }
}

export async function writePrompt(
  settings: Settings,
  apiKey: string,
  request: ChatRequest,
  options: WriteOptions,
): Promise<StreamedAnswer> {
  try {
    if (settings.provider === 'chrome-builtin') {
      const watch = new StreamWatch(streamLimits(settings), options.signal);
      try {
        return await streamWithBuiltin(languageModelIn(globalThis), request, { ...options, watch });
      } finally {
        watch.dispose();
      }
    }
    // The SDK's own retries are off: withRetries retries the same cases, but where the popup sees.
    return await withRetries(() => attemptOnce(settings, apiKey, request, options), {
      classify: (error) => classifyError(error, [apiKey]),
      onWait: options.onWait,
      signal: options.signal,
    });
  } catch (error) {
    throw await explain(error, settings, apiKey, request.image !== undefined);
  } finally {
    await options.onWait(null);
  }
}
