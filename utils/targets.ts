// Prompt targets, as data: one row per generator, with its instructions to the chat model, how
// styles and aspect ratios are written for it, its length limits and its post-processor.
// Adding a target is adding a row (and a golden test, which a convention test asks for). Pure.
import { finishFlux, finishMidjourney, finishProse, finishStableDiffusion, type TargetFinisher } from './target-finishers';

export interface PromptTarget {
  id: string;
  /** Shown in pickers and the options page. */
  label: string;
  /** The context menu's child item. */
  menuTitle: string;
  /** What the chat model is told about this generator (system message, after the shared role). */
  instructions: readonly string[];
  /** What the answer consists of, for the "answer with … only" rule. */
  answerShape: string;
  /** How a style preset is written: prose words, Midjourney phrases or Stable Diffusion tags. */
  styleSyntax: 'words' | 'phrases' | 'tags';
  /** How the aspect ratio is written: prose words, an `--ar` parameter or composition tags. */
  aspectSyntax: 'words' | 'param' | 'tags';
  /** Longest prompt kept (Midjourney: the description, before its parameters). */
  maxChars: number;
  /** Targets with a separate negative prompt: its limit, and what is used if the model forgets it. */
  negativePrompt?: { maxChars: number; fallback: string };
  /** Turns the cleaned answer into the prompt (and negative prompt). */
  finish: TargetFinisher;
}

export const TARGETS = [
  {
    id: 'gpt-image',
    label: 'GPT Image / ChatGPT',
    menuTitle: 'For GPT Image / ChatGPT',
    instructions: [
      'Target: GPT Image (ChatGPT and the OpenAI Images API), which follows long, precise descriptions.',
      'Write one rich descriptive paragraph of 60 to 120 words in plain prose, covering in this order: the main subject and what it is doing; the setting; the composition and camera or viewpoint; the lighting and time of day; the colour palette and mood; the medium or visual style.',
      'Use no parameters, no tag lists, no weights and no line breaks.',
    ],
    answerShape: 'the prompt',
    styleSyntax: 'words',
    aspectSyntax: 'words',
    maxChars: 2000,
    finish: finishProse,
  },
  {
    id: 'midjourney',
    label: 'Midjourney',
    menuTitle: 'For Midjourney',
    instructions: [
      'Target: Midjourney, which reads short descriptive phrases best.',
      'Write 25 to 60 words of comma-separated descriptive phrases, not full sentences: the subject first, then the setting, composition, lighting, palette and style.',
      'Put parameters last, each starting with two hyphens: --ar W:H, and only where they help --s (0-1000), --c (0-100), --raw, and --no followed by a comma-separated list of things to leave out. Use no other parameters and write nothing after them.',
    ],
    answerShape: 'the prompt and its parameters',
    styleSyntax: 'phrases',
    aspectSyntax: 'param',
    maxChars: 1000,
    finish: finishMidjourney,
  },
  {
    id: 'stable-diffusion',
    label: 'Stable Diffusion',
    menuTitle: 'For Stable Diffusion',
    instructions: [
      'Target: Stable Diffusion (AUTOMATIC1111, Forge or ComfyUI), which reads comma-separated tags.',
      'Write the prompt as 15 to 40 comma-separated tags, most important first: the subject, its details, the setting, composition, lighting, palette, style, then quality tags such as masterpiece, best quality, highly detailed.',
      'Emphasise the one to three most important tags with weights written like (red fox:1.2), between 0.5 and 1.5.',
      'Then, on a new line, write "Negative prompt:" followed by comma-separated tags of what to avoid, such as blurry, lowres, bad anatomy, extra fingers, watermark, text.',
    ],
    answerShape: 'the prompt and its "Negative prompt:" line',
    styleSyntax: 'tags',
    aspectSyntax: 'tags',
    maxChars: 1000,
    negativePrompt: {
      maxChars: 500,
      fallback: 'lowres, blurry, jpeg artifacts, bad anatomy, bad hands, extra fingers, deformed, watermark, signature, text',
    },
    finish: finishStableDiffusion,
  },
  {
    id: 'flux',
    label: 'Flux',
    menuTitle: 'For Flux',
    instructions: [
      'Target: Flux, which understands natural language and has no negative prompt.',
      'Write two to four natural, flowing sentences (50 to 110 words): the subject and what it is doing, the setting, the composition and camera, the lighting, the palette and the style.',
      'Never write what to leave out ("no…", "without…", "avoid…"): describe what is there instead, for example "a clear, empty sky" rather than "no clouds".',
    ],
    answerShape: 'the prompt',
    styleSyntax: 'words',
    aspectSyntax: 'words',
    maxChars: 2000,
    finish: finishFlux,
  },
  {
    id: 'generic',
    label: 'Generic',
    menuTitle: 'For any other generator',
    instructions: [
      'Target: any image generator (Ideogram, Leonardo, Firefly, Bing Image Creator and others).',
      'Write one clear descriptive prompt of 40 to 90 words in plain prose: the subject, the setting, the composition, the lighting, the palette and the style.',
      'Use no parameters, no weights and no markdown.',
    ],
    answerShape: 'the prompt',
    styleSyntax: 'words',
    aspectSyntax: 'words',
    maxChars: 1500,
    finish: finishProse,
  },
] as const satisfies readonly PromptTarget[];

export type TargetId = (typeof TARGETS)[number]['id'];

export const DEFAULT_TARGET: TargetId = 'gpt-image';

export function isTargetId(value: unknown): value is TargetId {
  return typeof value === 'string' && TARGETS.some((row) => row.id === value);
}

export function promptTarget(id: TargetId): PromptTarget {
  return TARGETS.find((row) => row.id === id) ?? TARGETS[0];
}

/** The user message a target sends unless the person overrides it in the options. */
export function defaultTemplate(id: TargetId): string {
  return `Write a ${promptTarget(id).label} prompt for the image this text evokes.\n\n{{context}}\n\nSelected text:\n"""\n{{selection}}\n"""`;
}

export interface TargetMenuEntry {
  target: TargetId;
  title: string;
}

/**
 * The context menu's child items: one per target, the default target first (the person's
 * default when given, else the built-in one), then the others in table order.
 */
export function targetMenuEntries(defaultTarget: TargetId = DEFAULT_TARGET): TargetMenuEntry[] {
  const first = promptTarget(defaultTarget);
  return [first, ...TARGETS.filter((row) => row.id !== first.id)].map((row) => ({ target: row.id as TargetId, title: row.menuTitle }));
}
