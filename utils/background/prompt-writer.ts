// Browser glue: writes the prompt with the configured provider — an OpenAI-compatible endpoint
// through the SDK, with visible automatic retries, or Chrome's built-in model — and fails with a
// row of the error table that means what it says for this endpoint (utils/endpoint-errors.ts).
import { languageModelIn } from '../builtin-model';
import { errorRow, PromptbrushError } from '../errors';
import type { ModelInfo } from '../models';
import { hasHostAccess } from '../permission-requests';
import { type RetryWait, withRetries } from '../retry';
import type { Settings } from '../settings';
import { streamWithBuiltin } from './builtin-writer';
import type { ChatRequest } from './chat-request';
import { classifyError } from './classify-error';
import { refineError, refineImageError } from './endpoint-errors';
import { createClient, listModels, streamChat } from './model-client';

export interface WriteOptions {
  signal: AbortSignal;
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

export async function writePrompt(settings: Settings, apiKey: string, request: ChatRequest, options: WriteOptions): Promise<string> {
  try {
    if (settings.provider === 'chrome-builtin') return await streamWithBuiltin(languageModelIn(globalThis), request, options);
    // The SDK's own retries are off: withRetries retries the same cases, but where the popup sees.
    const client = createClient({ baseUrl: settings.baseUrl, apiKey, timeoutMs: settings.requestTimeoutSeconds * 1000, maxRetries: 0 });
    return await withRetries(() => streamChat(client, request, options), {
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
