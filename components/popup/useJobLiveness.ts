// Browser glue for the UI: while a page shows a running job, make sure somebody is running it.
// On load it asks the background (starting the worker if it was stopped — which marks a job it
// lost as interrupted); while the job runs it holds a silent port whose onDisconnect says the
// worker stopped, and asks again. No timers, no polling, no keep-alive: nothing is sent on the
// port, and it is closed as soon as the job is no longer running.
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { isRunning, type Job } from '../../utils/job';
import { send } from '../../utils/messaging';
import { JOB_WATCH_PORT } from '../../utils/protocol';

export function useJobLiveness(job: Job | null | undefined): void {
  const runningId = job && isRunning(job) ? job.id : null;
  useEffect(() => {
    if (!runningId) return;
    let closed = false;
    let port: ReturnType<typeof browser.runtime.connect> | undefined;
    const watch = () => {
      try {
        port = browser.runtime.connect({ name: JOB_WATCH_PORT });
        port.onDisconnect.addListener(() => {
          if (!closed) check();
        });
      } catch {
        // No ports here (tests): the check on load still happened.
      }
    };
    const check = () => {
      send('checkJob', { jobId: runningId }).then(
        ({ running }) => {
          if (running && !closed) watch();
        },
        () => undefined,
      );
    };
    check();
    return () => {
      closed = true;
      port?.disconnect();
    };
  }, [runningId]);
}
