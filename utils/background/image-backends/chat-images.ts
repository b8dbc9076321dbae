// Chat-completion image models (OpenRouter and others): a chat completion through the openai SDK
// with `modalities: ["image", "text"]` and the aspect ratio in `image_config`; the images come
// back in the assistant message (or its streamed deltas) as data URLs.
import { APIError, APIUserAbortError } from 'openai';
import { PromptbrushError } from '../../errors';
import { base64ToBytes } from '../../image-bytes';
import { usableImageModels } from '../../image-models';
import { classifyImageError } from '../classify-image-error';
import { promptWithExclusions } from '../image-request';
import { createClient, listModels } from '../model-client';
import type { ImageBackendAdapter } from './types';

interface ImagePart {
  type?: string;
  image_url?: { url?: string };
}

/** Extra body fields the SDK passes through as they are. */
export interface ChatImageExtras {
  modalities: ['image', 'text'];
  image_config: { aspect_ratio: string };
}

/** The bytes of a `data:image/…;base64,…` URL; other URLs are not fetched (they would expire, and could go anywhere). */
function bytesOf(part: ImagePart): Uint8Array | undefined {
  const match = /^data:image\/[\w.+-]+;base64,(.+)$/s.exec(part.image_url?.url ?? '');
  return match?.[1] ? base64ToBytes(match[1]) : undefined;
}

/** A model that cannot draw, in the words providers use for it. */
const CANNOT_DRAW = /modalit|image output|output.*image|does not support image/i;

/** `stream`: follow the answer as it comes (OpenRouter streams images as deltas) or wait for the whole message. */
export const chatImagesAdapter = ({ stream }: { stream: boolean }): ImageBackendAdapter => ({
  async generate(job, settings, connection, { signal, onPlan }) {
    const model = settings.model;
    let partials = 0;
    try {
      if (!model)
        throw new PromptbrushError(
          'no-image-model',
          'Type the id of an image model (for example google/gemini-2.5-flash-image) in Settings › Image generation.',
        );
      const prompt = settings.negativeAsWords ? promptWithExclusions(job) : job.prompt.trim();
      await onPlan({ model, modelPicked: false, size: job.aspect, sizeApproximate: false, count: 1, streaming: stream });
      const client = createClient({
        baseUrl: connection.baseUrl,
        apiKey: connection.apiKey,
        timeoutMs: connection.timeoutMs,
        maxRetries: 1,
        fetch: connection.fetch,
      });
      const extras: ChatImageExtras = { modalities: ['image', 'text'], image_config: { aspect_ratio: job.aspect } };
      const body = { model, messages: [{ role: 'user' as const, content: prompt }] };
      // Fields the SDK does not type are sent as they are in the body.
      const withExtras = <T extends object>(params: T): T => ({ ...params, ...extras });
      const parts: ImagePart[] = [];
      let text = '';
      if (stream) {
        const stream = await client.chat.completions.create(withExtras({ ...body, stream: true as const }), { signal });
        for await (const chunk of stream) {
          const delta = chunk.choices[0]?.delta as { content?: string | null; images?: ImagePart[] } | undefined;
          text += delta?.content ?? '';
          parts.push(...(delta?.images ?? []));
          partials += delta?.images?.length ?? 0;
        }
        if (signal.aborted) throw new APIUserAbortError();
      } else {
        const answer = await client.chat.completions.create(withExtras({ ...body, stream: false as const }), { signal });
        const message = answer.choices[0]?.message as { content?: string | null; images?: ImagePart[] } | undefined;
        text = message?.content ?? '';
        parts.push(...(message?.images ?? []));
      }
      const images = parts.flatMap((part) => {
        const bytes = bytesOf(part);
        return bytes ? [{ bytes }] : [];
      });
      if (images.length === 0) {
        if (parts.length > 0) throw new PromptbrushError('no-image-data', 'The model sent only links to its images.');
        throw new PromptbrushError('not-image-model', text ? `${model} answered: "${text.slice(0, 160)}"` : `${model} sent no image.`);
      }
      return { model, prompt, images };
    } catch (error) {
      if (error instanceof APIError && (error.status === 400 || error.status === 404) && CANNOT_DRAW.test(error.message)) {
        throw new PromptbrushError('not-image-model', error.message.slice(0, 300));
      }
      throw PromptbrushError.of(
        classifyImageError(error, { model, partials, nowSeconds: Date.now() / 1000, secrets: [connection.apiKey] }),
      );
    }
  },

  async listModels(connection, signal) {
    const client = createClient({
      baseUrl: connection.baseUrl,
      apiKey: connection.apiKey,
      timeoutMs: 15_000,
      maxRetries: 1,
      fetch: connection.fetch,
    });
    return usableImageModels(await listModels(client, signal), Date.now() / 1000).map((m) => m.id);
  },
});

export const chatImages = chatImagesAdapter({ stream: true });
