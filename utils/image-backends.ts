// The image backends a person can generate with, as data: what each accepts and how it is set up.
// One adapter each turns a job into that backend's request (utils/background/image-backends/). Pure.
import { type ImageBackendKind, isLocalBackend } from './image-backend-kinds';
import { aspectValue, type ImageAspect } from './image-size';

export {
  IMAGE_BACKEND_KINDS,
  type ImageBackendKind,
  isImageBackendKind,
  isLocalBackend,
  isSeed,
  MAX_SEED,
  normalizeLocalUrl,
  RANDOM_SEED,
} from './image-backend-kinds';

export interface ImageBackendRow {
  label: string;
  /** Base URL filled in when the person picks the backend ('' = the chat provider's). */
  defaultBaseUrl: string;
  /** Runs on the person's own computer: no key, plain HTTP to loopback, launch flags to show. */
  local: boolean;
  /** Requests need a key (cloud backends); local servers take none. */
  needsKey: boolean;
  /** What the backend accepts from a job. */
  accepts: {
    negativePrompt: boolean;
    seed: boolean;
    /** Steps, CFG scale and sampler. */
    steps: boolean;
    /** Pixel sizes (width × height) or aspect-ratio names. */
    size: 'pixels' | 'aspect-ratio';
    /** Most images per click. */
    count: number;
    progress: boolean;
    previews: boolean;
    /** Cancel stops the server's own job, not only the request. */
    cancel: boolean;
  };
  /** One line: how to get it running, for Settings and the README. */
  setup: string;
}

export const IMAGE_BACKENDS = {
  'openai-images': {
    label: 'OpenAI Images API (or a compatible /images/generations endpoint)',
    defaultBaseUrl: '',
    local: false,
    needsKey: true,
    accepts: {
      negativePrompt: false,
      seed: false,
      steps: false,
      size: 'pixels',
      count: 4,
      progress: false,
      previews: true,
      cancel: false,
    },
    setup:
      "Uses the chat provider's endpoint and key by default; or give its own base URL and key (any server with /v1/images/generations).",
  },
  'chat-images': {
    label: 'Chat-completion image models (OpenRouter and others)',
    defaultBaseUrl: 'https://openrouter.ai/api/v1',
    local: false,
    needsKey: true,
    accepts: {
      negativePrompt: false,
      seed: false,
      steps: false,
      size: 'aspect-ratio',
      count: 1,
      progress: false,
      previews: false,
      cancel: false,
    },
    setup: 'An OpenRouter key (openrouter.ai/keys) and an image model id such as "google/gemini-2.5-flash-image".',
  },
  a1111: {
    label: 'AUTOMATIC1111 / Forge / SD.Next (on this computer)',
    defaultBaseUrl: 'http://127.0.0.1:7860',
    local: true,
    needsKey: false,
    accepts: { negativePrompt: true, seed: true, steps: true, size: 'pixels', count: 4, progress: true, previews: true, cancel: true },
    setup:
      'Start the web UI with its API on and the extension allowed: ./webui.sh --api --cors-allow-origins-regex "^(chrome|moz)-extension://.*$"',
  },
  comfyui: {
    label: 'ComfyUI (on this computer)',
    defaultBaseUrl: 'http://127.0.0.1:8188',
    local: true,
    needsKey: false,
    accepts: { negativePrompt: true, seed: true, steps: true, size: 'pixels', count: 4, progress: true, previews: true, cancel: true },
    setup: 'Start ComfyUI so it accepts the extension: python main.py --enable-cors-header',
  },
} as const satisfies Record<ImageBackendKind, ImageBackendRow>;

export function backendRow(kind: ImageBackendKind): ImageBackendRow {
  return IMAGE_BACKENDS[kind];
}

/** Whether the backend can take the chat provider's endpoint and key (the cloud ones). */
export const canShareChatProvider = (kind: ImageBackendKind): boolean => !isLocalBackend(kind);

/** The native scale of a Stable Diffusion checkpoint, from its name: SDXL and later draw at ~1024, SD 1.5 at ~512. */
export function nativeScale(model: string): number {
  return /(xl|sd3|flux|pony|illustrious|noob|cascade|hidream|auraflow|1024)/i.test(model) ? 1024 : 512;
}

/** Width and height for an aspect ratio at a native scale: about scale² pixels, both multiples of 64. */
export function localSize(aspect: ImageAspect, scale: number): { width: number; height: number } {
  const ratio = aspectValue(aspect);
  const round = (value: number) => Math.max(64, Math.round(value / 64) * 64);
  return { width: round(scale * Math.sqrt(ratio)), height: round(scale / Math.sqrt(ratio)) };
}
