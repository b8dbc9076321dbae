// Settings written from several contexts at once: the options page's Save and the popup's picker
// (messages to the background) and the background's own automatic chat model, against fakeBrowser
// storage made slow enough that unserialised read-modify-writes interleave. Nothing is lost.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { rememberChoice } from '../../components/popup/usePopupCraft';
import { handlers } from '../../utils/background/handlers';
import { settingsItem } from '../../utils/background/settings-item';
import { updateSettings } from '../../utils/background/settings-writer';
import { PromptbrushError } from '../../utils/errors';
import { send } from '../../utils/messaging';
import { parseEnvelope, type Reply } from '../../utils/protocol';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/settings';
import { automaticChatModel, settingsPatch } from '../../utils/settings-patch';
import { loadSettings } from '../../utils/settings-store';

const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

beforeEach(async () => {
  fakeBrowser.reset();
  await settingsItem.setValue(DEFAULT_SETTINGS);
  // Storage takes time, as it does in a browser: reads and writes of several writers interleave.
  const { local } = fakeBrowser.storage;
  const get = local.get.bind(local);
  const set = local.set.bind(local);
  vi.spyOn(local, 'get').mockImplementation((async (...args: Parameters<typeof get>) => {
    await pause();
    return get(...args);
  }) as never);
  vi.spyOn(local, 'set').mockImplementation((async (...args: Parameters<typeof set>) => {
    await pause();
    return set(...args);
  }) as never);
  // The background's end of a message: the protocol's check, then its handler.
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (raw: unknown) => {
    const envelope = parseEnvelope(raw);
    if (!envelope) return { ok: false, error: { kind: 'not-sent' } } satisfies Reply<unknown>;
    const handler = handlers[envelope.type] as (payload: unknown) => Promise<unknown>;
    return handler(envelope.payload).then(
      (data): Reply<unknown> => ({ ok: true, data }),
      (error: unknown): Reply<unknown> => ({ ok: false, error: { kind: 'unknown', detail: String(error) } }),
    );
  }) as never);
});
afterEach(() => vi.restoreAllMocks());

describe('settings written from several contexts at once', () => {
  it('the options page, the popup and the background patch concurrently: every change lands', async () => {
    const loaded = await loadSettings();
    const edited: Settings = { ...loaded, requestTimeoutSeconds: 45, context: { ...loaded.context, surrounding: false } };
    await Promise.all([
      // Options page: Save sends what the person changed.
      send('updateSettings', { patch: settingsPatch(loaded, edited) }),
      // Popup: a picker remembers its choice.
      rememberChoice({ target: 'flux', style: 'anime' }),
      // Background: the automatic chat model it just picked.
      updateSettings(automaticChatModel(loaded, 'model-auto')),
      rememberChoice({ aspectRatio: '16:9' }),
    ]);
    expect(await loadSettings()).toEqual({
      ...DEFAULT_SETTINGS,
      requestTimeoutSeconds: 45,
      context: { ...DEFAULT_SETTINGS.context, surrounding: false },
      target: 'flux',
      style: 'anime',
      aspectRatio: '16:9',
      chatModel: 'model-auto',
    });
  });

  it('(control) the same changes as whole snapshots, read and written by each context, lose some', async () => {
    const wholeSnapshot = async (patch: Partial<Settings>) => settingsItem.setValue({ ...(await loadSettings()), ...patch });
    await Promise.all([
      wholeSnapshot({ requestTimeoutSeconds: 45 }),
      wholeSnapshot({ target: 'flux' }),
      wholeSnapshot({ chatModel: 'model-auto' }),
    ]);
    const stored = await loadSettings();
    const landed = [stored.requestTimeoutSeconds === 45, stored.target === 'flux', stored.chatModel === 'model-auto'];
    expect(landed.filter(Boolean).length).toBeLessThan(3);
  });

  it('a chat model the person saves while the background picks one wins, in either order', async () => {
    const loaded = await loadSettings();
    const person = () => send('updateSettings', { patch: { chatModel: 'model-mine' } });
    const background = () => updateSettings(automaticChatModel(loaded, 'model-auto'));
    await Promise.all([person(), background()]);
    expect((await loadSettings()).chatModel).toBe('model-mine');

    await settingsItem.setValue(DEFAULT_SETTINGS);
    await Promise.all([background(), person()]);
    expect((await loadSettings()).chatModel).toBe('model-mine');
  });

  it('a patch the protocol refuses is not acted on, and changes nothing', async () => {
    const refused = send('updateSettings', { patch: { target: 'flux', chatModel: ' padded ' } });
    await expect(refused).rejects.toBeInstanceOf(PromptbrushError);
    await expect(refused).rejects.toMatchObject({ kind: 'not-sent' });
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });
});
