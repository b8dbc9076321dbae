// Browser glue for the UI: the latest image run, followed live. Light on purpose: the popup reads
// it when it opens, and loads the image UI only when there is a run to show.
import { useEffect, useState } from 'preact/hooks';
import type { ImageRun } from '../../utils/image-run';
import { readImageRun, watchImageRun } from '../../utils/image-run-item';

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
