import { describe, expect, it } from 'vitest';
import { ASPECT_RATIOS } from '../../utils/aspect-ratios';
import { DEFAULT_CRAFT_SETTINGS, defaultChoice, strictCraftChoice, validateCraftSettings } from '../../utils/craft';
import { DEFAULT_SETTINGS, validateSettings } from '../../utils/settings';
import { STYLE_PRESETS } from '../../utils/styles';
import { DEFAULT_TARGET, TARGETS, targetMenuEntries } from '../../utils/targets';
import { renderTemplate, templateProblems } from '../../utils/templates';

describe('craft tables', () => {
  it('has at least 10 style presets plus "none", and the six aspect ratios', () => {
    expect(STYLE_PRESETS[0]?.id).toBe('none');
    expect(STYLE_PRESETS.length).toBeGreaterThanOrEqual(11);
    for (const style of STYLE_PRESETS.slice(1)) {
      expect(style.words && style.phrases && style.tags, style.id).toBeTruthy();
    }
    expect(ASPECT_RATIOS.map((a) => a.id)).toEqual(['1:1', '3:2', '2:3', '4:5', '16:9', '9:16']);
    for (const a of ASPECT_RATIOS) expect(`${a.width}:${a.height}`).toBe(a.id);
  });

  it('lists targets for the context menu with the default first', () => {
    expect(targetMenuEntries()[0]?.target).toBe(DEFAULT_TARGET);
    const entries = targetMenuEntries('flux');
    expect(entries.map((e) => e.target)).toEqual(['flux', 'gpt-image', 'midjourney', 'stable-diffusion', 'generic']);
    expect(entries[0]?.title).toBe('For Flux');
    expect(entries).toHaveLength(TARGETS.length);
  });
});

describe('craft settings', () => {
  it('are part of the settings defaults and survive validation', () => {
    expect(validateSettings({})).toMatchObject(DEFAULT_CRAFT_SETTINGS);
    expect(DEFAULT_SETTINGS).toMatchObject({ target: 'gpt-image', style: 'none', aspectRatio: '1:1', keepSourceLanguage: false });
  });

  it('keep valid values and replace broken ones', () => {
    const settings = validateCraftSettings({
      target: 'midjourney',
      style: 'watercolor',
      aspectRatio: '9:16',
      variationCount: 9,
      customInstructions: `  ${'x'.repeat(3000)}`,
      keepSourceLanguage: true,
      midjourneyVersion: '6.1',
      templates: { midjourney: 'Draw {{selection}}', flux: 'Bad {{nope}} {{selection}}', unknown: '{{selection}}' },
    });
    expect(settings).toMatchObject({
      target: 'midjourney',
      style: 'watercolor',
      aspectRatio: '9:16',
      variationCount: 6,
      keepSourceLanguage: true,
    });
    expect(settings.customInstructions).toHaveLength(2000);
    expect(settings.midjourneyVersion).toBe('6.1');
    expect(settings.templates).toEqual({ midjourney: 'Draw {{selection}}' });
    expect(
      validateCraftSettings({ target: 'dall-e', style: 5, aspectRatio: '21:9', midjourneyVersion: 'v7', variationCount: 1 }),
    ).toMatchObject({
      target: 'gpt-image',
      style: 'none',
      aspectRatio: '1:1',
      midjourneyVersion: '7',
      variationCount: 1,
    });
    expect(validateCraftSettings({ midjourneyVersion: '' }).midjourneyVersion).toBe('');
  });

  it('a job’s choice comes from the defaults, overridden only by defined values', () => {
    const settings = { ...DEFAULT_CRAFT_SETTINGS, target: 'flux' as const, style: 'anime' as const };
    expect(defaultChoice(settings)).toEqual({ target: 'flux', style: 'anime', aspectRatio: '1:1', variationCount: 1 });
    expect(defaultChoice(settings, { target: 'midjourney', style: undefined, variationCount: 4 })).toEqual({
      target: 'midjourney',
      style: 'anime',
      aspectRatio: '1:1',
      variationCount: 4,
    });
  });

  it('the protocol accepts only complete, valid choices', () => {
    const good = { target: 'flux', style: 'anime', aspectRatio: '4:5', variationCount: 3 };
    expect(strictCraftChoice(good)).toEqual(good);
    expect(strictCraftChoice({ ...good, variationCount: 7 })).toBeNull();
    expect(strictCraftChoice({ ...good, target: 'dall-e' })).toBeNull();
    expect(strictCraftChoice({ ...good, aspectRatio: undefined })).toBeNull();
  });
});

describe('templates', () => {
  it('report unknown placeholders, a missing {{selection}} and unclosed braces', () => {
    expect(templateProblems('Draw {{selection}} from {{context}}')).toEqual([]);
    expect(templateProblems('Draw {{ selection }}')).toEqual([]);
    expect(templateProblems('Draw {{selection}} at {{time}} by {{author}}')).toEqual([
      { code: 'unknown-placeholder', name: 'time' },
      { code: 'unknown-placeholder', name: 'author' },
    ]);
    expect(templateProblems('Draw {{context}}')).toEqual([{ code: 'no-selection' }]);
    expect(templateProblems('Draw {{selection}} {{context')).toEqual([{ code: 'unclosed-placeholder' }]);
  });

  it('render values once, without reading placeholders inside the selection', () => {
    expect(renderTemplate('A: {{selection}}\n\n\n\n{{context}}', { selection: 'say {{context}}', context: '' })).toBe('A: say {{context}}');
  });
});
