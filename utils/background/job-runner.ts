// Browser glue: runs jobs in the background — capture (text, or an image), then stream the prompt —
// recording every step in the job store. One job at a time: a new job replaces (and cancels) the running one,
// except that the same request again while it runs (a double click) joins it instead.
import { browser } from 'wxt/browser';
import { type AspectRatioId, nearestAspectRatio } from '../aspect-ratios';
import { pageUrl } from '../capture-page';
import { type CraftChoice, choiceOf, defaultChoice } from '../craft';
import { errorRow, PromptbrushError } from '../errors';
import { toBase64 } from '../history-file';
import { putSourceImage, sourceImageBytes } from '../history-store';
import { type ImageVia, shownSrcUrl } from '../image-source';
import {
  appendDelta,
  attachSource,
  type CapturedSource,
  canRetry,
  failJob,
  finishExpanding,
  isRunning,
  type Job,
  type JobTrigger,
  newJob,
  restoreJob,
  startExpanding,
  type TabTarget,
  waitToRetry,
} from '../job';
import { readJob } from '../job-item';
import type { Credential } from '../key-policy';
import { pickChatModel } from '../models';
import type { Settings } from '../settings';
import { automaticChatModel } from '../settings-patch';
import { buildSource, CONTEXT_UNAVAILABLE_NOTE, pickFrameCapture, type RawCapture } from '../source';
import { answerBounds } from './answer-bounds';
import { buildChatRequest } from './chat-request';
import { classifyError } from './classify-error';
import { craftAnswer } from './craft-answer';
import { findImage } from './image-capture';
import { decodeDataUrl, type SentImage, shrinkForModel } from './image-shrink';
import { type ActiveRequest, imageRequestKey, isDuplicateRequest, tabRequestKey, textRequestKey } from './job-dedupe';
import { coalescingWriter, mutateJob, mutateJobById } from './job-store';
import { type RunSnapshot, readRunSnapshot } from './key-store';
import { BUILTIN_MODEL_NAME, listEndpointModels, writePrompt } from './prompt-writer';
import { updateSettings } from './settings-writer';

/** The run this worker is working on (memory only: gone with the worker, as is the job). */
let current: ActiveJob | null = null;

const now = () => Date.now();
const newId = () => crypto.randomUUID().replaceAll('-', '');

/**
 * One run of a job: writing its prompt, or writing it again. It owns its abort controller, the
 * request that started it (the same request again joins it) and every write it makes to the
 * job. Only the current run's writes land: once another run replaces it, or it is cancelled,
 * whatever it still tries to write (a late delta, its own "cancelled") is dropped.
 */
class ActiveJob {
  readonly controller = new AbortController();

  constructor(readonly request: ActiveRequest) {}

