import { describe, expect, it } from 'vitest';
import { serialUpdates } from '../../utils/serial-updates';

/** A stored value whose reads and writes take time, as storage does. */
function slowItem<T>(initial: T) {
  let value = initial;
  const pause = () => new Promise((resolve) => setTimeout(resolve, 5));
  return {
    getValue: async () => {
      await pause();
      return value;
    },
    setValue: async (next: T) => {
      await pause();
      value = next;
    },
    peek: () => value,
  };
}

describe('serialUpdates', () => {
  it('applies concurrent changes one after another, losing none', async () => {
    const item = slowItem<{ id: string; n: number } | null>({ id: 'a', n: 0 });
    const { update } = serialUpdates(item);
    await Promise.all(Array.from({ length: 20 }, () => update((value) => (value ? { ...value, n: value.n + 1 } : value))));
    expect(item.peek()).toEqual({ id: 'a', n: 20 });
  });

  it('changes by id only the value that still has that id, and survives a failing change', async () => {
    const item = slowItem<{ id: string; n: number } | null>({ id: 'new', n: 0 });
    const { update, updateById } = serialUpdates(item);
    expect(await updateById('old', (value) => ({ ...value, n: 99 }))).toEqual({ id: 'new', n: 0 });
    await expect(
      update(() => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await updateById('new', (value) => ({ ...value, n: 1 }))).toEqual({ id: 'new', n: 1 });
  });
});
