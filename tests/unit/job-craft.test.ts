import { describe, expect, it } from 'vitest';
import { type CapturedSource, chooseVariation, editNegativePrompt, finishExpanding, newJob, startExpanding } from '../../utils/job';

const source: CapturedSource = { text: 'A fox.', originalLength: 6, shortened: false };
const choice = { target: 'stable-diffusion', style: 'anime', aspectRatio: '16:9', variationCount: 2 } as const;

function readyWithTakes() {
  const job = startExpanding(newJob('j', 'menu', 0), source, 'm', 1, choice);
  return finishExpanding(job, 'fox, snow', 2, {
    negativePrompt: 'blurry',
    variations: ['fox, snow', 'fox, night'],
    variationNegatives: ['blurry', 'text'],
  });
}

describe('jobs carry the prompt craft', () => {
  it('records the choice and the post-processed results', () => {
    expect(readyWithTakes()).toMatchObject({
      status: 'ready',
      target: 'stable-diffusion',
      style: 'anime',
      aspectRatio: '16:9',
      variationCount: 2,
      prompt: 'fox, snow',
      negativePrompt: 'blurry',
      variations: ['fox, snow', 'fox, night'],
    });
  });

  it('a new expansion clears the previous negative prompt and takes', () => {
    const again = startExpanding(readyWithTakes(), source, 'm', 3, { ...choice, target: 'flux', variationCount: 1 });
    expect(again).toMatchObject({ status: 'expanding', target: 'flux', prompt: '' });
    expect(again.negativePrompt).toBeUndefined();
    expect(again.variations).toBeUndefined();
    expect(again.variationNegatives).toBeUndefined();
  });

  it('makes any take the main prompt, with its own negative prompt', () => {
    const chosen = chooseVariation(readyWithTakes(), 1, 5);
    expect(chosen).toMatchObject({ prompt: 'fox, night', negativePrompt: 'text', variations: ['fox, snow', 'fox, night'] });
    const job = readyWithTakes();
    expect(chooseVariation(job, 7, 5)).toBe(job);
  });

  it('lets the person edit the negative prompt of a finished job only', () => {
    expect(editNegativePrompt(readyWithTakes(), 'lowres', 4)).toMatchObject({ negativePrompt: 'lowres', edited: true });
    const streaming = startExpanding(newJob('j', 'menu', 0), source, 'm', 1, choice);
    expect(editNegativePrompt(streaming, 'x', 2)).toBe(streaming);
  });
});
