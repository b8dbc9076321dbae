// Per-target post-processors: each turns a cleaned answer (see answer-cleanup.ts) into the
// prompt the person copies, in its target's syntax and within its length limit. Pure.

import type { AspectRatio } from '../aspect-ratios';
import type { StylePreset } from '../styles';
import type { PromptTarget } from '../targets';
import { limitAtWordBoundary, toParagraph } from './answer-cleanup';
import { extractParams, formatParams } from './midjourney-params';
import { joinTags, splitNegative, toTags, withTags } from './sd-prompt';

export interface FinishContext {
  target: PromptTarget;
  style: StylePreset;
  aspect: AspectRatio;
  /** Midjourney `--v`; empty keeps a valid version the model wrote. */
  midjourneyVersion: string;
}

export interface TargetOutput {
  prompt: string;
  negativePrompt?: string;
}

export type TargetFinisher = (cleaned: string, context: FinishContext) => TargetOutput;

const KNOWN_PARAM = /(^|\s)(--|[—–])(ar|aspect|v|version|s|stylize|c|chaos|no|raw|style|q|quality|seed|niji)\b/i;

const tidyEnd = (text: string) => text.replace(/[\s,;:\-–—]+$/, '').trim();

/** GPT Image and Generic: one paragraph of prose, with no stray parameters or negative prompt. */
export const finishProse: TargetFinisher = (cleaned, { target }) => {
  let text = toParagraph(splitNegative(cleaned).positive);
  if (KNOWN_PARAM.test(text)) text = extractParams(text).description;
  return { prompt: tidyEnd(limitAtWordBoundary(text, target.maxChars)) };
};

/** A sentence that only says what to leave out ("No text or logos."). */
const EXCLUSION_SENTENCE = /^(?:no|without|avoid|do not|don't|never|exclude|excluding)\b/i;

/** Flux: prose, and since Flux has no negative prompt, sentences of exclusions are dropped. */
export const finishFlux: TargetFinisher = (cleaned, context) => {
  const { prompt } = finishProse(cleaned, context);
  const sentences = prompt.match(/[^.!?]+(?:[.!?]+|$)/g) ?? [prompt];
  const kept = sentences.filter((sentence) => !EXCLUSION_SENTENCE.test(sentence.trim()));
  return { prompt: kept.length > 0 ? kept.join('').trim() : prompt };
};

/**
 * Midjourney: one line of phrases, then valid parameters in a fixed order. The chosen aspect
 * ratio and the configured version always win over what the model wrote; a "Negative prompt"
 * the model added becomes `--no`.
 */
export const finishMidjourney: TargetFinisher = (cleaned, { target, aspect, midjourneyVersion }) => {
  const { positive, negative } = splitNegative(cleaned);
  const { description, params } = extractParams(toParagraph(positive));
  const text = tidyEnd(limitAtWordBoundary(tidyEnd(description.replace(/^\/imagine\s+(?:prompt\s*:?\s*)?/i, '')), target.maxChars));
  if (!text) return { prompt: '' };
  params.ar = aspect.id;
  if (midjourneyVersion) params.v = midjourneyVersion;
  for (const item of toTags(negative)) {
    if (!params.no.some((existing) => existing.toLowerCase() === item.toLowerCase())) params.no.push(item);
  }
  return { prompt: `${text} ${formatParams(params)}` };
};

/**
 * Stable Diffusion: tidy weighted tags (with the chosen style's and aspect ratio's tags made
 * sure of) and a separate negative prompt; a missing negative prompt gets the target's default.
 */
export const finishStableDiffusion: TargetFinisher = (cleaned, { target, style, aspect }) => {
  const { positive, negative } = splitNegative(cleaned);
  const tags = toTags(positive);
  if (tags.length === 0) return { prompt: '' };
  const required = [...toTags(style.tags), ...toTags(aspect.tags)];
  const limits = target.negativePrompt ?? { maxChars: 500, fallback: '' };
  const negativeTags = toTags(negative);
  // The style and aspect tags the model left out are added, and kept even when the rest is cut.
  const missing = withTags(tags, required).slice(tags.length);
  const room = target.maxChars - missing.reduce((sum, tag) => sum + tag.length + 2, 0);
  return {
    prompt: [joinTags(tags, room), ...missing].filter(Boolean).join(', '),
    negativePrompt: negativeTags.length > 0 ? joinTags(negativeTags, limits.maxChars) : limits.fallback,
  };
};
