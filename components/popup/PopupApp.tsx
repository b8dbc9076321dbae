import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PromptbrushError } from '../../utils/errors';
import { canRetry, isRunning } from '../../utils/job';
import { send } from '../../utils/messaging';
import { PERF_MARKS } from '../../utils/perf-marks';
import { MAX_TEXT_CHARS } from '../../utils/protocol';
import type { SettingsField } from '../../utils/settings-fields';
import { useHistoryNotice } from '../history/useHistoryNotice';
import { lazy } from '../shared/lazy';
import { openSettings } from '../shared/open-settings';
import { useMarkWhen } from '../shared/useMarkWhen';
import { useRequestErrors } from '../shared/useRequestError';
import { CraftBar } from './CraftBar';
import { ErrorNotice } from './ErrorNotice';
import { HistoryView } from './HistoryView';
import { JobView } from './JobView';
import { KeyMissing } from './KeyMissing';
import type { MenuEntry } from './Menu';
import { PopupHeader } from './PopupHeader';
import { t } from './strings';
import { useJob, useKeyStatus } from './useJob';
import { usePopupCraft } from './usePopupCraft';
import { usePromptReady } from './usePromptReady';
import './popup.css';
import { inSidePanel, useSidePanelOpener } from './useSidePanel';

/** History's own failures (a full disk) are rare: the banner and its words load when there is one. */
const HistoryNoticeBanner = lazy(
  () => import('../history/HistoryNoticeBanner').then((module) => module.HistoryNoticeBanner),
  () => null,
);

/** The composer loads when there is no job, or "New prompt" is clicked. */
const Composer = lazy(
  () => import('./Composer').then((module) => module.Composer),
  () => null,
);

/** Opens Settings, focused on the field that fixes a problem when there is one. */
const openOptions = (field?: SettingsField) => openSettings(field);

/** The tab whose selection "Use selection" reads: the popup's own window's active tab, or `?tab=`. */
async function targetTabId(): Promise<number | undefined> {
  const fromUrl = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromUrl) && fromUrl > 0) return fromUrl;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** What the main area shows: the job (or, without one, the composer), the composer, or history. */
type View = 'job' | 'compose' | 'history';

export function PopupApp() {
  const job = useJob();
  const [hasKey] = useKeyStatus();
  const running = isRunning(job);
  const panel = inSidePanel();
  const [view, setView] = useState<View>('job');
  const [shownPrompt, setShownPrompt] = useState('');
  const [shownNegative, setShownNegative] = useState('');
  const [note, setNote] = useState('');
  const box = useRef<HTMLTextAreaElement>(null);
  const historyHeading = useRef<HTMLHeadingElement>(null);
  // A request that failed (refused, no tab, no answer) is shown until one succeeds or another job shows.
  const requests = useRequestErrors();
  const run = (request: () => Promise<unknown>) => void requests.run(request);
  const composing = !job || view === 'compose';
  const edited = !!job && (job.edited || (!running && shownPrompt !== job.prompt));
  const craft = usePopupCraft(job, { forNext: composing, edited, run: requests.run });
  const ready = usePromptReady(job, box);
  const sidePanel = useSidePanelOpener();
  const [historyNotice] = useHistoryNotice();
  useMarkWhen(PERF_MARKS.jobRendered, Boolean(job));
  useEffect(() => requests.clear(), [job?.id]);
  // Another job (written here, from the page's menu, or taken from history) is shown at once.
  useEffect(() => setView('job'), [job?.id]);
  // From history, the job taken back ("Reuse", even of the prompt shown) or just finished shows too.
  useEffect(() => {
    if (!running) setView((current) => (current === 'history' ? 'job' : current));
  }, [job?.updatedAt]);

  const choiceFor = () => (craft.choice ? { choice: craft.choice } : {});
  const expandText = (text: string) => {
    if (text.length > MAX_TEXT_CHARS) requests.fail({ kind: 'text-too-long' });
    else run(() => send('expandText', { text, ...choiceFor() }));
  };
  const expandImage = (file: File) =>
    run(async () => {
      const { readImageFile } = await import('./image-file');
      await send('expandImage', { ...(await readImageFile(file)), ...choiceFor() });
    });
  const useSelection = () =>
    run(async () => {
      const tabId = await targetTabId();
      if (tabId === undefined) throw new PromptbrushError('no-tab');
      await send('captureTab', { tabId, ...choiceFor() });
    });
  const copyNegative = () =>
    navigator.clipboard.writeText(shownNegative).then(
      () => setNote(t('negativeCopied')),
      () => setNote(t('copyFailed')),
    );

  const onJob = job && !composing && view === 'job' && !running ? job : null;
  const jobEntries: MenuEntry[] = [];
  if (onJob && canRetry(onJob)) {
    jobEntries.push({ label: t('regenerate'), onSelect: () => run(() => send('regenerate', { jobId: onJob.id })) });
    if (craft.choice?.variationCount === 1)
      jobEntries.push({ label: t('writeVariations', 3), onSelect: () => craft.change({ variationCount: 3 }) });
  }
  if (onJob?.negativePrompt !== undefined)
    jobEntries.push({ label: t('copyNegative'), onSelect: () => void copyNegative(), disabled: shownNegative.trim() === '' });
  const appEntries: MenuEntry[] = [
    ...(sidePanel.available
      ? [{ label: sidePanel.failed ? t('sidePanelUnavailable') : t('openSidePanel'), onSelect: sidePanel.open, disabled: !sidePanel.ready }]
      : []),
    { label: t('settings'), onSelect: () => openOptions() },
  ];
  const more = [...jobEntries, ...appEntries.map((entry, index) => ({ ...entry, group: index === 0 && jobEntries.length > 0 }))];

  const showHistory = () => {
    if (panel) historyHeading.current?.focus();
    else setView(view === 'history' ? 'job' : 'history');
  };

  return (
    <main class="popup">
      <PopupHeader
        onNew={job && !composing ? () => setView('compose') : undefined}
        historyOpen={view === 'history'}
        onHistory={showHistory}
        more={more}
      />
      <p class="visually-hidden" role="status">
        {ready || note}
      </p>

      {hasKey === false && <KeyMissing onOpenOptions={() => openOptions('api-key')} />}
      {historyNotice && <HistoryNoticeBanner />}
      {requests.failure && (
        <div class="request-error" data-testid="request-error">
          <ErrorNotice error={requests.failure.error} onOpenOptions={openOptions} onRetry={requests.failure.retry} />
        </div>
      )}

      {view === 'history' && !panel ? (
        <HistoryView />
      ) : (
        job !== undefined && (
          <>
            <CraftBar craft={craft} />
            {composing ? (
              <Composer
                disabled={hasKey !== true}
                onExpand={expandText}
                onUseSelection={useSelection}
                onImage={expandImage}
                onBack={job ? () => setView('job') : undefined}
                autoFocus={!!job}
              />
            ) : (
              <JobView
                job={job}
                keyMissing={hasKey === false}
                run={run}
                shownPrompt={shownPrompt}
                onPromptText={setShownPrompt}
                onNegativeText={setShownNegative}
                boxRef={box}
                onOpenOptions={openOptions}
              />
            )}
          </>
        )
      )}
      {panel && <HistoryView headingRef={historyHeading} />}
    </main>
  );
}
