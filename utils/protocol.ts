// The one message protocol between the extension's pages (popup, options) and the background.
// Every message is declared here with its request and response types and a validator; the
// background rejects anything that does not validate or does not come from the extension
// itself. Pure (the browser-facing send/receive lives in utils/messaging.ts).
import { type CraftChoice, strictCraftChoice } from './craft';
import type { ErrorKind } from './error-kinds';
import type { JobError } from './errors';
import { type ImageBackendKind, isImageBackendKind, isSeed } from './image-backend-kinds';
import { MAX_WORKFLOW_CHARS } from './image-settings';
import { type ImageAspect, isImageAspect } from './image-size';
import { MAX_IMAGE_DATA_URL_CHARS } from './image-source';
import type { KeyStatus } from './key-policy';
import type { ModelInfo } from './models';
import { isProviderId, type ProviderId } from './providers';
import type { Settings } from './settings';
import { parseSettingsPatch, type SettingsPatch } from './settings-patch';

/** A provider to test or list models for: the form's current values, before they are saved. */
export interface ProviderDraft {
  baseUrl: string;
  /** A key typed but not yet saved; absent means "use the saved key". */
  apiKey?: string;
  chatModel?: string;
  /** The preset picked in the form (decides key needs and what errors mean). */
  provider?: ProviderId;
}

export interface ConnectionReport {
  ok: boolean;
  /** What the person reads: the endpoint answered, with how many models, or why not. */
  message: string;
  errorKind?: ErrorKind;
  model?: string;
  /** Something to type or run (from the error table), shown verbatim. */
  help?: string;
}

/** An image backend to test, as the form shows it (saved or not). */
export interface ImageBackendDraft {
  backend: ImageBackendKind;
  /** The address to reach: the backend's own, or the chat provider's when it shares it. */
  baseUrl: string;
  /** Which saved key may go there: the chat provider's or the image backend's own. */
  keyFrom: 'chat' | 'image';
  /** A key typed but not yet saved. */
  apiKey?: string;
  /** The model or checkpoint chosen ('' = automatic). */
  model?: string;
  /** ComfyUI: the pasted workflow and its mapping, checked before anything is sent. */
  workflow?: string;
  workflowMap?: string;
}

