import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PromptbrushError } from '../../utils/errors';
import { canRetry, isRunning } from '../../utils/job';
import { send } from '../../utils/messaging';
import { PERF_MARKS } from '../../utils/perf-marks';
import { MAX_TEXT_CHARS } from '../../utils/protocol';
import type { SettingsField } from '../../utils/settings-fields';
import { HistoryPanel } from '../history/HistoryPanel';
import { openSettings } from '../shared/open-settings';
import { useMarkWhen } from '../shared/useMarkWhen';
import { useRequestErrors } from '../shared/useRequestError';
import { Composer } from './Composer';
import { CraftBar } from './CraftBar';
import { CutNotice } from './CutNotice';
import { ErrorNotice } from './ErrorNotice';
import { JobCraft } from './JobCraft';
import { KeyMissing } from './KeyMissing';
import { PromptActions } from './PromptActions';
import { PromptBox } from './PromptBox';
import { RetryCountdown } from './RetryCountdown';
import { SidePanelButton } from './SidePanelButton';
import { SourceSummary } from './SourceSummary';
import { useJob, useKeyStatus } from './useJob';
import { usePopupCraft } from './usePopupCraft';

/** Opens Settings, focused on the field that fixes a problem when there is one. */
const openOptions = (field?: SettingsField) => openSettings(field);

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
  const [shownPrompt, setShownPrompt] = useState('');
  // A request that failed (refused, no tab, no answer) is shown until one succeeds or another job shows.
  const requests = useRequestErrors();
  const craft = usePopupCraft(job, requests.run);
  useMarkWhen(PERF_MARKS.jobRendered, Boolean(job));
  useEffect(() => requests.clear(), [job?.id]);

  // What the pickers show is what the new prompt gets, and becomes the remembered default.
  const shownChoice = () => {
    void craft.remember();
    return craft.choice ? { choice: craft.choice } : {};
  };
  const expandText = (text: string) => {
    if (text.length > MAX_TEXT_CHARS) requests.fail({ kind: 'text-too-long' });
    else void requests.run(() => send('expandText', { text, ...shownChoice() }));
  };
  const expandImage = (file: File) =>
    void requests.run(async () => {
      const { readImageFile } = await import('./image-file');
      await send('expandImage', { ...(await readImageFile(file)), ...shownChoice() });
    });
  const useSelection = () =>
    requests.run(async () => {
      const tabId = await targetTabId();
      if (tabId === undefined) throw new PromptbrushError('no-tab');
      await send('captureTab', { tabId, ...shownChoice() });
    });

  return (
    <main class="popup">
      <header class="bar">
        <h1>Promptbrush</h1>
        <SidePanelButton />
        <button type="button" class="link" onClick={() => openOptions()}>
          Settings
        </button>
      </header>

      {hasKey === false && <KeyMissing onOpenOptions={() => openOptions('api-key')} />}

      <CraftBar craft={craft} />

      {job && (
        <article class="job" data-status={job.status}>
          {job.source && <SourceSummary source={job.source} />}
          {job.status === 'capturing' && (
            <p class="status">
              {job.tab?.srcUrl !== undefined || job.trigger === 'popup-image' ? 'Reading the image…' : 'Reading the selection…'}
            </p>
          )}
          {(job.status !== 'capturing' || job.prompt) && job.error?.kind !== 'missing-key' && (
            <PromptBox
              key={job.id}
              prompt={job.prompt}
              streaming={job.status === 'expanding'}
              onEdit={(prompt) => void requests.run(() => send('editPrompt', { jobId: job.id, prompt }))}
              onText={setShownPrompt}
            />
          )}
          <CutNotice job={job} />
          <JobCraft job={job} run={(request) => void requests.run(request)} />
          {!running && job.prompt && <PromptActions job={job} shownPrompt={shownPrompt} onOpenOptions={openOptions} />}
          {running && job.waiting && <RetryCountdown wait={job.waiting} />}
          {running && (
            <div class="row">
              <span class="status">{job.model ? `Writing with ${job.model}…` : 'Starting…'}</span>
              <button type="button" onClick={() => void requests.run(() => send('cancelJob', { jobId: job.id }))}>
                Cancel
              </button>
            </div>
          )}
          {job.error && !(job.error.kind === 'missing-key' && hasKey === false) && (
            <ErrorNotice
              error={job.error}
              onOpenOptions={openOptions}
              onRetry={canRetry(job) ? () => void requests.run(() => send('retryJob', { jobId: job.id })) : undefined}
            />
          )}
        </article>
      )}

      {requests.failure && (
        <div class="request-error" data-testid="request-error">
          <ErrorNotice error={requests.failure.error} onOpenOptions={openOptions} onRetry={requests.failure.retry} />
        </div>
      )}

      <Composer
        disabled={hasKey !== true || running}
        onExpand={expandText}
        onUseSelection={() => void useSelection()}
        onImage={expandImage}
      />
      <HistoryPanel />
    </main>
  );
}
