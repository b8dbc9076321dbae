// What "Generate image" and "Open in…" take from the job: the prompt as shown, and the negative
// prompt and aspect ratio once the job carries them (issue 4 adds those fields). Pure.
import { type ImageAspect, isImageAspect } from './image-size';
import type { Job } from './job';

export interface PromptForImage {
  prompt: string;
  negativePrompt?: string;
  aspect?: ImageAspect;
}

/** Fields issue 4 puts on the job; read defensively until they exist. */
type JobWithCraft = Job & { negativePrompt?: unknown; aspect?: unknown; aspectRatio?: unknown };

export function promptForImage(job: Job, shownPrompt: string): PromptForImage {
  const craft = job as JobWithCraft;
  const negative = typeof craft.negativePrompt === 'string' ? craft.negativePrompt.trim() : '';
  const aspect = [craft.aspect, craft.aspectRatio].find(isImageAspect);
  return { prompt: shownPrompt, ...(negative ? { negativePrompt: negative } : {}), ...(aspect ? { aspect } : {}) };
}
