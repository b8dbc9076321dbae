// Builds the Images API request for a prompt: model, size from the aspect ratio, and the
// options the model accepts. Pure (no SDK import: utils/images.ts sends it).
import type { ImageModelCaps } from '../image-models';
import type { ImageSettings } from '../image-settings';
import { DEFAULT_ASPECT, type ImageAspect, type SizeChoice, sizeFor } from '../image-size';

/** What the popup asks for: the prompt as shown, with the job's negative prompt and aspect ratio. */
export interface ImageInput {
  prompt: string;
  negativePrompt?: string;
  aspect?: ImageAspect;
}

/** The Images API's limit on the prompt. */
export const MAX_IMAGE_PROMPT_CHARS = 32_000;
/** Partial images asked for while streaming (the API takes 0–3). */
export const PARTIAL_IMAGES = 2;

export interface ImageRequestBody {
  model: string;
  prompt: string;
  n: number;
  size: string;
  quality?: 'low' | 'medium' | 'high' | 'auto';
  output_format?: 'png' | 'jpeg' | 'webp';
  response_format?: 'b64_json';
}

export interface ImageRequest {
  body: ImageRequestBody;
  /** Stream partial images (GPT image models, one image at a time). */
  stream: boolean;
  sizeChoice: SizeChoice;
  aspect: ImageAspect;
}

/**
 * The Images API has no negative prompt: exclusions are written into the prompt in words, which
 * GPT image models follow.
 */
export function promptWithExclusions({ prompt, negativePrompt }: ImageInput): string {
  const negative = negativePrompt?.trim();
  return negative ? `${prompt.trim()}\n\nAvoid: ${negative}.`.replace(/\.\.$/, '.') : prompt.trim();
}

export function buildImageRequest(input: ImageInput, model: string, settings: ImageSettings, caps: ImageModelCaps): ImageRequest {
  const aspect = input.aspect ?? DEFAULT_ASPECT;
  const sizeChoice = sizeFor(aspect, caps.sizes);
  const n = Math.max(1, Math.min(settings.count, caps.maxCount));
  // The Images API has no negative prompt: it is written into the prompt only when the person asks.
  const prompt = settings.negativeAsWords ? promptWithExclusions(input) : input.prompt.trim();
  const body: ImageRequestBody = { model, prompt, n, size: sizeChoice.size };
  if (caps.gptImageParams) {
    body.quality = settings.quality;
    body.output_format = settings.format;
  }
  if (caps.askForBase64) body.response_format = 'b64_json';
  return { body, stream: caps.streaming && n === 1, sizeChoice, aspect };
}
