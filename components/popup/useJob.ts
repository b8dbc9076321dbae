// Browser glue for the UI: Preact hooks over the job store and the background.
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import type { Job } from '../../utils/job';
import { readJob, watchJob } from '../../utils/job-item';
import { send } from '../../utils/messaging';
import { useJobLiveness } from './useJobLiveness';

/**
 * The current job, followed live as the background writes it. `undefined` while loading. A job
 * shown as running is checked with the background (see job-liveness.ts).
 */
export function useJob(): Job | null | undefined {
  const [job, setJob] = useState<Job | null | undefined>(undefined);
  // A layout effect starts the read right after the first render, not a frame later: ~10 ms sooner on screen.
  useLayoutEffect(() => {
    let alive = true;
    const unwatch = watchJob((next) => alive && setJob(next));
    readJob().then((first) => alive && setJob((current) => (current === undefined ? first : current)));
    return () => {
      alive = false;
      unwatch();
    };
  }, []);
  useJobLiveness(job);
  return job;
}

/**
 * Whether the configured provider can be used: a key is saved for its endpoint, or it needs
 * none (never the key itself). `undefined` while loading.
 */
export function useKeyStatus(): [boolean | undefined, (hasKey: boolean) => void] {
  const [hasKey, setHasKey] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    send('getKeyStatus', {}).then(
      (status) => setHasKey(status.ready),
      () => setHasKey(false),
    );
  }, []);
  return [hasKey, setHasKey];
}
