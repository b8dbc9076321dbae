// Browser glue for the UI: the settings, followed live, and the popup's prompt-craft choice.
import { useEffect, useState } from 'preact/hooks';
import { type CraftChoice, choiceOf, defaultChoice } from '../../utils/craft';
import type { Job } from '../../utils/job';
import { send } from '../../utils/messaging';
import { type Settings, validateSettings } from '../../utils/settings';
import { loadSettings, settingsItem } from '../../utils/settings-store';

/** The settings, followed as they change (options page, other popups). `null` while loading. */
export function useSettings(): Settings | null {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let alive = true;
    const unwatch = settingsItem.watch((next) => alive && setSettings(validateSettings(next)));
    loadSettings().then((first) => alive && setSettings((current) => current ?? first));
    return () => {
      alive = false;
      unwatch();
    };
  }, []);
  return settings;
}

/** Remembers a choice made in the popup as the default for the next prompts (those fields only). */
export function rememberChoice(patch: Partial<CraftChoice>): Promise<Settings> {
  return send('updateSettings', { patch });
}

export interface PopupCraft {
  /** What the pickers show: the current job's choice, or the remembered defaults. */
  choice: CraftChoice | null;
  /** A picker changed: remember it, and write the current text's prompt again with it. */
  change: (patch: Partial<CraftChoice>) => Promise<void>;
  /** Before a new prompt from the popup: what the pickers show is what it gets. */
  remember: () => Promise<void>;
}

/**
 * `run` carries the re-expansion to the background, so that a refused or unanswered request is
 * shown by the popup rather than lost.
 */
export function usePopupCraft(job: Job | null | undefined, run: (request: () => Promise<unknown>) => Promise<void>): PopupCraft {
  const settings = useSettings();
  const [pending, setPending] = useState<Partial<CraftChoice>>({});
  // Once the background has started on the new choice, the job itself shows it.
  useEffect(() => setPending({}), [job?.id, job?.target, job?.style, job?.aspectRatio, job?.variationCount]);
  const choice = settings ? defaultChoice(settings, { ...(job?.target ? choiceOf(job) : {}), ...pending }) : null;

  return {
    choice,
    change: async (patch) => {
      if (!choice) return;
      setPending((current) => ({ ...current, ...patch }));
      const regenerate = job?.source ? () => send('regenerate', { jobId: job.id, choice: { ...choice, ...patch } }) : undefined;
      // Both at once: the regenerate carries the whole choice, so it need not wait for the settings
      // write (a "Write prompt" clicked meanwhile must not be overtaken by a late regenerate).
      await run(async () => {
        await Promise.all([rememberChoice(patch), regenerate?.()]);
      });
    },
    // Not through `run`: the request that follows carries the same choice, and shows any failure.
    remember: async () => {
      if (choice) await rememberChoice(choice).catch(() => undefined);
    },
  };
}
