// Talks to the model through the official openai SDK: streaming chat and the model list.
// No browser APIs: the same code runs in the service worker and in Node tests.
import OpenAI, { APIUserAbortError, OpenAIError } from 'openai';
import type { ModelInfo } from '../models';
import { type ChatRequest, wireMessages } from './chat-request';

export interface ProviderConfig {
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
  /** SDK retries on connection errors, 408/409/429/5xx (never on quota: see noRetryOnQuota). */
  maxRetries?: number;
  fetch?: typeof fetch;
}

/**
 * The SDK retries every 429, but a 429 with `insufficient_quota` means "no credit left": retrying
 * only delays the bad news (and, for images, could bill twice once credit returns). This fetch
 * marks such answers with the header the SDK obeys (`x-should-retry: false`).
 */
export function noRetryOnQuota(base: typeof fetch): typeof fetch {
  return async (input, init) => {
    const response = await base(input, init);
    if (response.status !== 429) return response;
    const body = await response
      .clone()
      .text()
      .catch(() => '');
    if (!body.includes('insufficient_quota')) return response;
    const headers = new Headers(response.headers);
    headers.set('x-should-retry', 'false');
    return new Response(body, { status: response.status, statusText: response.statusText, headers });
  };
}

export function createClient(config: ProviderConfig): OpenAI {
  return new OpenAI({
    apiKey: config.apiKey,
    baseURL: config.baseUrl,
    timeout: config.timeoutMs,
    maxRetries: config.maxRetries ?? 2,
    // The key is the person's own and lives in the extension's background; this is the only
    // place where a "browser" client is created.
    dangerouslyAllowBrowser: true,
    fetch: noRetryOnQuota(config.fetch ?? ((input, init) => fetch(input, init))),
  });
}

/** The connection dropped after the model had started answering. */
export class StreamCutError extends Error {
  constructor(override readonly cause: unknown) {
    super('The connection was cut while the answer was streaming.');
  }
}

export interface StreamOptions {
  signal?: AbortSignal;
  onDelta: (delta: string) => void;
}

/** Streams a chat completion, calling onDelta for each piece of text; returns the whole text. */
export async function streamChat(client: OpenAI, request: ChatRequest, options: StreamOptions): Promise<string> {
  const stream = await client.chat.completions.create(
    { model: request.model, messages: wireMessages(request), stream: true },
    { signal: options.signal },
  );
  let text = '';
  try {
    for await (const chunk of stream) {
      const delta = chunk.choices[0]?.delta?.content;
      if (delta) {
        text += delta;
        options.onDelta(delta);
      }
    }
  } catch (error) {
    // Errors the SDK typed itself (an error event in the stream, an abort) keep their type; a
    // raw network error here means the connection broke after the answer had started.
    if (error instanceof OpenAIError) throw error;
    throw new StreamCutError(error);
  }
  // The SDK ends the iteration quietly when aborted; a cancelled stream must not look finished.
  if (options.signal?.aborted) throw new APIUserAbortError();
  return text;
}

function shutdownSeconds(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value !== '') {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
  }
  return undefined;
}

/** What the model takes as input, where the endpoint says (OpenRouter: `architecture.input_modalities`). */
function inputModalities(model: object): string[] | undefined {
  const listed = (model as { architecture?: { input_modalities?: unknown } }).architecture?.input_modalities;
  return Array.isArray(listed) ? listed.filter((m): m is string => typeof m === 'string').slice(0, 10) : undefined;
}

export async function listModels(client: OpenAI, signal?: AbortSignal): Promise<ModelInfo[]> {
  const models: ModelInfo[] = [];
  for await (const model of client.models.list({ signal })) {
    const modalities = inputModalities(model);
    models.push({
      id: model.id,
      created: typeof model.created === 'number' ? model.created : undefined,
      shutdownDate: shutdownSeconds((model as { shutdown_date?: unknown }).shutdown_date),
      ...(modalities ? { inputModalities: modalities } : {}),
    });
  }
  return models;
}
