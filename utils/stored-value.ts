// Browser glue: one value kept under one key of storage.local or storage.session, read, written and
// watched. The popup's own items go through this, not @wxt-dev/storage: that library (with its
// migration and locking code) is ~3 KB gzipped of the popup at open, and only the versioned settings
// item needs it (utils/background/settings-item.ts). Values are stored as the library stores them
// (the bare value under the key; null removes it), so either can read what the other wrote.
import { browser } from 'wxt/browser';

export type StorageKey = `local:${string}` | `session:${string}`;

export interface StoredValue<T> {
  readonly key: StorageKey;
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  removeValue(): Promise<void>;
  /** Calls back with each new value (the fallback when removed); returns the unwatch function. */
  watch(callback: (value: T) => void): () => void;
}

export function storedValue<T>(key: StorageKey, fallback: T): StoredValue<T> {
  const [areaName, name] = key.split(/:(.*)/s) as ['local' | 'session', string];
  const area = () => browser.storage[areaName];
  return {
    key,
    async getValue() {
      const stored = (await area().get(name))[name];
      return (stored ?? fallback) as T;
    },
    async setValue(value) {
      if (value === null || value === undefined) await area().remove(name);
      else await area().set({ [name]: value });
    },
    async removeValue() {
      await area().remove(name);
    },
    watch(callback) {
      const listener = (changes: Record<string, { newValue?: unknown }>) => {
        const change = changes[name];
        if (change) callback((change.newValue ?? fallback) as T);
      };
      area().onChanged.addListener(listener);
      return () => area().onChanged.removeListener(listener);
    },
  };
}
