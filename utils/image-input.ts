// What "Generate image" and "Open in…" take from the job: the prompt as shown, its negative
// prompt (Stable Diffusion) and its aspect ratio. Pure.
import type { ImageAspect } from './image-size';
import type { Job } from './job';

export interface PromptForImage {
  prompt: string;
  negativePrompt?: string;
  aspect?: ImageAspect;
}

export function promptForImage(job: Job, shownPrompt: string): PromptForImage {
  const negative = job.negativePrompt?.trim() ?? '';
  return {
    prompt: shownPrompt,
    ...(negative ? { negativePrompt: negative } : {}),
    ...(job.aspectRatio ? { aspect: job.aspectRatio } : {}),
  };
}