export interface ProtocolMap {
  /** Expand text the person typed or pasted into the popup. */
  /** `choice`: what the popup's pickers show, so the prompt is written the way they say. */
  expandText: { request: { text: string; choice?: CraftChoice }; response: { jobId: string } };
  /** An image pasted or dropped into the popup, as a base64 data URL (scaled down by the background before sending). */
  expandImage: { request: { dataUrl: string; name?: string; choice?: CraftChoice }; response: { jobId: string } };
  /** Read the selection of a tab the person is looking at (popup's "use selection"). */
  captureTab: { request: { tabId: number; choice?: CraftChoice }; response: { jobId: string } };
  cancelJob: { request: { jobId: string }; response: { cancelled: boolean } };
  retryJob: { request: { jobId: string }; response: { jobId: string } };
  editPrompt: { request: { jobId: string; prompt: string }; response: { saved: boolean } };
  /** Saves the key for the configured base URL; `sessionOnly` keeps it until the browser closes. */
  saveApiKey: { request: { apiKey: string; sessionOnly?: boolean }; response: KeyStatus };
  /** Moves the saved key between local storage and session storage. */
  setKeyStorage: { request: { sessionOnly: boolean }; response: KeyStatus };
  clearApiKey: { request: Record<string, never>; response: KeyStatus };
  getKeyStatus: { request: Record<string, never>; response: KeyStatus };
  testConnection: { request: ProviderDraft; response: ConnectionReport };
  /** `listed` is false when the endpoint has no model list (the person types the id). */
  listModels: { request: ProviderDraft; response: { models: ModelInfo[]; listed: boolean } };
  /** "Generate image" for the prompt as shown, with its negative prompt and aspect ratio. */
  generateImage: {
    request: { jobId: string; prompt: string; negativePrompt?: string; aspect?: ImageAspect; seed?: number };
    response: { runId: string };
  };
  /** Settings › Image generation › Test: does the backend answer, and which models or checkpoints does it offer? */
  testImageBackend: { request: ImageBackendDraft; response: ConnectionReport & { models: string[] } };
  /** The image backend's own key: saved for the image endpoint in the saved settings, cleared, moved, or its status. */
  imageKey: { request: { action: 'save' | 'clear' | 'move' | 'status'; apiKey?: string; sessionOnly?: boolean }; response: KeyStatus };
  cancelImage: { request: { runId: string }; response: { cancelled: boolean } };
  /** "Reuse" in history: make the saved job the current one. */
  reuseJob: { request: { jobId: string }; response: { jobId: string } };
  /**
   * A page shows a running job: is the background really working on it? Starting the worker to
   * answer is what marks a job it lost as interrupted; the answer says whether it still runs.
   */
  checkJob: { request: { jobId: string }; response: { running: boolean } };
  /** Write the job's prompt again from the same text: Regenerate, or another target/style/aspect/takes. */
  regenerate: { request: { jobId: string; choice?: CraftChoice }; response: { jobId: string } };
  /** Make one of the job's variations its main prompt. */
  chooseVariation: { request: { jobId: string; index: number }; response: { chosen: boolean } };
  editNegativePrompt: { request: { jobId: string; negativePrompt: string }; response: { saved: boolean } };
  /** The collapsed history's label in the popup: entries and bytes, read by the background so the popup loads no database code for it. */
  historyUsage: { request: Record<string, never>; response: { entries: number; bytes: number } };
  /**
   * The pages' one way to change settings: the named fields only, applied by the background in
   * one queue with its own changes. Answers the settings as stored after the patch.
   */
  updateSettings: { request: { patch: SettingsPatch }; response: Settings };
  /** The way out of a page that could not render: stop and forget the current job. */
  clearJob: { request: Record<string, never>; response: { cleared: boolean } };
  /**
   * "Open in X" for a fill row: open (or focus) the site, put the prompt in its box, focus it.
   * Sent after the popup copied the prompt and the person allowed the site (utils/background/handoff-fill.ts).
   */
  fillGenerator: { request: FillRequestMessage; response: FillOutcome };
}

export interface FillRequestMessage {
  generatorId: string;
  prompt: string;
  negativePrompt?: string;
}

/** Why a fill did not happen: no box found in time, or the page could not be opened or scripted. */
export type FillFailure = 'no-box' | 'cannot-open' | 'cannot-script' | 'not-fill';

export interface FillOutcome {
  filled: boolean;
  negativeFilled: boolean;
  reason?: FillFailure;
}

/** The name of the port a page opens while it shows a running job (see components/popup/useJobLiveness.ts). */
export const JOB_WATCH_PORT = 'job-watch';

// ── history-changed ─────────────────────────────────────────────────────────────────────────────
// The one cross-context message outside runtime messaging: whoever writes history (the owner,
// utils/history-store.ts, in any context) tells every other context to read it again. IndexedDB
// has no change events, so a BroadcastChannel carries it (utils/history-events.ts).

/** The BroadcastChannel's name. */
export const HISTORY_CHANNEL = 'promptbrush-history';

/** What is posted on it: history changed (prompts, images, or both); read it again. */
export interface HistoryChanged {
  type: 'history-changed';
}

export function isHistoryChanged(data: unknown): data is HistoryChanged {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'history-changed';
}

export type MessageType = keyof ProtocolMap;
export type RequestOf<T extends MessageType> = ProtocolMap[T]['request'];
export type ResponseOf<T extends MessageType> = ProtocolMap[T]['response'];

export interface Envelope<T extends MessageType = MessageType> {
  type: T;
  payload: RequestOf<T>;
}

