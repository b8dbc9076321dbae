// Prompt targets, as data: one row per generator, with what the pickers, the options page and
// the context menu show, and how styles, aspect ratios and lengths are written for it. Light on
// purpose: the popup loads it when it opens. What the chat model is told about a target and the
// post-processor of its answers are in target-writing.ts (the background's side), keyed by id.
// Adding a target is adding a row here and one there (the type checker and a convention test ask
// for it, and for a golden test). Pure.

export interface PromptTarget {
  id: string;
  /** Shown in pickers and the options page. */
  label: string;
  /** The context menu's child item. */
  menuTitle: string;
  /** How a style preset is written: prose words, Midjourney phrases or Stable Diffusion tags. */
  styleSyntax: 'words' | 'phrases' | 'tags';
  /** How the aspect ratio is written: prose words, an `--ar` parameter or composition tags. */
  aspectSyntax: 'words' | 'param' | 'tags';
  /** Longest prompt kept (Midjourney: the description, before its parameters). */
  maxChars: number;
  /** Targets with a separate negative prompt: its limit, and what is used if the model forgets it. */
  negativePrompt?: { maxChars: number; fallback: string };
}

export const TARGETS = [
  {
    id: 'gpt-image',
    label: 'GPT Image / ChatGPT',
    menuTitle: 'For GPT Image / ChatGPT',
    styleSyntax: 'words',
    aspectSyntax: 'words',
    maxChars: 2000,
  },
  {
    id: 'midjourney',
    label: 'Midjourney',
    menuTitle: 'For Midjourney',
    styleSyntax: 'phrases',
    aspectSyntax: 'param',
    maxChars: 1000,
  },
  {
    id: 'stable-diffusion',
    label: 'Stable Diffusion',
    menuTitle: 'For Stable Diffusion',
    styleSyntax: 'tags',
    aspectSyntax: 'tags',
    maxChars: 1000,
    negativePrompt: {
      maxChars: 500,
      fallback: 'lowres, blurry, jpeg artifacts, bad anatomy, bad hands, extra fingers, deformed, watermark, signature, text',
    },
  },
  {
    id: 'flux',
    label: 'Flux',
    menuTitle: 'For Flux',
    styleSyntax: 'words',
    aspectSyntax: 'words',
    maxChars: 2000,
  },
  {
    id: 'generic',
    label: 'Generic',
    menuTitle: 'For any other generator',
    styleSyntax: 'words',
    aspectSyntax: 'words',
    maxChars: 1500,
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
