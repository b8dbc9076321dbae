// Generates images through the official openai SDK: plain (JSON with base64 images) or streamed
// (partial images, then the final one). No browser APIs: runs in the service worker and in Node.
import type OpenAI from 'openai';
import { APIUserAbortError, OpenAIError } from 'openai';
import { PromptbrushError } from '../errors';
import { type ImageRequest, PARTIAL_IMAGES } from './image-request';
import { assertApiResponse, StreamCutError } from './model-client';
import type { StreamWatch } from './stream-watch';

export interface GeneratedImage {
  b64: string;
  /** "WIDTHxHEIGHT" as the provider reports it, when it does. */
  size?: string;
}

export interface GenerateOptions {
  signal?: AbortSignal;
  /** Deadlines (total, idle): the request runs on the watch's signal, which includes `signal`. */
  watch?: StreamWatch;
  /** A partial image arrived while streaming (0-based index). */
  onPartial?: (b64: string, index: number) => void | Promise<void>;
}

function noData(detail: string): PromptbrushError {
  return new PromptbrushError('no-image-data', detail);
}

/** What a stopped request means: a deadline or the silence (the watch's reason), or the person's Cancel. */
function stopped(options: GenerateOptions): unknown {
  const reason = options.watch?.reason;
  if (reason !== undefined) return reason;
  return options.signal?.aborted || options.watch?.signal.aborted ? new APIUserAbortError() : undefined;
}

async function generatePlain(client: OpenAI, request: ImageRequest, options: GenerateOptions): Promise<GeneratedImage[]> {
  const answer = await client.images
    .generate({ ...request.body, stream: false }, { signal: options.watch?.signal ?? options.signal })
    .withResponse()
    .catch((error: unknown) => {
      throw stopped(options) ?? error;
    });
  assertApiResponse(answer.response);
  const response = answer.data;
  const data = response.data ?? [];
  const images = data.flatMap((item) => (item.b64_json ? [{ b64: item.b64_json, ...(response.size ? { size: response.size } : {}) }] : []));
  if (images.length === 0) {
    throw noData(data.some((item) => item.url) ? 'The provider sent only a link to the image.' : 'The answer held no image.');
  }
  return images;
}

async function generateStreaming(client: OpenAI, request: ImageRequest, options: GenerateOptions): Promise<GeneratedImage[]> {
  const { watch } = options;
  const images: GeneratedImage[] = [];
  try {
    const { data: stream, response } = await client.images
      .generate({ ...request.body, stream: true, partial_images: PARTIAL_IMAGES }, { signal: watch?.signal ?? options.signal })
      .withResponse();
    watch?.activity();
    assertApiResponse(response);
    for await (const event of stream) {
      watch?.activity();
      if (event.type === 'image_generation.partial_image') {
        await options.onPartial?.(event.b64_json, event.partial_image_index);
      } else if (event.type === 'image_generation.completed') {
        images.push({ b64: event.b64_json, ...(event.size ? { size: event.size } : {}) });
      }
    }
  } catch (error) {
    const reason = stopped(options);
    if (reason) throw reason;
    // An error event in the stream or an abort keeps its SDK type; a raw network error means
    // the connection broke after drawing had started.
    if (error instanceof OpenAIError || error instanceof PromptbrushError) throw error;
    throw new StreamCutError(error);
  }
  const reason = stopped(options);
  if (reason) throw reason;
  if (images.length === 0) throw noData('The stream ended before the finished image arrived.');
  return images;
}

export function generateImages(client: OpenAI, request: ImageRequest, options: GenerateOptions = {}): Promise<GeneratedImage[]> {
  return request.stream ? generateStreaming(client, request, options) : generatePlain(client, request, options);
}
