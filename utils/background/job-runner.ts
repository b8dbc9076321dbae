// Browser glue: runs jobs in the background — capture, then stream the prompt — recording every
// step in the job store. One job at a time: a new job replaces (and cancels) the running one,
// except that the same request again while it runs (a double click) joins it instead.
import { browser } from 'wxt/browser';
import { type CraftChoice, choiceOf, defaultChoice } from '../craft';
import { errorRow, type JobError, PromptbrushError } from '../errors';
import {
  appendDelta,
  attachSource,
  type CapturedSource,
  canRetry,
  failJob,
  finishExpanding,
  type Job,
  type JobTrigger,
  newJob,
  restoreJob,
  startExpanding,
  type TabTarget,
  waitToRetry,
} from '../job';
import { readJob } from '../job-item';
import { pickChatModel } from '../models';
import type { Settings } from '../settings';
import { loadSettings, saveSettings } from '../settings-store';
import { buildSource, CONTEXT_UNAVAILABLE_NOTE, pickFrameCapture, type RawCapture } from '../source';
import { buildChatRequest } from './chat-request';
import { classifyError } from './classify-error';
import { craftAnswer } from './craft-answer';
import { type ActiveRequest, isDuplicateRequest, tabRequestKey, textRequestKey } from './job-dedupe';
import { coalescingWriter, mutateJob, mutateJobById } from './job-store';
import { readApiKey } from './key-store';
import { BUILTIN_MODEL_NAME, listEndpointModels, writePrompt } from './prompt-writer';

const running = new Map<string, AbortController>();
/** The request behind the job this worker is running (memory only: gone with the worker, as is the job). */
let activeRequest: ActiveRequest | null = null;

const now = () => Date.now();
const newId = () => crypto.randomUUID().replaceAll('-', '');

export interface TabCapture {
  tabId: number;
  frameId?: number;
  /** The browser's own copy of the selection (context menu), used where scripts cannot run. */
  selectionText?: string;
  trigger: JobTrigger;
  /** Overrides the remembered target/style/aspect (a context-menu item per target). */
  choice?: Partial<CraftChoice>;
}

/**
 * Runs the capture script: in the frame the menu was clicked in, or (popup button, shortcut) in
 * every frame the extension may read, keeping the one whose selection the person means.
 */
async function readTab(target: TabTarget): Promise<{ raw: RawCapture; note?: string }> {
  try {
    const { tabId, frameId } = target;
    const results = await browser.scripting.executeScript({
      target: frameId !== undefined ? { tabId, frameIds: [frameId] } : { tabId, allFrames: true },
      files: ['/capture.js'],
    });
    const raw = pickFrameCapture(results ?? []);
    if (raw) {
      // The page may have cleared its selection since the click; the menu's copy still counts.
      if (!raw.text.trim() && target.selectionText) return { raw: { ...raw, text: target.selectionText } };
      return { raw };
    }
  } catch {
    // Browser pages, the web store, the PDF viewer, file:// without access… refuse scripts.
  }
  if (target.selectionText !== undefined) return { raw: { text: target.selectionText }, note: CONTEXT_UNAVAILABLE_NOTE };
  throw new PromptbrushError('cannot-read-page');
}

function cancelRunning(): void {
  for (const controller of running.values()) controller.abort();
  running.clear();
  activeRequest = null;
}

/** True while this worker is working on the job (the store alone cannot tell after a restart). */
export function isActive(id: string): boolean {
  return running.has(id);
}

/**
 * Starts a new job, replacing the running one — or, for the same request again while it runs,
 * returns the running job's id and `duplicate: true` so that no second request is sent. The
 * check and the bookkeeping happen before the first await, so two messages that arrive together
 * (a double click) cannot both start a job.
 */
async function begin(
  trigger: JobTrigger,
  key: string,
  tab?: TabTarget,
): Promise<{ jobId: string; duplicate: boolean; controller: AbortController }> {
  const active = activeRequest;
  const activeController = active ? running.get(active.jobId) : undefined;
  if (active && activeController && isDuplicateRequest(active, key, now(), true)) {
    return { jobId: active.jobId, duplicate: true, controller: activeController };
  }
  cancelRunning();
  const job = newJob(newId(), trigger, now(), tab);
  const controller = new AbortController();
  running.set(job.id, controller);
  activeRequest = { jobId: job.id, key, startedAt: now() };
  await mutateJob(() => job);
  return { jobId: job.id, duplicate: false, controller };
}

const fail = (id: string, error: JobError) => mutateJobById(id, (job) => failJob(job, error, now()));

const asJobError = (error: unknown, secrets: string[]): JobError => errorRow(error, (other) => classifyError(other, secrets));

async function resolveChatModel(settings: Settings, apiKey: string, signal: AbortSignal): Promise<string> {
  if (settings.provider === 'chrome-builtin') return BUILTIN_MODEL_NAME;
  if (settings.chatModel) return settings.chatModel;
  const picked = pickChatModel(await listEndpointModels(settings, apiKey, signal), now() / 1000);
  if (!picked) throw new PromptbrushError('model-not-found', 'The endpoint lists no chat model: choose one in Settings.');
  // Remember the choice so that Settings shows which model is in use.
  await saveSettings({ ...settings, chatModel: picked });
  return picked;
}

