import { isRunning, type Job } from '../../utils/job';
import { send } from '../../utils/messaging';
import { NegativePromptBox } from './NegativePromptBox';
import { VariationCards } from './VariationCards';
import '../shared/craft.css';

interface Props {
  job: Job;
  /** Runs a request to the background; its failure is shown by the popup (never swallowed). */
  run: (request: () => Promise<unknown>) => void;
}

/** Below the prompt: the negative prompt, Regenerate, and the variation cards. */
export function JobCraft({ job, run }: Props) {
  if (isRunning(job)) return null;
  return (
    <>
      {job.negativePrompt !== undefined && (
        <NegativePromptBox
          key={job.id}
          value={job.negativePrompt}
          onEdit={(negativePrompt) => run(() => send('editNegativePrompt', { jobId: job.id, negativePrompt }))}
        />
      )}
      {job.status === 'ready' && job.source && (
        <div class="row">
          <button type="button" onClick={() => run(() => send('regenerate', { jobId: job.id }))}>
            Regenerate
          </button>
        </div>
      )}
      {job.variations && job.variations.length > 1 && (
        <VariationCards
          variations={job.variations}
          negatives={job.variationNegatives}
          current={job.prompt}
          onChoose={(index) => run(() => send('chooseVariation', { jobId: job.id, index }))}
        />
      )}
    </>
  );
}
