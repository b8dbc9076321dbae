// The popup's light storage items under fakeBrowser: the same stored format as @wxt-dev/storage
// (so pages and the background read each other's writes), fallbacks, and watching.

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { settingsItem } from '../../utils/background/settings-item';
import { DEFAULT_SETTINGS, SETTINGS_VERSION } from '../../utils/settings';
import { loadSettings, watchSettings } from '../../utils/settings-store';
import { storedValue } from '../../utils/stored-value';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('storedValue', () => {
  it('reads and writes the bare value under its key, in its area', async () => {
    const item = storedValue<{ n: number } | null>('session:thing', null);
    expect(await item.getValue()).toBeNull();
    await item.setValue({ n: 1 });
    expect(await fakeBrowser.storage.session.get('thing')).toEqual({ thing: { n: 1 } });
    expect(await fakeBrowser.storage.local.get('thing')).toEqual({});
    expect(await item.getValue()).toEqual({ n: 1 });
  });

  it('agrees with @wxt-dev/storage both ways, and null removes the value', async () => {
    const light = storedValue<string>('local:last', 'none');
    const library = storage.defineItem<string>('local:last', { fallback: 'none' });
    await library.setValue('from the library');
    expect(await light.getValue()).toBe('from the library');
    await light.setValue('from the page');
    expect(await library.getValue()).toBe('from the page');
    await light.setValue(null as never);
    expect(await fakeBrowser.storage.local.get('last')).toEqual({});
    expect(await library.getValue()).toBe('none');
  });

  it('calls a watcher with each new value, the fallback once removed, and never after unwatching', async () => {
    const item = storedValue<string>('session:word', 'fallback');
    const seen = vi.fn();
    const unwatch = item.watch(seen);
    await item.setValue('one');
    await fakeBrowser.storage.session.set({ other: 'ignored' });
    await item.removeValue();
    unwatch();
    await item.setValue('two');
    expect(seen.mock.calls).toEqual([['one'], ['fallback']]);
  });
});

describe('settings as pages read them', () => {
  it('read what the background wrote through its versioned item, checked against the schema', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, chatModel: 'picked-model' });
    expect((await loadSettings()).chatModel).toBe('picked-model');
    expect(await fakeBrowser.storage.local.get('settings$')).toEqual({ settings$: { v: SETTINGS_VERSION } });
  });

  it('are the defaults before anything was saved, and a broken field falls back to its default', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, chatModel: 42 } });
    expect((await loadSettings()).chatModel).toBe(DEFAULT_SETTINGS.chatModel);
  });

  it('follow each change', async () => {
    const seen = vi.fn();
    const unwatch = watchSettings((settings) => seen(settings.chatModel));
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, chatModel: 'next-model' });
    unwatch();
    expect(seen).toHaveBeenCalledWith('next-model');
  });
});
