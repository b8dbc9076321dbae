// The post-processors against messy, real-looking model answers: what the person sees and
// copies must be a clean, valid prompt for its target.
import { describe, expect, it } from 'vitest';
import { limitAtWordBoundary, stripWrappingQuotes } from '../../utils/background/answer-cleanup';
import { craftAnswer } from '../../utils/background/craft-answer';
import { normalizeDashes, parseRatio } from '../../utils/background/midjourney-params';
import { type CraftChoice, DEFAULT_CRAFT_SETTINGS } from '../../utils/craft';
import type { TargetId } from '../../utils/targets';

const LIGHTHOUSE =
  'A lone lighthouse keeper climbs a spiral stair at dusk, lantern raised, as a storm rolls over the cliffs like a grey tide; low angle, cold teal and amber palette, painterly illustration.';

function craft(target: TargetId, raw: string, choice: Partial<CraftChoice> = {}, midjourneyVersion = '7') {
  return craftAnswer(
    raw,
    { target, style: 'none', aspectRatio: '1:1', variationCount: 1, ...choice },
    { ...DEFAULT_CRAFT_SETTINGS, midjourneyVersion },
  );
}

describe('prose targets (GPT Image, Generic)', () => {
  it('takes the prompt out of a fenced answer with a preamble and a closing remark', () => {
    const raw = `Here is your image prompt:\n\n\`\`\`text\n${LIGHTHOUSE}\n\`\`\`\n\nThis prompt captures the loneliness of the scene. Let me know if you want changes!`;
    expect(craft('gpt-image', raw).prompt).toBe(LIGHTHOUSE);
  });

  it('removes quotes wrapping the whole prompt, curly or straight', () => {
    expect(craft('gpt-image', `“${LIGHTHOUSE}”`).prompt).toBe(LIGHTHOUSE);
    expect(craft('generic', `"${LIGHTHOUSE}"`).prompt).toBe(LIGHTHOUSE);
    expect(craft('generic', `'"${LIGHTHOUSE}"'`).prompt).toBe(LIGHTHOUSE);
  });

  it('keeps quotes that belong to the prompt', () => {
    const raw = 'A shop sign reading "OPEN" glows above a rainy street, and a cat sits under the word "late".';
    expect(craft('gpt-image', raw).prompt).toBe(raw);
  });

  it('strips an inline preamble and a trailing note paragraph', () => {
    const raw = `Sure! Here's a detailed prompt for GPT Image: ${LIGHTHOUSE}\n\nNote: you can swap the palette for warmer tones if you prefer.`;
    expect(craft('gpt-image', raw).prompt).toBe(LIGHTHOUSE);
  });

  it('strips a chatty opener and closer written on the prompt’s own line (every target: golden-answers.test.ts)', () => {
    expect(craft('flux', `Sure! ${LIGHTHOUSE}`).prompt).toBe(LIGHTHOUSE);
    expect(craft('gpt-image', `Of course — here is a prompt: ${LIGHTHOUSE} Hope this helps!`).prompt).toBe(LIGHTHOUSE);
    expect(craft('generic', `Here you go: ${LIGHTHOUSE} Let me know if you want changes.`).prompt).toBe(LIGHTHOUSE);
  });

  it('keeps words that only look like openers when they belong to the prompt', () => {
    const heron = 'Great blue heron standing in the mist at dawn, soft grey palette, watercolor.';
    expect(craft('generic', heron).prompt).toBe(heron);
    const enjoy = 'Two friends enjoy the view from a hilltop at sunset, warm golden light, film photograph.';
    expect(craft('generic', enjoy).prompt).toBe(enjoy);
  });

  it('drops markdown headings, bold labels and emphasis', () => {
    const raw = `### Image Prompt\n\n**Prompt:** A *lone* lighthouse keeper on a **storm-battered** cliff at dusk.`;
    expect(craft('gpt-image', raw).prompt).toBe('A lone lighthouse keeper on a storm-battered cliff at dusk.');
  });

  it('joins a prompt broken over several lines into one paragraph', () => {
    const raw = 'A lone lighthouse keeper on a cliff at dusk,\nlantern raised against the rain,\n\ncold teal and amber palette.';
    expect(craft('generic', raw).prompt).toBe(
      'A lone lighthouse keeper on a cliff at dusk, lantern raised against the rain, cold teal and amber palette.',
    );
  });

  it('removes Midjourney parameters and a negative prompt a model added by mistake', () => {
    const raw = `${LIGHTHOUSE} --ar 16:9 --v 6\nNegative prompt: blurry, text`;
    expect(craft('gpt-image', raw).prompt).toBe(LIGHTHOUSE);
  });

  it('cuts an over-long answer at a word boundary within the limit', () => {
    const raw = `${'A weathered stone lighthouse stands above the waves '.repeat(60)}end`;
    const { prompt } = craft('gpt-image', raw);
    expect(prompt.length).toBeLessThanOrEqual(2000);
    expect(prompt.length).toBeGreaterThan(1900);
    expect(raw.startsWith(prompt)).toBe(true);
    expect(raw[prompt.length]).toBe(' ');
  });

  it('returns nothing for an empty answer or one that is only talk', () => {
    expect(craft('gpt-image', '').prompt).toBe('');
    expect(craft('gpt-image', '   \n\n ').prompt).toBe('');
    expect(craft('gpt-image', 'Sure! Here is your prompt:\n\n```\n```').prompt).toBe('');
  });
});