  get jobId(): string {
    return this.request.jobId;
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get isCurrent(): boolean {
    return current === this;
  }

  /** Streamed text arrived: the run is alive (a second click on the same request joins it). */
  touch(): void {
    this.request.lastActivityAt = now();
  }

  /** Stores the new job this run works on. */
  create(job: Job): Promise<unknown> {
    return mutateJob(() => (this.isCurrent ? job : undefined));
  }

  /** Changes this run's job; checked when the change is applied, after every write queued before it. */
  write(change: (job: Job) => Job): Promise<unknown> {
    return mutateJobById(this.jobId, (job) => (this.isCurrent ? change(job) : job));
  }

  /** For streamed text: many small changes, few writes, under the same rule. */
  streamWriter(): { push: (change: (job: Job) => Job) => void; flush: () => Promise<void> } {
    const writer = coalescingWriter(this.jobId);
    return { push: (change) => writer.push((job) => (this.isCurrent ? change(job) : job)), flush: () => writer.flush() };
  }

  /** Throws `cancelled` once the run has been stopped, so that it sends nothing more. */
  throwIfStopped(): void {
    if (this.signal.aborted) throw new PromptbrushError('cancelled');
  }

  /** Stops the run without a word: whoever replaced it writes the job from now on. */
  supersede(): void {
    this.controller.abort();
    if (current === this) current = null;
  }

  /**
   * Stops the run: its last write says so (if the job is still running), queued while the run is
   * current so that it lands ahead of anything a later run writes; after it, nothing.
   */
  cancel(): Promise<unknown> {
    const last = mutateJobById(this.jobId, (job) => (isRunning(job) ? failJob(job, { kind: 'cancelled' }, now()) : job));
    this.supersede();
    return last;
  }

  /** The run is over (done or failed): the job is no longer being worked on. */
  end(): void {
    if (current === this) current = null;
  }
}

/** Makes a new run the current one, stopping the one it replaces. Synchronous: call it before any await. */
function startRun(jobId: string, key: string): ActiveJob {
  current?.supersede();
  current = new ActiveJob({ jobId, key, startedAt: now() });
  return current;
}

export interface TabCapture {
  tabId: number;
  frameId?: number;
  /** The browser's own copy of the selection (context menu), used where scripts cannot run. */
  selectionText?: string;
  /** An image source: the address of the image right-clicked ("Image prompt from this image"). */
  srcUrl?: string;
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

/** True while this worker is working on the job (the store alone cannot tell after a restart). */
export function isActive(id: string): boolean {
  return current?.jobId === id;
}

/**
 * Starts a new job, replacing the running one — or, for the same request again while it runs,
 * returns the running one and `duplicate: true` so that no second request is sent. The check and
 * the new run happen before the first await, so two messages that arrive together (a double
 * click) cannot both start a job.
 */
async function begin(trigger: JobTrigger, key: string, tab?: TabTarget): Promise<{ run: ActiveJob; duplicate: boolean }> {
  if (current && isDuplicateRequest(current.request, key, now(), true)) return { run: current, duplicate: true };
  const job = newJob(newId(), trigger, now(), tab);
  const run = startRun(job.id, key);
  await run.create(job);
  return { run, duplicate: false };
}

/** The key in the run's snapshot, or the reason there is none (thrown). */
function keyOf(credential: Credential): string {
  if ('error' in credential) throw PromptbrushError.of(credential.error);
  return credential.apiKey;
}

async function resolveChatModel(settings: Settings, apiKey: string, signal: AbortSignal): Promise<string> {
  if (settings.provider === 'chrome-builtin') return BUILTIN_MODEL_NAME;
  if (settings.chatModel) return settings.chatModel;
  const picked = pickChatModel(await listEndpointModels(settings, apiKey, signal), now() / 1000);
  if (!picked) throw new PromptbrushError('model-not-found', 'The endpoint lists no chat model: choose one in Settings.');
  // Remember the choice so that Settings shows which model is in use (a choice saved meanwhile wins).
  await updateSettings(automaticChatModel(settings, picked));
  return picked;
}

/**
 * What a run writes from: the source as the job keeps it and, for an image, the data URL of exactly
 * the image sent (kept out of the job) and — when it was just captured — its nearest aspect ratio.
 */
interface Captured {
  source: CapturedSource;
  image?: string;
  aspect?: AspectRatioId;
}

type Read = (snapshot: RunSnapshot, run: ActiveJob) => Promise<Captured>;

/**
 * The whole run: reads the settings and the key once (every request of the run goes to that
 * snapshot's endpoint, with the key saved for it, whatever is saved meanwhile), gets the text or
 * image (`read`), streams the prompt, then post-processes it for the chosen target. `override`
 * picks target/style/aspect/takes over the remembered defaults; a freshly captured image's own
 * aspect ratio wins. Any failure ends the job visibly.
 */
async function perform(run: ActiveJob, read: Read, override: Partial<CraftChoice> = {}): Promise<void> {
  let source: CapturedSource | undefined;
  let secrets: string[] = [];
  try {
    const snapshot = await readRunSnapshot();
    const { settings, credential } = snapshot;
    if ('apiKey' in credential) secrets = [credential.apiKey];
    const { source: text, image, aspect } = await read(snapshot, run);
    source = text;
    run.throwIfStopped();
    await run.write((job) => attachSource(job, text, now()));
    const apiKey = keyOf(credential);
    if (!text.text && !image) throw new PromptbrushError('empty-selection');
    const choice = defaultChoice(settings, { ...override, ...(aspect ? { aspectRatio: aspect } : {}) });
    const model = await resolveChatModel(settings, apiKey, run.signal);
    await run.write((job) => startExpanding(job, text, model, now(), choice));
    const writer = run.streamWriter();
    const { text: answer, cut } = await writePrompt(settings, apiKey, buildChatRequest(text, model, { choice, settings }, image), {
      signal: run.signal,
      bounds: answerBounds(choice),
      onDelta: (delta) => {
        run.touch();
        writer.push((job) => appendDelta(job, delta, now()));
      },
      onWait: async (wait) => {
        await writer.flush();
        await run.write((job) => waitToRetry(job, wait, now()));
      },
    });
    await writer.flush();
    const { prompt, ...extras } = craftAnswer(answer, choice, settings);
    if (!prompt) throw new PromptbrushError('empty-answer');
    await run.write((job) => finishExpanding(job, prompt, now(), { ...extras, ...(cut ? { cut } : {}) }));
  } catch (error) {
    const row = errorRow(error, (other) => classifyError(other, secrets));
    await run.write((job) => failJob(source ? { ...job, source: job.source ?? source } : job, row, now()));
  } finally {
    run.end();
  }
}

const NO_LONGER_KEPT =
  'Only a thumbnail of the image this prompt was written from is kept: right-click the image or paste it again to write new prompts from it.';

/** Text or image captured before: kept in the job, the image sent in the history database (Retry, Regenerate). */
const given =
  (source: CapturedSource): Read =>
  async (_snapshot, run) => {
    if (!source.image) return { source };
    const bytes = await sourceImageBytes(run.jobId).catch(() => undefined);
    if (!bytes) throw new PromptbrushError('image-unreadable', NO_LONGER_KEPT);
    return { source, image: `data:${source.image.mime};base64,${toBase64(bytes)}` };
  };

/** Images as a source can be turned off in Settings. */
function imagesAllowed({ imageSource }: Settings): void {
  if (!imageSource) throw new PromptbrushError('image-source-off');
}

/** The tab's title and address, where the click grants them (for the page context the person allows). */
async function tabPage(tabId: number): Promise<{ title?: string; url?: string; query?: string }> {
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  const address = tab?.url ? URL.parse(tab.url) : null;
  const url = address ? pageUrl(address) : '';
  return { title: tab?.title, ...(url && address ? { url, query: address.search + address.hash } : {}) };
}

/** What is sent, as the run writes from it: the job keeps the facts and a thumbnail; the image itself goes to the history database. */
async function sentCapture(
  run: ActiveJob,
  sent: SentImage,
  via: ImageVia,
  context: CapturedSource,
  origin: { srcUrl?: string; name?: string },
): Promise<Captured> {
  const { dataUrl, bytes, mime, width, height, originalWidth, originalHeight, thumbnail } = sent;
  await putSourceImage(run.jobId, bytes).catch(() => undefined);
  const srcUrl = shownSrcUrl(origin.srcUrl);
  const name = origin.name?.slice(0, 200);
  const image = {
    via,
    ...{ width, height, mime, bytes: bytes.length, originalWidth, originalHeight, thumbnail },
    ...(srcUrl ? { srcUrl } : {}),
    ...(name ? { name } : {}),
  };
  return { source: { ...context, image }, image: dataUrl, aspect: nearestAspectRatio(width, height) };
}

/** The image right-clicked in a tab: fetched, read in the page or captured from the screen, then scaled down. */
const fromImage =
  (tab: TabTarget, srcUrl: string): Read =>
  async ({ settings, credential }, run) => {
    keyOf(credential);
    imagesAllowed(settings);
    const { bitmap, via } = await findImage({ tabId: tab.tabId, frameId: tab.frameId, srcUrl }, run.signal);
    const context = buildSource({ text: '', ...(await tabPage(tab.tabId)) }, settings);
    return sentCapture(run, await shrinkForModel(bitmap), via, context, { srcUrl });
  };

/** The tab's selection, read only when there is a key to send it with (or the image right-clicked there). */
const fromTab =
  (tab: TabTarget): Read =>
  async (snapshot, run) => {
    if (tab.srcUrl !== undefined) {
      if (!tab.srcUrl) throw new PromptbrushError('image-unreadable', NO_LONGER_KEPT);
      return fromImage(tab, tab.srcUrl)(snapshot, run);
    }
    keyOf(snapshot.credential);
    const { raw, note } = await readTab(tab);
    return { source: buildSource(raw, snapshot.settings, note) };
  };

/** Addresses longer than this (data: URLs are the image itself) are not kept on the job. */
const KEPT_SRC_CHARS = 2000;

/** Context menu, keyboard shortcut and popup "use selection": read the tab (or the image right-clicked), then expand. */
export async function startFromTab(target: TabCapture): Promise<string> {
  const { tabId, frameId, selectionText, srcUrl } = target;
  const tab: TabTarget = {
    tabId,
    ...(frameId !== undefined ? { frameId } : {}),
    ...(selectionText !== undefined ? { selectionText } : {}),
    // Kept so that a run stopped before the image was read can read it again ('' when too long to keep).
    ...(srcUrl !== undefined ? { srcUrl: srcUrl.length <= KEPT_SRC_CHARS ? srcUrl : '' } : {}),
  };
  const key =
    srcUrl !== undefined
      ? imageRequestKey({ tabId, frameId, srcUrl }, target.choice)
      : tabRequestKey(tabId, frameId, selectionText, target.choice);
  const { run, duplicate } = await begin(target.trigger, key, tab);
  if (!duplicate) void perform(run, srcUrl !== undefined ? fromImage(tab, srcUrl) : fromTab(tab), target.choice);
  return run.jobId;
}

/** Text typed or pasted into the popup. */
export async function startFromText(text: string, choice?: Partial<CraftChoice>): Promise<string> {
  const { run, duplicate } = await begin('popup-text', textRequestKey(text, choice));
  if (!duplicate) void perform(run, async ({ settings }) => ({ source: buildSource({ text }, settings) }), choice);
  return run.jobId;
}

const NOT_AN_IMAGE = 'This file is not an image Promptbrush can read: paste or drop a PNG, JPEG, WebP or GIF image.';

/** An image pasted or dropped into the popup (a data URL), scaled down before it is sent. */
export async function startFromImageData(dataUrl: string, name?: string, choice?: Partial<CraftChoice>): Promise<string> {
  const { run, duplicate } = await begin('popup-image', imageRequestKey({ dataUrl }, choice));
  const read: Read = async ({ settings, credential }, current) => {
    keyOf(credential);
    imagesAllowed(settings);
    const bitmap = await decodeDataUrl(dataUrl);
    if (!bitmap) throw new PromptbrushError('image-unreadable', NOT_AN_IMAGE);
    return sentCapture(current, await shrinkForModel(bitmap), 'paste', buildSource({ text: '' }, settings), { ...(name ? { name } : {}) });
  };
  if (!duplicate) void perform(run, read, choice);
  return run.jobId;
}

export async function cancelJob(id: string): Promise<boolean> {
  const run = current;
  if (run?.jobId !== id) return false;
  await run.cancel();
  return true;
}

export async function retryJob(id: string): Promise<string> {
  // A second click on Retry while the retry runs joins it (checked and recorded before any await).
  if (current?.jobId === id) return id;
  return regenerateJob(id);
}

/**
 * Writes the job's prompt again from the same captured text: Retry and Regenerate (the job's
 * own choice), or a change of target, style, aspect ratio or takes in the popup (`choice`).
 * The new run supersedes any run (of this job too); it is current before the first await.
 */
export async function regenerateJob(id: string, choice?: CraftChoice): Promise<string> {
  // Another job started since this one was shown (a picker changed, then "Write prompt" at once):
  // a late request for the old job must never stop the new one.
  if (current && current.jobId !== id) throw new PromptbrushError('unknown', 'This job can no longer be retried.');
  const run = startRun(id, `regenerate:${id}`);
  const job = await readJob();
  if (!job || job.id !== id || !canRetry(job)) {
    run.end();
    throw new PromptbrushError('unknown', 'This job can no longer be retried.');
  }
  if (job.source) void perform(run, given(job.source), choice ?? choiceOf(job));
  // Stopped (or refused) before the text was read: read the same tab again.
  else if (job.tab) void perform(run, fromTab(job.tab), choice);
  return id;
}

/** "Reuse" from history: the saved snapshot becomes the current job (replacing a running one). */
export async function reuseJob(snapshot: Job): Promise<string> {
  current?.supersede();
  await mutateJob(() => restoreJob(snapshot, now()));
  return snapshot.id;
}

/** Stops the running job, if any, and forgets the current job: the way out of a page that could not show it. */
export async function clearJob(): Promise<boolean> {
  current?.supersede();
  await mutateJob((job) => (job ? null : undefined));
  return true;
}
