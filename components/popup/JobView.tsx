import type { Ref } from 'preact';
import { useState } from 'preact/hooks';
import { promptForImage } from '../../utils/image-input';
import { canRetry, isRunning, type Job } from '../../utils/job';
import { send } from '../../utils/messaging';
import type { SettingsField } from '../../utils/settings-fields';
import { lazy } from '../shared/lazy';
import { CopyButton } from './CopyButton';
import { CutNotice } from './CutNotice';
import { ErrorNotice } from './ErrorNotice';
import { HandoffBar } from './HandoffBar';
import { ImagePanel, useImageGeneration } from './ImagePanel';
import { PromptBox } from './PromptBox';
import { SourceSummary } from './SourceSummary';
import { t } from './strings';
import '../shared/craft.css';

/** Only some prompts have other takes or a negative prompt: their parts load when one does. */
const VariationCards = lazy(
  () => import('./VariationCards').then((module) => module.VariationCards),
  () => null,
);
const NegativePromptBox = lazy(
  () => import('./NegativePromptBox').then((module) => module.NegativePromptBox),
  () => null,
);

/** Waiting to retry is rare: its countdown (and the error table's titles) load when it happens. */
const RetryCountdown = lazy(
  () => import('./RetryCountdown').then((module) => module.RetryCountdown),
  () => null,
);

interface Props {
  job: Job;
  /** The missing key is shown above, by the popup: the job does not repeat it. */
  keyMissing: boolean;
  /** Runs a request to the background; its failure is shown by the popup (never swallowed). */
  run: (request: () => Promise<unknown>) => void;
  /** The prompt exactly as the box shows it (with the person's edits). */
  shownPrompt: string;
  onPromptText: (text: string) => void;
  onNegativeText: (text: string) => void;
  boxRef: Ref<HTMLTextAreaElement>;
  onOpenOptions: (field?: SettingsField) => void;
}

/**
 * One job, prompt first: what it was written from, the prompt (or, when nothing was written,
 * what went wrong in its place), then Copy, Generate image and Open in; below them the image,
 * the other takes and Stable Diffusion's negative prompt.
 */
export function JobView({ job, keyMissing, run, shownPrompt, onPromptText, onNegativeText, boxRef, onOpenOptions }: Props) {
  const running = isRunning(job);
  const input = promptForImage(job, shownPrompt);
  const generation = useImageGeneration(job.id, input);
  const [handoffStatus, setHandoffStatus] = useState('');
  const error = job.error && !(keyMissing && job.error.kind === 'missing-key') ? job.error : undefined;
  const nothingWritten = !running && job.prompt === '' && (job.status === 'error' || keyMissing);
  const canAct = !running && input.prompt.trim() !== '';
  const fromImage = job.tab?.srcUrl !== undefined || job.trigger === 'popup-image';
  const status =
    job.status === 'capturing'
      ? fromImage
        ? t('readingImage')
        : t('reading')
      : running
        ? job.model
          ? t('writingWith', job.model)
          : t('starting')
        : undefined;

  return (
    <article class="job" data-status={job.status}>
      {job.source && <SourceSummary source={job.source} />}
      {error && (
        <ErrorNotice
          error={error}
          onOpenOptions={onOpenOptions}
          onRetry={canRetry(job) ? () => run(() => send('retryJob', { jobId: job.id })) : undefined}
        />
      )}
      {running && job.waiting && <RetryCountdown wait={job.waiting} />}
      {!nothingWritten && (
        <>
          <PromptBox
            key={job.id}
            boxRef={boxRef}
            prompt={job.prompt}
            streaming={running}
            status={status}
            onCancel={running ? () => run(() => send('cancelJob', { jobId: job.id })) : undefined}
            onEdit={(prompt) => run(() => send('editPrompt', { jobId: job.id, prompt }))}
            onText={onPromptText}
          />
          <CutNotice job={job} />
          <div class="actions">
            <CopyButton class="primary" shortcut getText={() => shownPrompt} disabled={!canAct} />
            <button type="button" onClick={generation.generate} disabled={!canAct || generation.busy}>
              {t('generate')}
            </button>
            <HandoffBar input={input} disabled={!canAct} onStatus={setHandoffStatus} />
          </div>
          <p class="hint handoff-status" role="status" data-testid="handoff-status">
            {handoffStatus}
          </p>
        </>
      )}
      <ImagePanel generation={generation} canRetry={canAct} onOpenOptions={onOpenOptions} />
      {!running && job.variations && job.variations.length > 1 && (
        <VariationCards
          variations={job.variations}
          negatives={job.variationNegatives}
          current={shownPrompt}
          onChoose={(index) => run(() => send('chooseVariation', { jobId: job.id, index }))}
        />
      )}
      {!running && job.negativePrompt !== undefined && (
        <NegativePromptBox
          key={job.id}
          value={job.negativePrompt}
          onEdit={(negativePrompt) => run(() => send('editNegativePrompt', { jobId: job.id, negativePrompt }))}
          onText={onNegativeText}
        />
      )}
    </article>
  );
}