describe('Midjourney', () => {
  it('repairs an em dash, "16x9", duplicates, out-of-range values and unknown parameters', () => {
    const raw =
      'lighthouse keeper on a storm-battered cliff, lantern raised, dusk, cinematic lighting —ar 16x9 --v 5.2 --s 2000 --s 100 --q 2 --no text, watermark --no text';
    expect(craft('midjourney', raw, { aspectRatio: '16:9' }).prompt).toBe(
      'lighthouse keeper on a storm-battered cliff, lantern raised, dusk, cinematic lighting --ar 16:9 --s 1000 --v 7 --no text, watermark',
    );
  });

  it('drops /imagine, joins parameters from their own line and turns --style raw into --raw', () => {
    const raw =
      '**Midjourney Prompt:**\n/imagine prompt: red fox asleep in fresh snow, pine forest, soft morning light,\n--style raw --chaos 150 --ar 3:2';
    expect(craft('midjourney', raw, { aspectRatio: '3:2' }).prompt).toBe(
      'red fox asleep in fresh snow, pine forest, soft morning light --ar 3:2 --c 100 --raw --v 7',
    );
  });

  it('moves words found between parameters back to the description and drops a remark after them', () => {
    const raw = 'a red fox --ar 1:1 curled in the snow --v 6 (v6 gives the best fur detail)';
    expect(craft('midjourney', raw, {}, '').prompt).toBe('a red fox curled in the snow --ar 1:1 --v 6');
  });

  it('turns a "Negative prompt" into --no, merged with the model’s own --no', () => {
    const raw = 'neon city street in the rain, reflections --no people\nNegative prompt: text, watermark, people';
    expect(craft('midjourney', raw).prompt).toBe('neon city street in the rain, reflections --ar 1:1 --v 7 --no people, text, watermark');
  });

  it('the chosen aspect ratio and version win; without a configured version a valid one is kept', () => {
    expect(craft('midjourney', 'a fox --ar 4:5 --v 6.1', { aspectRatio: '9:16' }, '').prompt).toBe('a fox --ar 9:16 --v 6.1');
    expect(craft('midjourney', 'a fox --v 12', {}, '').prompt).toBe('a fox --ar 1:1');
  });

  it('reads dashes of every kind and spaced em dashes before numbers, but leaves prose dashes alone', () => {
    expect(normalizeDashes('a fox –ar 3:2 −−v 7 — s 250')).toBe('a fox --ar 3:2 --v 7 --s 250');
    expect(normalizeDashes('a ship — raw and battered — no longer afloat')).toBe('a ship — raw and battered — no longer afloat');
    expect(craft('midjourney', 'a ship — raw and battered, storm —s 50').prompt).toBe(
      'a ship — raw and battered, storm --ar 1:1 --s 50 --v 7',
    );
  });

  it('parses aspect ratios written in many ways', () => {
    expect(parseRatio('16x9')).toBe('16:9');
    expect(parseRatio('16 : 9')).toBe('16:9');
    expect(parseRatio('32/18')).toBe('16:9');
    expect(parseRatio('1.91:1')).toBe('191:100');
    expect(parseRatio('wide')).toBeUndefined();
    expect(parseRatio('0:9')).toBeUndefined();
  });

  it('gives nothing, not bare parameters, when the answer had no description', () => {
    expect(craft('midjourney', '--ar 16:9 --v 7').prompt).toBe('');
  });
});

