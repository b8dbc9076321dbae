// The background's writes to the current job (the item itself: utils/job-item.ts). Every change
// goes through one queue so writes never interleave; streamed text is coalesced so at most one
// write is in flight.
import type { Job } from '../job';
import { jobItem, jobShapeProblem } from '../job-item';
import { serialUpdates } from '../serial-updates';

/**
 * The stored job as the background changes it: a value that is not a job (left by an older
 * version) counts as none, and the next job replaces it. The check is of types only: the
 * background's own jobs are never refused for their size.
 */
const checkedItem = {
  getValue: async (): Promise<Job | null> => {
    const stored = await jobItem.getValue();
    return stored && !jobShapeProblem(stored) ? stored : null;
  },
  setValue: (job: Job | null) => jobItem.setValue(job),
};

const jobUpdates = serialUpdates(checkedItem);

/**
 * Applies `change` to the stored job, in order with every other change made by this context.
 * `change` returns the new job, or undefined to leave it as it is.
 */
export const mutateJob = jobUpdates.update;

/** Changes the job only if it is still the one with this id (a newer job may have replaced it). */
export const mutateJobById = jobUpdates.updateById;

/**
 * For streaming: many small updates, few writes. `push` records the latest state and writes it
 * as soon as the previous write has finished; `flush` waits until everything is stored.
 */
export function coalescingWriter(id: string) {
  let pending: ((job: Job) => Job)[] = [];
  let writing: Promise<unknown> | null = null;
  const drain = (): Promise<unknown> => {
    if (writing || pending.length === 0) return writing ?? Promise.resolve();
    const batch = pending;
    pending = [];
    writing = mutateJobById(id, (job) => batch.reduce((acc, change) => change(acc), job)).finally(() => {
      writing = null;
      void drain();
    });
    return writing;
  };
  return {
    push(change: (job: Job) => Job): void {
      pending.push(change);
      void drain();
    },
    async flush(): Promise<void> {
      while (writing || pending.length > 0) await (writing ?? drain());
    },
  };
}
