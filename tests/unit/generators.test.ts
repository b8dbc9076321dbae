import { describe, expect, it } from 'vitest';
import { customSite, fillPatterns, unusedSitePatterns } from '../../utils/generator-edits';
import {
  bareUrl,
  clipboardTextFor,
  DEFAULT_GENERATORS,
  type ExternalGenerator,
  fillUrl,
  handoffKind,
  handoffPlan,
  isValidTemplate,
  newGeneratorId,
  pasteKeys,
  showsSite,
  sitePattern,
  validateGenerators,
} from '../../utils/generators';
import { OPTIONAL_HOST_PERMISSIONS } from '../../utils/manifest';

const byId = (id: string) => DEFAULT_GENERATORS.find((g) => g.id === id) as ExternalGenerator;

describe('external generators', () => {
  it('has the generators people use, each with a valid address', () => {
    expect(DEFAULT_GENERATORS.map((g) => g.name)).toEqual([
      'ChatGPT',
      'Bing Image Creator',
      'Midjourney',
      'Ideogram',
      'Leonardo',
      'Runway',
      'Krea',
      'Adobe Firefly',
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
    const local = { ...byId('local-sd'), id: 'a1111', urlTemplate: 'http://localhost:7860/?p={prompt}&n={negative}' };
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
      { id: 'ok', name: ' Mine ', urlTemplate: 'https://mine.test/?q={prompt}', mode: 'open' },
      { id: 'ok', name: 'Dup', urlTemplate: 'https://dup.test/' },
      { id: 'js', name: 'Evil', urlTemplate: 'javascript:alert(1)' },
      { id: 'Bad Id', name: 'x', urlTemplate: 'https://x.test/' },
      { id: 'noname', name: '  ', urlTemplate: 'https://x.test/' },
      'nonsense',
    ]);
    expect(list).toEqual([
      {
        id: 'ok',
        name: 'Mine',
        urlTemplate: 'https://mine.test/?q={prompt}',
        mode: 'open',
        promptSelectors: [],
        negativeSelectors: [],
        enabled: true,
      },
    ]);
  });

  it('keeps rows as the person left them: mode, selectors (trimmed, bounded), disabled', () => {
    const stored = [
      { id: 'ideogram', name: 'Ideogram', urlTemplate: 'https://ideogram.ai/', mode: 'open', enabled: false },
      { id: 'mine', name: 'Mine', urlTemplate: 'https://mine.test/', mode: 'fill', promptSelectors: [' #p ', '', 3, 'x'.repeat(301)] },
    ];
    expect(validateGenerators(stored)).toEqual([
      {
        id: 'ideogram',
        name: 'Ideogram',
        urlTemplate: 'https://ideogram.ai/',
        mode: 'open',
        promptSelectors: [],
        negativeSelectors: [],
        enabled: false,
      },
      {
        id: 'mine',
        name: 'Mine',
        urlTemplate: 'https://mine.test/',
        mode: 'fill',
        promptSelectors: ['#p'],
        negativeSelectors: [],
        enabled: true,
      },
    ]);
    expect(validateGenerators(validateGenerators(stored))).toEqual(validateGenerators(stored));
  });

  it('migrates a list stored before filling: old default rows fill, edited rows still open, new fill rows added', () => {
    const old = [
      { id: 'chatgpt', name: 'ChatGPT', urlTemplate: 'https://chatgpt.com/?q={prompt}' },
      { id: 'midjourney', name: 'MJ', urlTemplate: 'https://www.midjourney.com/imagine' },
      { id: 'leonardo', name: 'Leonardo', urlTemplate: 'https://leonardo.example/' },
    ];
    const list = validateGenerators(old);
    expect(list.map((g) => [g.id, g.name, handoffKind(g)])).toEqual([
      ['chatgpt', 'ChatGPT', 'link'],
      ['midjourney', 'MJ', 'fill'],
      ['leonardo', 'Leonardo', 'paste'],
      ['runway', 'Runway', 'fill'],
      ['krea', 'Krea', 'fill'],
      ['firefly', 'Adobe Firefly', 'fill'],
    ]);
    expect(list[1]?.promptSelectors).toEqual(byId('midjourney').promptSelectors);
    // Once stored in the new shape, a removed row stays removed.
    expect(validateGenerators(list.filter((g) => g.id !== 'krea')).map((g) => g.id)).not.toContain('krea');
  });

  it('says how each default reaches its site (the README table)', () => {
    expect(Object.fromEntries(DEFAULT_GENERATORS.map((g) => [g.name, handoffKind(g)]))).toEqual({
      ChatGPT: 'link',
      'Bing Image Creator': 'link',
      Midjourney: 'fill',
      Ideogram: 'fill',
      Leonardo: 'fill',
      Runway: 'fill',
      Krea: 'fill',
      'Adobe Firefly': 'fill',
      'Local Stable Diffusion / ComfyUI': 'paste',
    });
    for (const g of DEFAULT_GENERATORS.filter((g) => g.mode === 'fill')) expect(g.promptSelectors.length, g.id).toBeGreaterThan(0);
  });

  it('asks for each fill site by its host only, within what the manifest declares as optional', () => {
    expect(sitePattern('https://www.midjourney.com/imagine')).toBe('https://www.midjourney.com/*');
    expect(sitePattern('http://localhost:5173/app?q={prompt}')).toBe('http://localhost/*');
    expect(sitePattern('ftp://x.test/')).toBeNull();
    for (const pattern of fillPatterns(DEFAULT_GENERATORS)) {
      const scheme = pattern.split('//')[0];
      expect(OPTIONAL_HOST_PERMISSIONS, pattern).toContain(`${scheme}//*/*`);
    }
    expect(fillUrl({ ...byId('krea'), urlTemplate: 'https://krea.test/new?p={prompt}&m=1' })).toBe('https://krea.test/new?m=1');
  });

  it('gives back only site permissions no fill row uses any more and nothing else needs', () => {
    const defaults = DEFAULT_GENERATORS.slice();
    const withoutKrea = defaults.filter((g) => g.id !== 'krea');
    expect(unusedSitePatterns(defaults, withoutKrea, [])).toEqual(['https://www.krea.ai/*']);
    expect(unusedSitePatterns(defaults, withoutKrea, ['https://www.krea.ai/*'])).toEqual([]);
    const custom = customSite('http://localhost:3000/studio', '#box', defaults) as ExternalGenerator;
    expect(unusedSitePatterns([...defaults, custom], defaults, [])).toEqual(['http://localhost/*']);
    // Two rows on one host: removing one keeps the permission.
    const twin = { ...custom, id: 'twin', urlTemplate: 'http://localhost:4000/' };
    expect(unusedSitePatterns([custom, twin], [twin], [])).toEqual([]);
  });

  it('makes a Custom site row from an address and an optional selector', () => {
    expect(customSite('https://www.studio.example/create', ' #prompt ', DEFAULT_GENERATORS)).toEqual({
      id: 'studio-example',
      name: 'studio.example',
      urlTemplate: 'https://www.studio.example/create',
      mode: 'fill',
      promptSelectors: ['#prompt'],
      negativeSelectors: [],
      enabled: true,
    });
    expect(customSite('https://studio.example/', '', [])?.promptSelectors).toEqual([]);
    expect(customSite('not a url', '', [])).toBeNull();
  });

  it('recognises a tab already on the generator page, and names the paste keys per platform', () => {
    expect(showsSite('https://www.midjourney.com/imagine?x=1', 'https://www.midjourney.com/imagine')).toBe(true);
    expect(showsSite('https://www.midjourney.com/explore', 'https://www.midjourney.com/imagine')).toBe(false);
    expect(showsSite('https://ideogram.ai/t/explore', 'https://ideogram.ai/')).toBe(true);
    expect(showsSite('https://evil.test/ideogram.ai/', 'https://ideogram.ai/')).toBe(false);
    expect(showsSite(undefined, 'https://ideogram.ai/')).toBe(false);
    expect(pasteKeys('MacIntel')).toBe('⌘+V');
    expect(pasteKeys('macOS')).toBe('⌘+V');
    expect(pasteKeys('Win32')).toBe('Ctrl+V');
    expect(pasteKeys('')).toBe('Ctrl+V');
  });

  it('makes unique ids for new rows', () => {
    expect(newGeneratorId('My Generator!', [])).toBe('my-generator');
    expect(newGeneratorId('ChatGPT', DEFAULT_GENERATORS)).toBe('chatgpt-2');
    expect(newGeneratorId('???', [])).toBe('generator');
  });
});
