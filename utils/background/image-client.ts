// Generates images through the official openai SDK: plain (JSON with base64 images) or streamed
// (partial images, then the final one). No browser APIs: runs in the service worker and in Node.
import type OpenAI from 'openai';
import { APIUserAbortError, OpenAIError } from 'openai';
import { PromptbrushError } from '../errors';
import { type ImageRequest, PARTIAL_IMAGES } from './image-request';
import { StreamCutError } from './model-client';

export interface GeneratedImage {
  b64: string;
  /** "WIDTHxHEIGHT" as the provider reports it, when it does. */
  size?: string;
}

export interface GenerateOptions {
  signal?: AbortSignal;
  /** A partial image arrived while streaming (0-based index). */
  onPartial?: (b64: string, index: number) => void | Promise<void>;
}

function noData(detail: string): PromptbrushError {
  return new PromptbrushError('no-image-data', detail);
}

async function generatePlain(client: OpenAI, request: ImageRequest, signal?: AbortSignal): Promise<GeneratedImage[]> {
  const response = await client.images.generate({ ...request.body, stream: false }, { signal });
  const data = response.data ?? [];
  const images = data.flatMap((item) => (item.b64_json ? [{ b64: item.b64_json, ...(response.size ? { size: response.size } : {}) }] : []));
  if (images.length === 0) {
    throw noData(data.some((item) => item.url) ? 'The provider sent only a link to the image.' : 'The answer held no image.');
  }
  return images;
}

async function generateStreaming(client: OpenAI, request: ImageRequest, options: GenerateOptions): Promise<GeneratedImage[]> {
  const stream = await client.images.generate(
    { ...request.body, stream: true, partial_images: PARTIAL_IMAGES },
    { signal: options.signal },
  );
  const images: GeneratedImage[] = [];
  try {
    for await (const event of stream) {
      if (event.type === 'image_generation.partial_image') {
        await options.onPartial?.(event.b64_json, event.partial_image_index);
      } else if (event.type === 'image_generation.completed') {
        images.push({ b64: event.b64_json, ...(event.size ? { size: event.size } : {}) });
      }
    }
  } catch (error) {
    // An error event in the stream or an abort keeps its SDK type; a raw network error means
    // the connection broke after drawing had started.
    if (error instanceof OpenAIError) throw error;
    throw new StreamCutError(error);
  }
  if (options.signal?.aborted) throw new APIUserAbortError();
  if (images.length === 0) throw noData('The stream ended before the finished image arrived.');
  return images;
}

export function generateImages(client: OpenAI, request: ImageRequest, options: GenerateOptions = {}): Promise<GeneratedImage[]> {
  return request.stream ? generateStreaming(client, request, options) : generatePlain(client, request, options.signal);
}
