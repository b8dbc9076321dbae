import { describe, expect, it } from 'vitest';
import {
  bareUrl,
  clipboardTextFor,
  DEFAULT_GENERATORS,
  type ExternalGenerator,
  handoffPlan,
  isValidTemplate,
  newGeneratorId,
  validateGenerators,
} from '../../utils/generators';

const byId = (id: string) => DEFAULT_GENERATORS.find((g) => g.id === id) as ExternalGenerator;

describe('external generators', () => {
  it('has the generators people use, each with a valid address', () => {
    expect(DEFAULT_GENERATORS.map((g) => g.name)).toEqual([
      'ChatGPT',
      'Bing Image Creator',
      'Midjourney',
      'Ideogram',
      'Leonardo',
      'Local Stable Diffusion / ComfyUI',
    ]);
    for (const g of DEFAULT_GENERATORS) expect(isValidTemplate(g.urlTemplate), g.id).toBe(true);
  });

  it('prefills the prompt, encoded, where the site reads it from the address', () => {
    const plan = handoffPlan(byId('chatgpt'), { prompt: ' A fox & a hare, 50% fog? ' });
    expect(plan).toEqual({
      clipboardText: 'A fox & a hare, 50% fog?',
      url: 'https://chatgpt.com/?q=A%20fox%20%26%20a%20hare%2C%2050%25%20fog%3F',
      prefilled: true,
    });
  });

  it('only opens sites that take no prefill; the prompt goes by clipboard', () => {
    expect(handoffPlan(byId('midjourney'), { prompt: 'A fox' })).toEqual({
      clipboardText: 'A fox',
      url: 'https://www.midjourney.com/imagine',
      prefilled: false,
    });
  });

  it('copies the negative prompt under the prompt, and fills {negative} where a template has it', () => {
    const input = { prompt: 'a fox, snow', negativePrompt: 'blurry, text' };
    expect(clipboardTextFor(input)).toBe('a fox, snow\n\nNegative prompt: blurry, text');
    const local = { id: 'a1111', name: 'A1111', urlTemplate: 'http://localhost:7860/?p={prompt}&n={negative}' };
    expect(handoffPlan(local, input).url).toBe('http://localhost:7860/?p=a%20fox%2C%20snow&n=blurry%2C%20text');
  });

  it('falls back to the bare site and the clipboard when the link would be too long', () => {
    const prompt = 'word '.repeat(600);
    const plan = handoffPlan(byId('bing'), { prompt });
    expect(plan.prefilled).toBe(false);
    expect(plan.url).toBe('https://www.bing.com/images/create');
    expect(plan.clipboardText).toBe(prompt.trim());
    expect(plan.note).toMatch(/too long for a link/);
    expect(handoffPlan(byId('bing'), { prompt: 'short' }, 40).prefilled).toBe(false);
  });

  it('bareUrl drops only the parameters that hold the prompt', () => {
    expect(bareUrl('https://x.test/create?q={prompt}&mode=image')).toBe('https://x.test/create?mode=image');
    expect(bareUrl('https://x.test/p/{prompt}')).toBe('https://x.test/');
  });

  it('validates stored lists: bad rows dropped, duplicates removed, nothing stored → defaults', () => {
    expect(validateGenerators(undefined)).toEqual(DEFAULT_GENERATORS);
    expect(validateGenerators([])).toEqual([]);
    const list = validateGenerators([
      { id: 'ok', name: ' Mine ', urlTemplate: 'https://mine.test/?q={prompt}' },
      { id: 'ok', name: 'Dup', urlTemplate: 'https://dup.test/' },
      { id: 'js', name: 'Evil', urlTemplate: 'javascript:alert(1)' },
      { id: 'Bad Id', name: 'x', urlTemplate: 'https://x.test/' },
      { id: 'noname', name: '  ', urlTemplate: 'https://x.test/' },
      'nonsense',
    ]);
    expect(list).toEqual([{ id: 'ok', name: 'Mine', urlTemplate: 'https://mine.test/?q={prompt}' }]);
  });

  it('makes unique ids for new rows', () => {
    expect(newGeneratorId('My Generator!', [])).toBe('my-generator');
    expect(newGeneratorId('ChatGPT', DEFAULT_GENERATORS)).toBe('chatgpt-2');
    expect(newGeneratorId('???', [])).toBe('generator');
  });
});
