// Browser glue for the UI: a run's stored images as object URLs, and a clock (the latest run
// itself is components/useImageRun.ts).
import { useEffect, useState } from 'preact/hooks';
import { getImage } from '../../utils/image-store';

export interface LoadedImage {
  url: string;
  blob: Blob;
}

/** The stored image under `key` as an object URL (revoked when the key changes or on unmount). */
export function useStoredImage(key: string | undefined): LoadedImage | null {
  const [image, setImage] = useState<LoadedImage | null>(null);
  useEffect(() => {
    if (!key) {
      setImage(null);
      return;
    }
    let alive = true;
    let url = '';
    getImage(key).then(
      (stored) => {
        if (!alive || !stored) return;
        url = URL.createObjectURL(stored.blob);
        setImage({ url, blob: stored.blob });
      },
      () => undefined,
    );
    return () => {
      alive = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [key]);
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
