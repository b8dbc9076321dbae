// Settings change by patches of named fields: which patches cross contexts, how one applies,
// what a form sends, and the serialised writer (with a slow stored value, as storage is).
import { describe, expect, it } from 'vitest';
import { parseEnvelope } from '../../utils/protocol';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/settings';
import { applySettingsPatch, automaticChatModel, parseSettingsPatch, settingsPatch, settingsWriter } from '../../utils/settings-patch';

/** A stored value whose reads and writes take time, as storage does; counts the writes. */
function slowItem(initial: unknown) {
  let value = initial;
  let writes = 0;
  const pause = () => new Promise((resolve) => setTimeout(resolve, 3));
  return {
    getValue: async () => {
      await pause();
      return value as Settings;
    },
    setValue: async (next: Settings) => {
      await pause();
      value = next;
      writes += 1;
    },
    peek: () => value as Settings,
    writes: () => writes,
  };
}

describe('parseSettingsPatch: the strict check of a patch from a page', () => {
  it('keeps known fields whose values the schema keeps as they are', () => {
    const patch = {
      target: 'flux',
      requestTimeoutSeconds: 45,
      baseUrl: 'http://localhost:11434/v1',
      // Nested fields are whole named fields.
      context: { title: true, url: false, urlQuery: false, heading: true, surrounding: false },
      images: { ...DEFAULT_SETTINGS.images, count: 2 },
      templates: {},
    };
    expect(parseSettingsPatch(patch)).toEqual(patch);
    expect(parseSettingsPatch({})).toEqual({});
  });

  it.each([
    ['an unknown field', { theme: 'dark' }],
    ['a prototype key', JSON.parse('{"__proto__": {"chatModel": "x"}}')],
    ['a wrong type', { requestTimeoutSeconds: '45' }],
    ['a value out of range (the schema would clamp it)', { requestTimeoutSeconds: 5 }],
    ['an untrimmed text (the schema would trim it)', { chatModel: ' gpt ' }],
    ['an unknown target', { target: 'dall-e-9' }],
    ['a base URL not yet normalised', { baseUrl: 'localhost:11434' }],
    ['a base URL that is not one', { baseUrl: 'javascript:alert(1)' }],
    ['a partial nested field', { context: { title: false } }],
    ['a nested field in another key order', { images: { count: 1, format: 'png', quality: 'auto', model: '' } }],
    ['an unknown key in a nested field', { images: { ...DEFAULT_SETTINGS.images, size: 'huge' } }],
    ['a list', [['target', 'flux']]],
    ['nothing', null],
  ])('rejects the whole patch for %s', (_name, patch) => {
    expect(parseSettingsPatch(patch)).toBeNull();
  });

  it('is the validator of the updateSettings message', () => {
    expect(parseEnvelope({ type: 'updateSettings', payload: { patch: { style: 'anime' } } })).toEqual({
      type: 'updateSettings',
      payload: { patch: { style: 'anime' } },
    });
    expect(parseEnvelope({ type: 'updateSettings', payload: { patch: { style: 'anime', apiKey: 'sk-x' } } })).toBeNull();
    expect(parseEnvelope({ type: 'updateSettings', payload: {} })).toBeNull();
  });
});

describe('applySettingsPatch', () => {
  it('changes the named fields only and validates the result through the one schema', () => {
    const current: Settings = { ...DEFAULT_SETTINGS, chatModel: 'model-a', target: 'midjourney' };
    expect(applySettingsPatch(current, { style: 'anime' })).toEqual({ ...current, style: 'anime' });
    // A nested field is replaced whole.
    const context = { ...DEFAULT_SETTINGS.context, surrounding: false };
    expect(applySettingsPatch(current, { context }).context).toEqual(context);
    // Even a value that skipped the strict check (the background's own patches) is made valid.
    expect(applySettingsPatch(current, { requestTimeoutSeconds: 1 }).requestTimeoutSeconds).toBe(10);
  });
});

describe('settingsPatch: what the options form sends', () => {
  const loaded: Settings = { ...DEFAULT_SETTINGS, chatModel: 'model-a' };

  it('only the fields whose values changed', () => {
    expect(settingsPatch(loaded, loaded)).toEqual({});
    const context = { ...loaded.context, heading: false };
    expect(settingsPatch(loaded, { ...loaded, requestTimeoutSeconds: 45, context })).toEqual({ requestTimeoutSeconds: 45, context });
  });

  it('a new endpoint takes the chat model with it, even an unchanged one', () => {
    expect(settingsPatch(loaded, { ...loaded, baseUrl: 'http://localhost:8080/v1' })).toEqual({
      baseUrl: 'http://localhost:8080/v1',
      chatModel: 'model-a',
    });
    expect(settingsPatch({ ...loaded, chatModel: '' }, { ...loaded, chatModel: '', provider: 'ollama' })).toEqual({
      provider: 'ollama',
      chatModel: '',
    });
  });
});

describe('automaticChatModel: the background remembers the model it picked', () => {
  const listedFor = { provider: 'openai', baseUrl: DEFAULT_SETTINGS.baseUrl } as const;
  const remember = automaticChatModel(listedFor, 'model-auto');

  it('while the model is still unset for the endpoint it listed', () => {
    expect(remember(DEFAULT_SETTINGS)).toEqual({ chatModel: 'model-auto' });
  });

  it('never over a model saved meanwhile, nor for another endpoint', () => {
    expect(remember({ ...DEFAULT_SETTINGS, chatModel: 'model-mine' })).toEqual({});
    expect(remember({ ...DEFAULT_SETTINGS, baseUrl: 'http://localhost:11434/v1', provider: 'ollama' })).toEqual({});
  });
});

describe('settingsWriter', () => {
  it('applies concurrent patches one after another: every named field lands', async () => {
    const item = slowItem(DEFAULT_SETTINGS);
    const writer = settingsWriter(item);
    const results = await Promise.all([
      writer.update({ requestTimeoutSeconds: 45 }),
      writer.update({ target: 'flux' }),
      writer.update(automaticChatModel(DEFAULT_SETTINGS, 'model-auto')),
      writer.update({ style: 'anime' }),
    ]);
    expect(item.peek()).toEqual({
      ...DEFAULT_SETTINGS,
      requestTimeoutSeconds: 45,
      target: 'flux',
      chatModel: 'model-auto',
      style: 'anime',
    });
    // Each answers the settings as stored right after it.
    expect(results[1]).toMatchObject({ requestTimeoutSeconds: 45, target: 'flux', chatModel: '' });
  });

  it('a conditional patch sees the patches queued before it', async () => {
    const item = slowItem(DEFAULT_SETTINGS);
    const writer = settingsWriter(item);
    await Promise.all([writer.update({ chatModel: 'model-mine' }), writer.update(automaticChatModel(DEFAULT_SETTINGS, 'model-auto'))]);
    expect(item.peek().chatModel).toBe('model-mine');
  });

  it('validates what it reads, writes nothing when nothing changes, and survives a failing change', async () => {
    const item = slowItem({ target: 'flux', bogus: true });
    const writer = settingsWriter(item);
    expect(await writer.update({})).toEqual({ ...DEFAULT_SETTINGS, target: 'flux' });
    expect(await writer.update({ target: 'flux' })).toEqual({ ...DEFAULT_SETTINGS, target: 'flux' });
    expect(item.writes()).toBe(0);
    await expect(
      writer.update(() => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await writer.update({ style: 'anime' })).toMatchObject({ target: 'flux', style: 'anime' });
    expect(item.peek()).toEqual({ ...DEFAULT_SETTINGS, target: 'flux', style: 'anime' });
  });
});
