// Browser glue for the UI: the settings, followed live, and the popup's prompt-craft choice.
import { useEffect, useState } from 'preact/hooks';
import { type CraftChoice, choiceOf, defaultChoice } from '../../utils/craft';
import { canRetry, type Job } from '../../utils/job';
import { send } from '../../utils/messaging';
import type { Settings } from '../../utils/settings';
import { loadSettings, watchSettings } from '../../utils/settings-store';

/** The settings, followed as they change (options page, other popups). `null` while loading. */
export function useSettings(): Settings | null {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let alive = true;
    const unwatch = watchSettings((next) => alive && setSettings(next));
    loadSettings().then((first) => alive && setSettings((current) => current ?? first));
    return () => {
      alive = false;
      unwatch();
    };
  }, []);
  return settings;
}

/** Makes a choice made in the popup the default for the next prompts (those fields only). */
export function rememberChoice(patch: Partial<CraftChoice>): Promise<Settings> {
  return send('updateSettings', { patch });
}

const sameChoice = (a: CraftChoice, b: CraftChoice) =>
  a.target === b.target && a.style === b.style && a.aspectRatio === b.aspectRatio && a.variationCount === b.variationCount;

export interface PopupCraft {
  /** What the pickers show: a choice not yet applied, over the job's own, over the remembered defaults. */
  choice: CraftChoice | null;
  /** The shown choice is the remembered default for new prompts. */
  isDefault: boolean;
  /**
   * The shown choice differs from the one the job's prompt was written with, and waits for
   * "Rewrite with these settings" (the prompt was edited by hand, so nothing is rewritten by itself).
   */
  waiting: boolean;
  /**
   * A picker changed. On the job shown, its prompt is written again with it at once — unless the
   * person edited that prompt, which is never overwritten: then the choice waits for `rewrite`.
   * For the next prompt (no job, or the composer is open), it is what that prompt gets.
   */
  change: (patch: Partial<CraftChoice>) => void;
  rewrite: () => void;
  /** Back to the job's own choice. */
  revert: () => void;
  /** The shown choice becomes the default for new prompts (only ever on this explicit request). */
  makeDefault: () => void;
}

interface Options {
  /** The choice is for the next prompt (the composer is open), not the job shown. */
  forNext: boolean;
  /** The person has edited the job's prompt by hand (saved, or still in the box). */
  edited: boolean;
  /** Carries requests to the background, so that a refused or unanswered one is shown. */
  run: (request: () => Promise<unknown>) => Promise<void>;
}

export function usePopupCraft(job: Job | null | undefined, { forNext, edited, run }: Options): PopupCraft {
  const settings = useSettings();
  const [pending, setPending] = useState<Partial<CraftChoice>>({});
  // Once the background has started on a new choice, the job itself shows it.
  useEffect(() => setPending({}), [job?.id, job?.target, job?.style, job?.aspectRatio, job?.variationCount]);
  const own = job?.target ? choiceOf(job) : {};
  const choice = settings ? defaultChoice(settings, { ...own, ...pending }) : null;
  const jobChoice = settings && job ? defaultChoice(settings, own) : null;
  const rewritable = !forNext && !!job && canRetry(job);

  const rewrite = (next: CraftChoice | null = choice) => {
    if (job && next) void run(() => send('regenerate', { jobId: job.id, choice: next }));
  };
  return {
    choice,
    isDefault: !!settings && !!choice && sameChoice(choice, defaultChoice(settings)),
    waiting: rewritable && edited && !!choice && !!jobChoice && !sameChoice(choice, jobChoice),
    change: (patch) => {
      if (!choice) return;
      setPending((current) => ({ ...current, ...patch }));
      if (rewritable && !edited) rewrite({ ...choice, ...patch });
    },
    rewrite: () => rewrite(),
    revert: () => setPending({}),
    makeDefault: () => {
      const shown = choice;
      if (shown) void run(() => rememberChoice(shown));
    },
  };
}
