import { useEffect, useState } from 'preact/hooks';
import { type CraftChoice, choiceOf, defaultChoice } from '../utils/craft';
import type { Job } from '../utils/job';
import { send } from '../utils/messaging';
import { CraftPickers } from './CraftPickers';
import { rememberChoice, useSettings } from './craft-hooks';
import './craft.css';

/**
 * The popup's pickers, above the prompt. They show the current job's choice (or the remembered
 * defaults when there is no job); a change is remembered as the default and, when there is a
 * captured text, writes its prompt again with the new choice.
 */
export function CraftBar({ job }: { job: Job | null | undefined }) {
  const settings = useSettings();
  const [pending, setPending] = useState<Partial<CraftChoice>>({});
  // Once the background has started on the new choice, the job itself shows it.
  useEffect(() => setPending({}), [job?.id, job?.target, job?.style, job?.aspectRatio, job?.variationCount]);
  if (!settings) return null;

  const choice = defaultChoice(settings, { ...(job?.target ? choiceOf(job) : {}), ...pending });
  const change = async (patch: Partial<CraftChoice>) => {
    setPending((current) => ({ ...current, ...patch }));
    await rememberChoice(patch);
    if (job?.source) await send('regenerate', { jobId: job.id, choice: { ...choice, ...patch } }).catch(() => undefined);
  };
  return <CraftPickers choice={choice} onChange={(patch) => void change(patch)} />;
}