describe('Stable Diffusion', () => {
  it('splits the negative prompt into its own field and fixes weights, duplicates and settings lines', () => {
    const raw =
      'Positive prompt: (lighthouse keeper: 1.3), spiral staircase, lantern, storm, (dramatic lighting:2.7), masterpiece, best quality, Lighthouse Keeper, \nNegative prompt: blurry, lowres, bad anatomy, blurry.\nSteps: 30, Sampler: DPM++ 2M Karras, CFG scale: 7, Seed: 1234';
    expect(craft('stable-diffusion', raw)).toEqual({
      prompt:
        '(lighthouse keeper:1.3), spiral staircase, lantern, storm, (dramatic lighting:2), masterpiece, best quality, square composition',
      negativePrompt: 'blurry, lowres, bad anatomy',
    });
  });

  it('fills in a standard negative prompt when the model forgets it', () => {
    const { prompt, negativePrompt } = craft('stable-diffusion', 'red fox, fresh snow, pine forest, morning light');
    expect(prompt).toBe('red fox, fresh snow, pine forest, morning light, square composition');
    expect(negativePrompt).toContain('lowres');
    expect(negativePrompt).toContain('watermark');
  });

  it('reads a negative-first answer', () => {
    const raw = 'Negative prompt: text, watermark\nPositive prompt: red fox, snow';
    expect(craft('stable-diffusion', raw)).toEqual({ prompt: 'red fox, snow, square composition', negativePrompt: 'text, watermark' });
  });

  it('reads bulleted tags in fences with a bold negative label between the blocks', () => {
    const raw =
      'Here you go!\n```\n- red fox\n- (fresh snow:1.2)\n- pine forest\n```\n**Negative prompt:**\n```\nblurry, text\n```\nEnjoy!';
    expect(craft('stable-diffusion', raw)).toEqual({
      prompt: 'red fox, (fresh snow:1.2), pine forest, square composition',
      negativePrompt: 'blurry, text',
    });
  });

  it('repairs unbalanced brackets and keeps weighted groups with commas inside whole', () => {
    expect(craft('stable-diffusion', '(red fox, snow:1.1), pine forest').prompt).toBe(
      '(red fox, snow:1.1), pine forest, square composition',
    );
    const broken = '((red fox, snow:1.1), (pine forest:1.2, misty morning\nNegative prompt: blurry';
    expect(craft('stable-diffusion', broken).prompt).toBe('red fox, snow, pine forest, misty morning, square composition');
  });

  it('does not mistake a "negative space" tag for the negative prompt', () => {
    const raw = 'minimalist, lone tree, negative space, fog\nNegative prompt: clutter';
    expect(craft('stable-diffusion', raw)).toEqual({
      prompt: 'minimalist, lone tree, negative space, fog, square composition',
      negativePrompt: 'clutter',
    });
  });

  it('adds the style and aspect tags the model left out and keeps them when the prompt is cut', () => {
    const many = Array.from({ length: 200 }, (_, i) => `detail number ${i}`).join(', ');
    const { prompt } = craft('stable-diffusion', `${many}\nNegative prompt: blurry`, { style: 'pixel-art', aspectRatio: '16:9' });
    expect(prompt.length).toBeLessThanOrEqual(1000);
    expect(prompt.startsWith('detail number 0, detail number 1,')).toBe(true);
    expect(prompt.endsWith('pixel art, 16-bit, limited palette, sprite, wide shot, widescreen, horizontal composition')).toBe(true);
  });
});

