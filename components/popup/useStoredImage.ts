// Browser glue for the UI: a run's images as object URLs, their bytes read from the history
// database's owner (utils/history-store.ts), and a clock (the latest run itself is useImageRun.ts).
import { useEffect, useState } from 'preact/hooks';
import { imageBytes } from '../../utils/history-store';
import { sniffMime } from '../../utils/image-bytes';

export interface LoadedImage {
  url: string;
  blob: Blob;
}

/**
 * The image whose bytes are stored under `id` as an object URL (revoked when the id changes or on
 * unmount); its type is `mime`, or what the bytes say. `null` while loading; `'gone'` when there
 * are no such bytes (the person deleted the image from history).
 */
export function useStoredImage(id: string | undefined, mime?: string): LoadedImage | null | 'gone' {
  const [image, setImage] = useState<LoadedImage | null | 'gone'>(null);
  useEffect(() => {
    if (!id) {
      setImage(null);
      return;
    }
    let alive = true;
    let url = '';
    imageBytes(id).then(
      (bytes) => {
        if (!alive) return;
        if (!bytes) return setImage('gone');
        const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime ?? sniffMime(bytes) ?? '' });
        url = URL.createObjectURL(blob);
        setImage({ url, blob });
      },
      () => undefined,
    );
    return () => {
      alive = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [id, mime]);
  return image;
}

/** Date.now(), refreshed every second while `active`. */
export function useNow(active: boolean): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}
