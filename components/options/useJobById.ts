// Browser glue: one job, followed live in storage.session as the background writes it (the
// welcome's try-out shows the prompt streaming in, as the popup does).
import { useEffect, useState } from 'preact/hooks';
import type { Job } from '../../utils/job';
import { readJob, watchJob } from '../../utils/job-item';

export function useJobById(id: string | null): Job | null {
  const [job, setJob] = useState<Job | null>(null);
  useEffect(() => {
    setJob(null);
    if (!id) return;
    let alive = true;
    const take = (next: Job | null) => {
      if (alive && next?.id === id) setJob(next);
    };
    const unwatch = watchJob(take);
    readJob().then(take, () => undefined);
    return () => {
      alive = false;
      unwatch();
    };
  }, [id]);
  return job;
}
