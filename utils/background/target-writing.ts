// How each target is written, keyed by target id: what the chat model is told about the
// generator, what its answer consists of, and the post-processor that turns the cleaned answer
// into the prompt. The background's side of the targets table (utils/targets.ts): the popup and
// options never import it, so the post-processors stay out of the pages. Every target has a row
// (the type says so; a convention test checks it too). Pure.

import type { TargetId } from '../targets';
import { finishFlux, finishMidjourney, finishProse, finishStableDiffusion, type TargetFinisher } from './target-finishers';

export interface TargetWriting {
  /** What the chat model is told about this generator (system message, after the shared role). */
  instructions: readonly string[];
  /** What the answer consists of, for the "answer with … only" rule. */
  answerShape: string;
  /** Turns the cleaned answer into the prompt (and negative prompt). */
  finish: TargetFinisher;
}

export const TARGET_WRITING = {
  'gpt-image': {
    instructions: [
      'Target: GPT Image (ChatGPT and the OpenAI Images API), which follows long, precise descriptions.',
      'Write one rich descriptive paragraph of 60 to 120 words in plain prose, covering in this order: the main subject and what it is doing; the setting; the composition and camera or viewpoint; the lighting and time of day; the colour palette and mood; the medium or visual style.',
      'Use no parameters, no tag lists, no weights and no line breaks.',
    ],
    answerShape: 'the prompt',
    finish: finishProse,
  },
  midjourney: {
    instructions: [
      'Target: Midjourney, which reads short descriptive phrases best.',
      'Write 25 to 60 words of comma-separated descriptive phrases, not full sentences: the subject first, then the setting, composition, lighting, palette and style.',
      'Put parameters last, each starting with two hyphens: --ar W:H, and only where they help --s (0-1000), --c (0-100), --raw, and --no followed by a comma-separated list of things to leave out. Use no other parameters and write nothing after them.',
    ],
    answerShape: 'the prompt and its parameters',
    finish: finishMidjourney,
  },
  'stable-diffusion': {
    instructions: [
      'Target: Stable Diffusion (AUTOMATIC1111, Forge or ComfyUI), which reads comma-separated tags.',
      'Write the prompt as 15 to 40 comma-separated tags, most important first: the subject, its details, the setting, composition, lighting, palette, style, then quality tags such as masterpiece, best quality, highly detailed.',
      'Emphasise the one to three most important tags with weights written like (red fox:1.2), between 0.5 and 1.5.',
      'Then, on a new line, write "Negative prompt:" followed by comma-separated tags of what to avoid, such as blurry, lowres, bad anatomy, extra fingers, watermark, text.',
    ],
    answerShape: 'the prompt and its "Negative prompt:" line',
    finish: finishStableDiffusion,
  },
  flux: {
    instructions: [
      'Target: Flux, which understands natural language and has no negative prompt.',
      'Write two to four natural, flowing sentences (50 to 110 words): the subject and what it is doing, the setting, the composition and camera, the lighting, the palette and the style.',
      'Never write what to leave out ("no…", "without…", "avoid…"): describe what is there instead, for example "a clear, empty sky" rather than "no clouds".',
    ],
    answerShape: 'the prompt',
    finish: finishFlux,
  },
  generic: {
    instructions: [
      'Target: any image generator (Ideogram, Leonardo, Firefly, Bing Image Creator and others).',
      'Write one clear descriptive prompt of 40 to 90 words in plain prose: the subject, the setting, the composition, the lighting, the palette and the style.',
      'Use no parameters, no weights and no markdown.',
    ],
    answerShape: 'the prompt',
    finish: finishProse,
  },
} as const satisfies Record<TargetId, TargetWriting>;

export function targetWriting(id: TargetId): TargetWriting {
  return TARGET_WRITING[id];
}
