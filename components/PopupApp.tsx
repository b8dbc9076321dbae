import { browser } from 'wxt/browser';
import { isRunning } from '../utils/job';
import { send } from '../utils/messaging';
import { PERF_MARKS } from '../utils/perf-marks';
import { Composer } from './Composer';
import { ErrorNotice } from './ErrorNotice';
import { useJob, useKeyStatus } from './hooks';
import { KeyMissing } from './KeyMissing';
import { PromptBox } from './PromptBox';
import { SourceSummary } from './SourceSummary';
import { useMarkWhen } from './useMarkWhen';

const openOptions = () => void browser.runtime.openOptionsPage();

/** The tab whose selection "Use selection" reads: the popup's own window's active tab, or `?tab=`. */
async function targetTabId(): Promise<number | undefined> {
  const fromUrl = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromUrl) && fromUrl > 0) return fromUrl;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export function PopupApp() {
  const job = useJob();
  const [hasKey] = useKeyStatus();
  const running = isRunning(job);
  useMarkWhen(PERF_MARKS.jobRendered, Boolean(job));

  const expandText = (text: string) => void send('expandText', { text }).catch(() => undefined);
  const useSelection = async () => {
    const tabId = await targetTabId();
    if (tabId !== undefined) await send('captureTab', { tabId }).catch(() => undefined);
  };

  return (
    <main class="popup">
      <header class="bar">
        <h1>Promptbrush</h1>
        <button type="button" class="link" onClick={openOptions}>
          Settings
        </button>
      </header>

      {hasKey === false && <KeyMissing onOpenOptions={openOptions} />}

      {job && (
        <article class="job" data-status={job.status}>
          {job.source && <SourceSummary source={job.source} />}
          {job.status === 'capturing' && <p class="status">Reading the selection…</p>}
          {(job.status !== 'capturing' || job.prompt) && job.error?.kind !== 'missing-key' && (
            <PromptBox
              key={job.id}
              prompt={job.prompt}
              streaming={job.status === 'expanding'}
              onEdit={(prompt) => void send('editPrompt', { jobId: job.id, prompt }).catch(() => undefined)}
            />
          )}
          {running && (
            <div class="row">
              <span class="status">{job.model ? `Writing with ${job.model}…` : 'Starting…'}</span>
              <button type="button" onClick={() => void send('cancelJob', { jobId: job.id })}>
                Cancel
              </button>
            </div>
          )}
          {job.error && !(job.error.kind === 'missing-key' && hasKey === false) && (
            <ErrorNotice
              error={job.error}
              onOpenOptions={openOptions}
              onRetry={job.source ? () => void send('retryJob', { jobId: job.id }).catch(() => undefined) : undefined}
            />
          )}
        </article>
      )}

      <Composer disabled={hasKey !== true || running} onExpand={expandText} onUseSelection={() => void useSelection()} />
    </main>
  );
}
