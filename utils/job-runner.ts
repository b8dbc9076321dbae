// Browser glue: runs jobs in the background — capture, then stream the prompt — recording every
// step in the job store. One job at a time: a new job replaces (and cancels) the running one.
import { browser } from 'wxt/browser';
import { readApiKey } from './api-key-store';
import { buildChatRequest } from './chat-request';
import { classifyError } from './classify-error';
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
  waitToRetry,
} from './job';
import { coalescingWriter, mutateJob, mutateJobById, readJob } from './job-store';
import { pickChatModel } from './models';
import { BUILTIN_MODEL_NAME, listEndpointModels, writePrompt } from './prompt-writer';
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
  if (settings.provider === 'chrome-builtin') return BUILTIN_MODEL_NAME;
  if (settings.chatModel) return settings.chatModel;
  const picked = pickChatModel(await listEndpointModels(settings, apiKey, signal), now() / 1000);
  if (!picked) throw { kind: 'model-not-found', detail: 'The endpoint lists no chat model: choose one in Settings.' } satisfies JobError;
  // Remember the choice so that Settings shows which model is in use.
  await saveSettings({ ...settings, chatModel: picked });
  return picked;
}

/** Streams the prompt for a captured source into the job with this id. */
async function expand(id: string, source: CapturedSource): Promise<void> {
  const controller = new AbortController();
  running.set(id, controller);
  const apiKey = await readApiKey();
  try {
    if (!apiKey) throw { kind: 'missing-key' } satisfies JobError;
    if (!source.text) throw { kind: 'empty-selection' } satisfies JobError;
    const settings = await loadSettings();
    const model = await resolveChatModel(settings, apiKey, controller.signal);
    await mutateJobById(id, (job) => startExpanding(job, source, model, now()));
    const writer = coalescingWriter(id);
    const text = await writePrompt(settings, apiKey, buildChatRequest(source, model), {
      signal: controller.signal,
      onDelta: (delta) => writer.push((job) => appendDelta(job, delta, now())),
      onWait: async (wait) => {
        await writer.flush();
        await mutateJobById(id, (job) => waitToRetry(job, wait, now()));
      },
    });
    await writer.flush();
    const prompt = text.trim();
    if (!prompt) throw { kind: 'empty-answer' } satisfies JobError;
    await mutateJobById(id, (job) => finishExpanding(job, prompt, now()));
  } catch (error) {
    await mutateJobById(id, (job) => failJob({ ...job, source: job.source ?? source }, asJobError(error, [apiKey]), now()));
  } finally {
    running.delete(id);
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
      await expand(job.id, buildSource(raw, settings.maxSelectionChars, note));
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
  const job = await readJob();
  if (!job || job.id !== id || !job.source) throw { kind: 'unknown', detail: 'This job can no longer be retried.' } satisfies JobError;
  cancelRunning();
  void expand(id, job.source);
  return id;
}