describe('Flux', () => {
  it('drops sentences that only say what to leave out, and any negative prompt', () => {
    const raw =
      'A red fox sleeps in fresh snow beneath a pine. Soft morning light filters through the branches. No text or watermarks. Without people.\nNegative prompt: blurry';
    expect(craft('flux', raw).prompt).toBe(
      'A red fox sleeps in fresh snow beneath a pine. Soft morning light filters through the branches.',
    );
  });
});

describe('variations', () => {
  it('splits takes on separator lines, dropping the preamble and the closing remark', () => {
    const raw = 'Here are three takes:\n\nA fox at dawn.\n---\nA fox at noon.\n---\nA fox at night.\n\nFeel free to mix them!';
    expect(craft('gpt-image', raw, { variationCount: 3 })).toEqual({
      prompt: 'A fox at dawn.',
      variations: ['A fox at dawn.', 'A fox at noon.', 'A fox at night.'],
    });
  });

  it('splits numbered takes and cleans each one for its target', () => {
    const raw = '1. **a fox in snow** —ar 16x9\n2. a fox at night, moonlight --v 6\n3) a fox cub, pastel colors';
    expect(craft('midjourney', raw, { variationCount: 3, aspectRatio: '4:5' }).variations).toEqual([
      'a fox in snow --ar 4:5 --v 7',
      'a fox at night, moonlight --ar 4:5 --v 7',
      'a fox cub, pastel colors --ar 4:5 --v 7',
    ]);
  });

  it('keeps each Stable Diffusion take with its own negative prompt, from separate code blocks', () => {
    const raw =
      '**Variation 1**\n```\nred fox, snow\nNegative prompt: blurry\n```\n**Variation 2**\n```\nred fox, night\nNegative prompt: text\n```';
    expect(craft('stable-diffusion', raw, { variationCount: 2 })).toEqual({
      prompt: 'red fox, snow, square composition',
      negativePrompt: 'blurry',
      variations: ['red fox, snow, square composition', 'red fox, night, square composition'],
      variationNegatives: ['blurry', 'text'],
    });
  });

  it('caps extra takes, drops duplicates and accepts fewer than asked', () => {
    const five = 'A\n---\nB\n---\nB\n---\nC\n---\nD';
    expect(craft('generic', five, { variationCount: 2 }).variations).toEqual(['A', 'B']);
    expect(craft('generic', five, { variationCount: 6 }).variations).toEqual(['A', 'B', 'C', 'D']);
    expect(craft('generic', 'Only one take came back.', { variationCount: 3 }).variations).toEqual(['Only one take came back.']);
  });
});

describe('helpers', () => {
  it('strips only quotes that wrap the whole text', () => {
    expect(stripWrappingQuotes('«Un phare dans la tempête»')).toBe('Un phare dans la tempête');
    expect(stripWrappingQuotes('"a" and "b"')).toBe('"a" and "b"');
    expect(stripWrappingQuotes('`a fox`')).toBe('a fox');
  });

  it('limits length at a word boundary without a dangling comma', () => {
    expect(limitAtWordBoundary('alpha beta, gamma delta', 12)).toBe('alpha beta');
    expect(limitAtWordBoundary('alpha beta', 10)).toBe('alpha beta');
    expect(limitAtWordBoundary('supercalifragilistic', 5)).toBe('super');
  });
});
