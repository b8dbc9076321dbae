// Read-modify-write of one stored value, serialised: every change made by this context runs
// after the previous one, so writes never interleave and none is lost. Takes the storage item
// (anything with getValue/setValue), so it imports no browser API itself.

export interface StoredValue<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
}

export interface SerialUpdates<T extends { id: string }> {
  /** Applies `change`; it returns the new value, or undefined to leave the value as it is. */
  update(change: (value: T | null) => T | null | undefined): Promise<T | null>;
  /** Changes the value only if it is still the one with this id (a newer one may have replaced it). */
  updateById(id: string, change: (value: T) => T): Promise<T | null>;
}

export function serialUpdates<T extends { id: string }>(item: StoredValue<T | null>): SerialUpdates<T> {
  let queue: Promise<unknown> = Promise.resolve();
  const update = (change: (value: T | null) => T | null | undefined): Promise<T | null> => {
    const next = queue.then(async () => {
      const current = await item.getValue();
      const updated = change(current);
      if (updated === undefined || updated === current) return current;
      await item.setValue(updated);
      return updated;
    });
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    update,
    updateById: (id, change) => update((value) => (value && value.id === id ? change(value) : undefined)),
  };
}
