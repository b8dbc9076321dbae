// Browser glue for the UI: the latest image run, its stored bytes as object URLs, and a clock.
import { useEffect, useState } from 'preact/hooks';
import type { ImageRun } from '../utils/image-run';
import { getImage, readImageRun, watchImageRun } from '../utils/image-store';

/** The latest image run, followed live. `undefined` while loading. */
export function useImageRun(): ImageRun | null | undefined {
  const [run, setRun] = useState<ImageRun | null | undefined>(undefined);
  useEffect(() => {
    let alive = true;
    const unwatch = watchImageRun((next) => alive && setRun(next));
    readImageRun().then((first) => alive && setRun((current) => (current === undefined ? first : current)));
    return () => {
      alive = false;
      unwatch();
    };
  }, []);
  return run;
}

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