/** What every handler answers: a result, or an error the page can show from the error table. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: JobError };

export const MAX_TEXT_CHARS = 2_000_000;
const MAX_KEY_CHARS = 500;
const MAX_URL_CHARS = 2_000;

type Validator<T extends MessageType> = (payload: Record<string, unknown>) => RequestOf<T> | null;

const isString = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isId = (v: unknown): v is string => typeof v === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(v);
const optString = (v: unknown, max: number) => v === undefined || isString(v, max);

function providerDraft(p: Record<string, unknown>): ProviderDraft | null {
  if (!isString(p.baseUrl, MAX_URL_CHARS) || !optString(p.apiKey, MAX_KEY_CHARS) || !optString(p.chatModel, 200)) {
    return null;
  }
  if (p.provider !== undefined && !isProviderId(p.provider)) return null;
  return {
    baseUrl: p.baseUrl,
    ...(p.apiKey !== undefined ? { apiKey: p.apiKey as string } : {}),
    ...(p.chatModel !== undefined ? { chatModel: p.chatModel as string } : {}),
    ...(p.provider !== undefined ? { provider: p.provider } : {}),
  };
}

const empty = (): Record<string, never> => ({});

/** Adds an optional, strictly valid craft choice to a request; a malformed one rejects it all. */
function withChoice<T extends object>(p: Record<string, unknown>, request: T | null): (T & { choice?: CraftChoice }) | null {
  if (!request) return null;
  if (p.choice === undefined) return request;
  const choice = strictCraftChoice(p.choice);
  return choice ? { ...request, choice } : null;
}

/** One validator per message: the convention test checks every message has one and a handler. */
export const VALIDATORS: { [T in MessageType]: Validator<T> } = {
  expandText: (p) => withChoice(p, isString(p.text, MAX_TEXT_CHARS) ? { text: p.text } : null),
  expandImage: (p) =>
    withChoice(
      p,
      isString(p.dataUrl, MAX_IMAGE_DATA_URL_CHARS) && /^data:image\/[\w.+-]+;base64,/.test(p.dataUrl) && optString(p.name, 300)
        ? { dataUrl: p.dataUrl, ...(p.name !== undefined ? { name: p.name as string } : {}) }
        : null,
    ),
  captureTab: (p) => withChoice(p, Number.isInteger(p.tabId) && (p.tabId as number) >= 0 ? { tabId: p.tabId as number } : null),
  cancelJob: (p) => (isId(p.jobId) ? { jobId: p.jobId } : null),
  retryJob: (p) => (isId(p.jobId) ? { jobId: p.jobId } : null),
  editPrompt: (p) => (isId(p.jobId) && isString(p.prompt, 100_000) ? { jobId: p.jobId, prompt: p.prompt } : null),
  saveApiKey: (p) => {
    if (!isString(p.apiKey, MAX_KEY_CHARS) || (p.sessionOnly !== undefined && typeof p.sessionOnly !== 'boolean')) return null;
    return { apiKey: p.apiKey, ...(p.sessionOnly !== undefined ? { sessionOnly: p.sessionOnly } : {}) };
  },
  setKeyStorage: (p) => (typeof p.sessionOnly === 'boolean' ? { sessionOnly: p.sessionOnly } : null),
  clearApiKey: empty,
  getKeyStatus: empty,
  testConnection: providerDraft,
  listModels: providerDraft,
  generateImage: (p) =>
    isId(p.jobId) &&
    isString(p.prompt, 100_000) &&
    optString(p.negativePrompt, 10_000) &&
    (p.aspect === undefined || isImageAspect(p.aspect)) &&
    (p.seed === undefined || isSeed(p.seed))
      ? {
          jobId: p.jobId,
          prompt: p.prompt,
          ...(p.negativePrompt !== undefined ? { negativePrompt: p.negativePrompt as string } : {}),
          ...(p.aspect !== undefined ? { aspect: p.aspect as ImageAspect } : {}),
          ...(p.seed !== undefined ? { seed: p.seed as number } : {}),
        }
      : null,
  testImageBackend: (p) =>
    isImageBackendKind(p.backend) &&
    isString(p.baseUrl, MAX_URL_CHARS) &&
    (p.keyFrom === 'chat' || p.keyFrom === 'image') &&
    optString(p.apiKey, MAX_KEY_CHARS) &&
    optString(p.model, 200) &&
    optString(p.workflow, MAX_WORKFLOW_CHARS) &&
    optString(p.workflowMap, 2_000)
      ? {
          backend: p.backend,
          baseUrl: p.baseUrl,
          keyFrom: p.keyFrom,
          ...(p.apiKey !== undefined ? { apiKey: p.apiKey as string } : {}),
          ...(p.model !== undefined ? { model: p.model as string } : {}),
          ...(p.workflow !== undefined ? { workflow: p.workflow as string } : {}),
          ...(p.workflowMap !== undefined ? { workflowMap: p.workflowMap as string } : {}),
        }
      : null,
  imageKey: (p) =>
    ['save', 'clear', 'move', 'status'].includes(p.action as string) &&
    optString(p.apiKey, MAX_KEY_CHARS) &&
    (p.sessionOnly === undefined || typeof p.sessionOnly === 'boolean')
      ? {
          action: p.action as 'save' | 'clear' | 'move' | 'status',
          ...(p.apiKey !== undefined ? { apiKey: p.apiKey as string } : {}),
          ...(p.sessionOnly !== undefined ? { sessionOnly: p.sessionOnly as boolean } : {}),
        }
      : null,
  cancelImage: (p) => (isId(p.runId) ? { runId: p.runId } : null),
  reuseJob: (p) => (isId(p.jobId) ? { jobId: p.jobId } : null),
  checkJob: (p) => (isId(p.jobId) ? { jobId: p.jobId } : null),
  regenerate: (p) => {
    if (!isId(p.jobId)) return null;
    if (p.choice === undefined) return { jobId: p.jobId };
    const choice = strictCraftChoice(p.choice);
    return choice ? { jobId: p.jobId, choice } : null;
  },
  chooseVariation: (p) =>
    isId(p.jobId) && Number.isInteger(p.index) && (p.index as number) >= 0 && (p.index as number) < 10
      ? { jobId: p.jobId, index: p.index as number }
      : null,
  editNegativePrompt: (p) =>
    isId(p.jobId) && isString(p.negativePrompt, 100_000) ? { jobId: p.jobId, negativePrompt: p.negativePrompt } : null,
  historyUsage: empty,
  updateSettings: (p) => {
    const patch = parseSettingsPatch(p.patch);
    return patch ? { patch } : null;
  },
  clearJob: empty,
  fillGenerator: (p) =>
    typeof p.generatorId === 'string' &&
    /^[a-z0-9-]{1,40}$/.test(p.generatorId) &&
    isString(p.prompt, 100_000) &&
    optString(p.negativePrompt, 10_000)
      ? {
          generatorId: p.generatorId,
          prompt: p.prompt,
          ...(p.negativePrompt !== undefined ? { negativePrompt: p.negativePrompt as string } : {}),
        }
      : null,
};

