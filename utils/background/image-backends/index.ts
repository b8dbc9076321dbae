// One adapter per backend kind (the table of what each accepts: utils/image-backends.ts).
import type { ImageBackendKind } from '../../image-backends';
import { a1111 } from './a1111';
import { chatImages } from './chat-images';
import { comfyui } from './comfyui';
import { openAiImages } from './openai-images';
import type { ImageBackendAdapter } from './types';

export const IMAGE_ADAPTERS: Record<ImageBackendKind, ImageBackendAdapter> = {
  'openai-images': openAiImages,
  'chat-images': chatImages,
  a1111,
  comfyui,
};
