// Browser glue: runs jobs in the background — capture, then stream the prompt — recording every
// step in the job store. One job at a time: a new job replaces (and cancels) the running one.
import { browser } from 'wxt/browser';
import { readApiKey } from './api-key-store';
import { buildChatRequest } from './chat-request';
import { classifyError } from './classify-error';
import { type CraftChoice, choiceOf, defaultChoice } from './craft';
import { craftAnswer } from './craft-answer';
import {
  appendDelta,
  type CapturedSource,
  failJob,
  finishExpanding,
  type Job,
  type JobError,
  type JobTrigger,
  newJob,
  startExpanding,
} from './job';
import { coalescingWriter, mutateJob, mutateJobById, readJob } from './job-store';
import { createClient, listModels, streamChat } from './llm';
import { pickChatModel } from './models';
import type { Settings } from './settings';
import { loadSettings, saveSettings } from './settings-store';
import { buildSource, parseRawCapture, type RawCapture } from './source';

const running = new Map<string, AbortController>();

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

async function readTab(target: TabCapture): Promise<{ raw: RawCapture; note?: string }> {
  try {
    const results = await browser.scripting.executeScript({
      target: { tabId: target.tabId, ...(target.frameId !== undefined ? { frameIds: [target.frameId] } : {}) },
      files: ['/capture.js'],
    });
    const raw = parseRawCapture(results?.[0]?.result);
    if (raw) {
      // The page may have cleared its selection since the click; the menu's copy still counts.
      if (!raw.text.trim() && target.selectionText) return { raw: { ...raw, text: target.selectionText } };
      return { raw };
    }
  } catch {
    // Browser pages, the web store, the PDF viewer… refuse scripts. Fall through.
  }
  if (target.selectionText !== undefined) {
    return {
      raw: { text: target.selectionText },
      note: 'This page cannot be read by extensions, so only the selected text was used (no page title or address).',
    };
  }
  throw { kind: 'cannot-read-page' } satisfies JobError;
}

function cancelRunning(): void {
  for (const controller of running.values()) controller.abort();
  running.clear();
}

async function begin(trigger: JobTrigger): Promise<Job> {
  cancelRunning();
  const job = newJob(newId(), trigger, now());
  await mutateJob(() => job);
  return job;
}

const fail = (id: string, error: JobError) => mutateJobById(id, (job) => failJob(job, error, now()));

function asJobError(error: unknown, secrets: string[]): JobError {
  if (typeof error === 'object' && error !== null && 'kind' in error) return error as JobError;
  return classifyError(error, secrets);
}

async function resolveChatModel(settings: Settings, apiKey: string, signal: AbortSignal): Promise<string> {
  if (settings.chatModel) return settings.chatModel;
  const client = createClient({ baseUrl: settings.baseUrl, apiKey, timeoutMs: 15_000, maxRetries: 1 });
  const picked = pickChatModel(await listModels(client, signal), now() / 1000);
  if (!picked) throw { kind: 'model-not-found', detail: 'The endpoint lists no chat model: choose one in Settings.' } satisfies JobError;
  // Remember the choice so that Settings shows which model is in use.
  await saveSettings({ ...settings, chatModel: picked });
  return picked;
}

/**
 * Streams the prompt for a captured source into the job with this id, then post-processes it
 * for the chosen target. `override` picks target/style/aspect/takes over the remembered defaults.
 */
async function expand(id: string, source: CapturedSource, override: Partial<CraftChoice> = {}): Promise<void> {
  const controller = new AbortController();
  running.set(id, controller);
  // A regeneration (a picker changed mid-stream) supersedes this run for the same job: from
  // then on this run writes nothing, so its late deltas or its "cancelled" never reach the job.
  const current = () => running.get(id) === controller;
  const write = (change: (job: Job) => Job) => mutateJobById(id, (job) => (current() ? change(job) : job));
  const apiKey = await readApiKey();
  try {
    if (!apiKey) throw { kind: 'missing-key' } satisfies JobError;
    if (!source.text) throw { kind: 'empty-selection' } satisfies JobError;
    const settings = await loadSettings();
    const choice = defaultChoice(settings, override);
    const model = await resolveChatModel(settings, apiKey, controller.signal);
    await write((job) => startExpanding(job, source, model, now(), choice));
    const client = createClient({ baseUrl: settings.baseUrl, apiKey, timeoutMs: settings.requestTimeoutSeconds * 1000 });
    const writer = coalescingWriter(id);
    const text = await streamChat(client, buildChatRequest(source, model, { choice, settings }), {
      signal: controller.signal,
      onDelta: (delta) => writer.push((job) => (current() ? appendDelta(job, delta, now()) : job)),
    });
    await writer.flush();
    const { prompt, ...extras } = craftAnswer(text, choice, settings);
    if (!prompt) throw { kind: 'empty-answer' } satisfies JobError;
    await write((job) => finishExpanding(job, prompt, now(), extras));
  } catch (error) {
    await write((job) => failJob({ ...job, source: job.source ?? source }, asJobError(error, [apiKey]), now()));
  } finally {
    if (current()) running.delete(id);
  }
}

/** Context menu, keyboard shortcut and popup "use selection": read the tab, then expand. */
export async function startFromTab(target: TabCapture): Promise<string> {
  const job = await begin(target.trigger);
  void (async () => {
    if (!(await readApiKey())) return fail(job.id, { kind: 'missing-key' });
    try {
      const { raw, note } = await readTab(target);
      const settings = await loadSettings();
      await expand(job.id, buildSource(raw, settings.maxSelectionChars, note), target.choice);
    } catch (error) {
      await fail(job.id, asJobError(error, []));
    }
  })();
  return job.id;
}

/** Text typed or pasted into the popup. */
export async function startFromText(text: string): Promise<string> {
  const job = await begin('popup-text');
  const settings = await loadSettings();
  void expand(job.id, buildSource({ text }, settings.maxSelectionChars));
  return job.id;
}

export async function cancelJob(id: string): Promise<boolean> {
  const controller = running.get(id);
  controller?.abort();
  return controller !== undefined;
}

export async function retryJob(id: string): Promise<string> {
  return regenerateJob(id);
}

/**
 * Writes the job's prompt again from the same captured text: Retry and Regenerate (the job's
 * own choice), or a change of target, style, aspect ratio or takes in the popup (`choice`).
 */
export async function regenerateJob(id: string, choice?: CraftChoice): Promise<string> {
  const job = await readJob();
  if (!job || job.id !== id || !job.source) throw { kind: 'unknown', detail: 'This job can no longer be retried.' } satisfies JobError;
  cancelRunning();
  void expand(id, job.source, choice ?? choiceOf(job));
  return id;
}
