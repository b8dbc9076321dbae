// From the model's raw answer to what the popup shows and copies: split into takes when
// variations were asked for, cleaned, then finished by the target's post-processor. Pure.

import { aspectRatio } from '../aspect-ratios';
import type { CraftChoice, CraftSettings } from '../craft';
import type { CraftedAnswer } from '../job';
import { stylePreset } from '../styles';
import { promptTarget } from '../targets';
import { cleanAnswer } from './answer-cleanup';
import type { TargetOutput } from './target-finishers';
import { targetWriting } from './target-writing';
import { splitVariations } from './variations';

/** One take: cleaned and finished for the target. */
export function finishTake(raw: string, choice: CraftChoice, settings: Pick<CraftSettings, 'midjourneyVersion'>): TargetOutput {
  const target = promptTarget(choice.target);
  const cleaned = cleanAnswer(raw);
  if (!cleaned) return { prompt: '' };
  return targetWriting(choice.target).finish(cleaned, {
    target,
    style: stylePreset(choice.style),
    aspect: aspectRatio(choice.aspectRatio),
    midjourneyVersion: settings.midjourneyVersion,
  });
}

export function craftAnswer(raw: string, choice: CraftChoice, settings: Pick<CraftSettings, 'midjourneyVersion'>): CraftedAnswer {
  if (choice.variationCount <= 1) {
    const { prompt, negativePrompt } = finishTake(raw, choice, settings);
    return { prompt, ...(prompt && negativePrompt !== undefined ? { negativePrompt } : {}) };
  }
  const takes = splitVariations(raw)
    .map((part) => finishTake(part, choice, settings))
    .filter((take, index, all) => take.prompt !== '' && all.findIndex((other) => other.prompt === take.prompt) === index)
    .slice(0, choice.variationCount);
  const [first] = takes;
  if (!first) return { prompt: '' };
  const negatives = takes.map((take) => take.negativePrompt ?? '');
  return {
    prompt: first.prompt,
    ...(first.negativePrompt !== undefined ? { negativePrompt: first.negativePrompt } : {}),
    variations: takes.map((take) => take.prompt),
    ...(negatives.some(Boolean) ? { variationNegatives: negatives } : {}),
  };
}
