// Browser glue: where generated images live. The run (small: state, model, keys) is kept in
// storage.session next to the job (utils/image-run-item.ts), so the popup can close and reopen; the bytes go to the
// extension's own IndexedDB as Blobs, because a few full-size images would overflow
// storage.session's ~10 MB quota. Only the latest run's images are kept here — the history
// (issue 6) keeps older ones in its own store.
import { imageRunItem } from './image-run-item';
import { serialUpdates } from './serial-updates';

export { imageRunItem, readImageRun, watchImageRun } from './image-run-item';

const runUpdates = serialUpdates(imageRunItem);

/** Applies `change` to the stored run, in order with every other change made by this context. */
export const mutateImageRun = runUpdates.update;

/** Changes the run only if it is still the one with this id. */
export const mutateImageRunById = runUpdates.updateById;

const DB_NAME = 'promptbrush-images';
const STORE = 'images';

export interface StoredImage {
  blob: Blob;
  mime: string;
  width: number;
  height: number;
  model: string;
  createdAt: number;
}

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function withStore<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T> | undefined): Promise<T | undefined> {
  const db = await openDb();
  try {
    return await new Promise<T | undefined>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = act(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request?.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

export async function putImage(key: string, image: StoredImage): Promise<void> {
  await withStore('readwrite', (store) => store.put(image, key));
}

export async function getImage(key: string): Promise<StoredImage | undefined> {
  return withStore<StoredImage>('readonly', (store) => store.get(key) as IDBRequest<StoredImage>);
}

/** Drops every stored image (a new run replaces the previous one's). */
export async function clearImages(): Promise<void> {
  await withStore('readwrite', (store) => store.clear());
}