/**
 * Streams the prompt for a captured source into the job with this id, then post-processes it
 * for the chosen target. `override` picks target/style/aspect/takes over the remembered defaults.
 */
async function expand(id: string, source: CapturedSource, controller: AbortController, override: Partial<CraftChoice> = {}): Promise<void> {
  // A regeneration (a picker changed mid-stream) supersedes this run for the same job: from
  // then on this run writes nothing, so its late deltas or its "cancelled" never reach the job.
  const current = () => running.get(id) === controller;
  const write = (change: (job: Job) => Job) => mutateJobById(id, (job) => (current() ? change(job) : job));
  const apiKey = await readApiKey();
  try {
    if (controller.signal.aborted) throw new PromptbrushError('cancelled');
    await write((job) => attachSource(job, source, now()));
    if (!apiKey) throw new PromptbrushError('missing-key');
    if (!source.text) throw new PromptbrushError('empty-selection');
    const settings = await loadSettings();
    const choice = defaultChoice(settings, override);
    const model = await resolveChatModel(settings, apiKey, controller.signal);
    await write((job) => startExpanding(job, source, model, now(), choice));
    const writer = coalescingWriter(id);
    const text = await writePrompt(settings, apiKey, buildChatRequest(source, model, { choice, settings }), {
      signal: controller.signal,
      onDelta: (delta) => writer.push((job) => (current() ? appendDelta(job, delta, now()) : job)),
      onWait: async (wait) => {
        await writer.flush();
        await write((job) => waitToRetry(job, wait, now()));
      },
    });
    await writer.flush();
    const { prompt, ...extras } = craftAnswer(text, choice, settings);
    if (!prompt) throw new PromptbrushError('empty-answer');
    await write((job) => finishExpanding(job, prompt, now(), extras));
  } catch (error) {
    await write((job) => failJob({ ...job, source: job.source ?? source }, asJobError(error, [apiKey]), now()));
  } finally {
    if (current()) running.delete(id);
    if (activeRequest?.jobId === id && !running.has(id)) activeRequest = null;
  }
}

/** Context menu, keyboard shortcut and popup "use selection": read the tab, then expand. */
export async function startFromTab(target: TabCapture): Promise<string> {
  const { tabId, frameId, selectionText } = target;
  const tab: TabTarget = {
    tabId,
    ...(frameId !== undefined ? { frameId } : {}),
    ...(selectionText !== undefined ? { selectionText } : {}),
  };
  const { jobId, duplicate, controller } = await begin(target.trigger, tabRequestKey(tabId, frameId, selectionText), tab);
  if (duplicate) return jobId;
  void captureAndExpand(jobId, tab, controller, target.choice);
  return jobId;
}

/** Reads the tab, then writes the prompt; any failure (no key, unreadable page…) ends the job visibly. */
async function captureAndExpand(jobId: string, tab: TabTarget, controller: AbortController, choice?: Partial<CraftChoice>): Promise<void> {
  try {
    if (!(await readApiKey())) throw new PromptbrushError('missing-key');
    const { raw, note } = await readTab(tab);
    await expand(jobId, buildSource(raw, await loadSettings(), note), controller, choice);
  } catch (error) {
    if (running.get(jobId) === controller) running.delete(jobId);
    await fail(jobId, asJobError(error, []));
  }
}

/** Text typed or pasted into the popup. */
export async function startFromText(text: string, choice?: Partial<CraftChoice>): Promise<string> {
  const { jobId, duplicate, controller } = await begin('popup-text', textRequestKey(text));
  if (duplicate) return jobId;
  const settings = await loadSettings();
  void expand(jobId, buildSource({ text }, settings), controller, choice);
  return jobId;
}

export async function cancelJob(id: string): Promise<boolean> {
  const controller = running.get(id);
  controller?.abort();
  return controller !== undefined;
}

export async function retryJob(id: string): Promise<string> {
  // A second click on Retry while the retry runs joins it (checked and recorded before any await).
  if (running.has(id)) return id;
  return regenerateJob(id);
}

/**
 * Writes the job's prompt again from the same captured text: Retry and Regenerate (the job's
 * own choice), or a change of target, style, aspect ratio or takes in the popup (`choice`).
 * The new run supersedes any run of the same job; it is recorded before the first await.
 */
export async function regenerateJob(id: string, choice?: CraftChoice): Promise<string> {
  cancelRunning();
  const controller = new AbortController();
  running.set(id, controller);
  activeRequest = { jobId: id, key: `regenerate:${id}`, startedAt: now() };
  const job = await readJob();
  if (!job || job.id !== id || !canRetry(job)) {
    if (running.get(id) === controller) running.delete(id);
    throw new PromptbrushError('unknown', 'This job can no longer be retried.');
  }
  if (job.source) void expand(id, job.source, controller, choice ?? choiceOf(job));
  // Stopped (or refused) before the text was read: read the same tab again.
  else if (job.tab) void captureAndExpand(id, job.tab, controller, choice);
  return id;
}

/** "Reuse" from history: the saved snapshot becomes the current job (replacing a running one). */
export async function reuseJob(snapshot: Job): Promise<string> {
  cancelRunning();
  await mutateJob(() => restoreJob(snapshot, now()));
  return snapshot.id;
}
