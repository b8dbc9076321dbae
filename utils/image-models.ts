// Which of an endpoint's models draw images, what each accepts, and which to use when the
// person has not chosen. Pure data and functions: models are retired often (dall-e-2/3 in May
// 2026, gpt-image-1 in October 2026), so nothing here names a default: the choice is made from
// the live list (GET /v1/models).
import type { SizeRule } from './image-size';
import { isRetired, type ModelInfo } from './models';

export interface ImageModelCaps {
  /** A short name for the family, shown nowhere; tests and logs read it. */
  family: string;
  sizes: SizeRule;
  /** `stream: true` with `partial_images` (GPT image models). */
  streaming: boolean;
  /** Accepts `output_format` and `quality` low/medium/high/auto (GPT image models). */
  gptImageParams: boolean;
  /** Needs `response_format: "b64_json"` to answer with bytes rather than an expiring URL. */
  askForBase64: boolean;
  maxCount: number;
}

const STANDARD_SIZES = ['1024x1024', '1536x1024', '1024x1536'] as const;

/** First matching row wins; the last row is any other image model on a compatible endpoint. */
export const IMAGE_MODEL_TABLE: readonly { match: RegExp; caps: ImageModelCaps }[] = [
  {
    // gpt-image-2 and later take any size whose sides are multiples of 16.
    match: /^gpt-image-([2-9]|\d{2,})/i,
    caps: {
      family: 'gpt-image-2',
      sizes: { kind: 'flexible', longEdge: 1536, multiple: 16 },
      streaming: true,
      gptImageParams: true,
      askForBase64: false,
      maxCount: 10,
    },
  },
  {
    match: /^(gpt-image-1|chatgpt-image)/i,
    caps: {
      family: 'gpt-image-1',
      sizes: { kind: 'list', sizes: STANDARD_SIZES },
      streaming: true,
      gptImageParams: true,
      askForBase64: false,
      maxCount: 10,
    },
  },
  {
    match: /^dall-e-3/i,
    caps: {
      family: 'dall-e-3',
      sizes: { kind: 'list', sizes: ['1024x1024', '1792x1024', '1024x1792'] },
      streaming: false,
      gptImageParams: false,
      askForBase64: true,
      maxCount: 1,
    },
  },
  {
    match: /^dall-e-2/i,
    caps: {
      family: 'dall-e-2',
      sizes: { kind: 'list', sizes: ['1024x1024'] },
      streaming: false,
      gptImageParams: false,
      askForBase64: true,
      maxCount: 10,
    },
  },
  {
    match: /.*/,
    caps: {
      family: 'other',
      sizes: { kind: 'list', sizes: STANDARD_SIZES },
      streaming: false,
      gptImageParams: false,
      askForBase64: true,
      maxCount: 4,
    },
  },
];

export function capsFor(model: string): ImageModelCaps {
  const row = IMAGE_MODEL_TABLE.find((r) => r.match.test(model)) ?? IMAGE_MODEL_TABLE[IMAGE_MODEL_TABLE.length - 1];
  return (row as { caps: ImageModelCaps }).caps;
}

const IMAGE_MODEL = /(^|[-_/.:])(gpt-image|chatgpt-image|dall-e|image|imagen|flux|stable-diffusion|sdxl|sd3|recraft|ideogram)/i;
const NOT_IMAGE = /(vision|embed|preview-tts|transcribe|realtime|audio)/i;

export function isImageModel(id: string): boolean {
  return IMAGE_MODEL.test(id) && !NOT_IMAGE.test(id);
}

/** Image models that can still be used, newest first. */
export function usableImageModels(models: ModelInfo[], nowSeconds: number): ModelInfo[] {
  return models
    .filter((m) => isImageModel(m.id) && !isRetired(m, nowSeconds))
    .sort((a, b) => (b.created ?? 0) - (a.created ?? 0) || a.id.length - b.id.length || a.id.localeCompare(b.id));
}

/**
 * The best image model the endpoint lists: not scheduled for shutdown, not a "mini", and the
 * newest. Returns undefined when the endpoint lists none.
 */
export function pickImageModel(models: ModelInfo[], nowSeconds: number): string | undefined {
  const usable = usableImageModels(models, nowSeconds);
  const stable = usable.filter((m) => m.shutdownDate === undefined);
  const pool = stable.length > 0 ? stable : usable;
  return (pool.find((m) => !/mini|nano/i.test(m.id)) ?? pool[0])?.id;
}

/** The model is listed with a shutdown date that has passed. */
export function retiredModel(models: ModelInfo[] | undefined, id: string, nowSeconds: number): ModelInfo | undefined {
  const found = models?.find((m) => m.id === id);
  return found && isRetired(found, nowSeconds) ? found : undefined;
}
