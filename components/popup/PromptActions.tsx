import { promptForImage } from '../../utils/image-input';
import { isRunning, type Job } from '../../utils/job';
import { lazy } from '../shared/lazy';
import { ImagePanel } from './ImagePanel';

// "Open in…" (its generators, its site-permission and fill requests) loads just after the prompt
// shows: it is not needed for the popup's first paint.
const HandoffBar = lazy(
  () => import('./HandoffBar').then((module) => module.HandoffBar),
  () => null,
);

interface Props {
  job: Job;
  /** The prompt exactly as the box shows it (with the person's edits). */
  shownPrompt: string;
  onOpenOptions: () => void;
}

/** The two ways out of the popup: generate the image here, or open another generator. */
export function PromptActions({ job, shownPrompt, onOpenOptions }: Props) {
  const input = promptForImage(job, shownPrompt);
  const disabled = isRunning(job) || input.prompt.trim() === '';
  return (
    <div class="prompt-actions">
      <HandoffBar input={input} disabled={disabled} />
      <ImagePanel jobId={job.id} input={input} disabled={disabled} onOpenOptions={onOpenOptions} />
    </div>
  );
}