export const MESSAGE_TYPES = Object.keys(VALIDATORS) as MessageType[];

/** Checks a raw message's shape; returns the typed envelope or null. */
export function parseEnvelope(raw: unknown): Envelope | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { type, payload } = raw as { type?: unknown; payload?: unknown };
  if (typeof type !== 'string' || !Object.hasOwn(VALIDATORS, type)) return null;
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return null;
  const validate = VALIDATORS[type as MessageType] as Validator<MessageType>;
  const parsed = validate(payload as Record<string, unknown>);
  return parsed ? { type: type as MessageType, payload: parsed } : null;
}

export interface SenderInfo {
  id?: string;
  url?: string;
  /** Set when the sender is a content script or page in a tab. */
  tab?: unknown;
}

/**
 * Only the extension's own pages may talk to the background: same extension id, and a URL on
 * the extension's own origin. Content scripts (which run in web pages) are refused: the capture
 * script returns its result through scripting.executeScript and never sends messages.
 */
export function isTrustedSender(sender: SenderInfo, extensionId: string, extensionOrigin: string): boolean {
  if (sender.id !== extensionId) return false;
  if (typeof sender.url !== 'string') return false;
  const origin = extensionOrigin.replace(/\/+$/, '');
  return sender.url === origin || sender.url.startsWith(`${origin}/`);
}
