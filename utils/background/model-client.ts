// Talks to the model through the official openai SDK: streaming chat and the model list.
// No browser APIs: the same code runs in the service worker and in Node tests.
import OpenAI, { APIUserAbortError, OpenAIError } from 'openai';
import { PromptbrushError } from '../errors';
import type { ModelInfo } from '../models';
import { type ChatRequest, wireMessages } from './chat-request';
import { reportingBytes, type StreamWatch } from './stream-watch';

export interface ProviderConfig {
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
  /** SDK retries on connection errors, 408/409/429/5xx (never on quota: see noRetryOnQuota). */
  maxRetries?: number;
  fetch?: typeof fetch;
  /** Called whenever bytes arrive (headers, each chunk of a body): feeds a StreamWatch's idle clock. */
  onActivity?: () => void;
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
  const base = config.fetch ?? ((input, init) => fetch(input, init));
  return new OpenAI({
    apiKey: config.apiKey,
    baseURL: config.baseUrl,
    timeout: config.timeoutMs,
    maxRetries: config.maxRetries ?? 2,
    // The key is the person's own and lives in the extension's background; this is the only
    // place where a "browser" client is created.
    dangerouslyAllowBrowser: true,
    fetch: noRetryOnQuota(config.onActivity ? reportingBytes(base, config.onActivity) : base),
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
  /** Deadlines (total, idle): the request runs on the watch's signal, which includes `signal`. */
  watch?: StreamWatch;
  /** The answer is cut at this many characters: the request is stopped, and what arrived is kept. */
  maxChars?: number;
  /** Extra body fields (the token limit). */
  extra?: Record<string, unknown>;
}

export interface StreamedAnswer {
  text: string;
  /** True when the answer reached `maxChars` and the rest was not read. */
  cut: boolean;
}

/** Why the answer was cut short on purpose (the watch's stop reason). */
const CUT = Symbol('cut');

/**
 * A 200 whose body is a web page, not the API (captive portals, proxies, a website's base URL):
 * the SDK would read it as an empty stream or as text.
 */
export function assertApiResponse(response: Response): void {
  const type = response.headers.get('content-type') ?? '';
  if (/text\/html|application\/xhtml/i.test(type)) {
    throw new PromptbrushError(
      'not-an-api',
      `The answer was ${type.split(';')[0]} (HTTP ${response.status}), not the API's JSON or event stream.`,
    );
  }
}

/** What a stopped request means: a deadline or the silence (the watch's reason), or the person's Cancel. */
function stoppedError(options: { signal?: AbortSignal; watch?: StreamWatch }): unknown {
  const reason = options.watch?.reason;
  if (reason !== undefined && reason !== CUT) return reason;
  return options.signal?.aborted || options.watch?.signal.aborted ? new APIUserAbortError() : undefined;
}

/**
 * Streams a chat completion, calling onDelta for each piece of text; returns the whole text, or,
 * at `maxChars`, what arrived up to there (never more: the job's prompt stays within the cap).
 */
export async function streamChat(client: OpenAI, request: ChatRequest, options: StreamOptions): Promise<StreamedAnswer> {
  const { watch, maxChars = Number.POSITIVE_INFINITY } = options;
  const signal = watch?.signal ?? options.signal;
  let text = '';
  let cut = false;
  try {
    const { data: stream, response } = await client.chat.completions
      .create({ model: request.model, messages: wireMessages(request), ...options.extra, stream: true }, { signal })
      .withResponse();
    watch?.activity();
    assertApiResponse(response);
    for await (const chunk of stream) {
      watch?.activity();
      const delta = chunk.choices[0]?.delta?.content;
      if (!delta) continue;
      const room = maxChars - text.length;
      const piece = delta.length > room ? delta.slice(0, room) : delta;
      text += piece;
      if (piece) options.onDelta(piece);
      if (text.length >= maxChars) {
        cut = true;
        watch?.stop(CUT);
        break;
      }
    }
  } catch (error) {
    if (cut) return { text, cut };
    const stopped = stoppedError(options);
    if (stopped) throw stopped;
    // Errors the SDK typed itself (an error event in the stream, an abort) keep their type; a
    // raw network error here means the connection broke after the answer had started.
    if (error instanceof OpenAIError || error instanceof PromptbrushError) throw error;
    // The SDK could not read an event as JSON: whatever streams here is not the API.
    if (error instanceof SyntaxError) throw new PromptbrushError('not-an-api', 'The stream carried something other than the API events.');
    throw new StreamCutError(error);
  }
  if (cut) return { text, cut };
  // The SDK ends the iteration quietly when aborted; a stopped stream must not look finished.
  const stopped = stoppedError(options);
  if (stopped) throw stopped;
  return { text, cut };
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
