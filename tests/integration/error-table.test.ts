// The error table, row by row, from real HTTP answers of the fake server through the real SDK
// and the very function the background writes prompts with (utils/prompt-writer.ts).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildChatRequest } from '../../utils/background/chat-request';
import { writePrompt } from '../../utils/background/prompt-writer';
import { ERROR_KINDS, type ErrorKind } from '../../utils/error-kinds';
import type { JobError } from '../../utils/errors';
import type { RetryWait } from '../../utils/retry';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/settings';
import { FAILURES, type FakeOpenAI, STREAM_ERRORS, startFakeOpenAI } from '../fixtures/fake-openai';
import { scenePng } from '../fixtures/png';

// The browser's answer to "may Promptbrush reach this host?" (the e2e build has it for localhost).
let hostAccess = true;
vi.mock('../../utils/permission-requests', () => ({ hasHostAccess: async () => hostAccess, requestHostAccess: async () => hostAccess }));

const KEY = 'sk-test-error-table-0123456789';
let server: FakeOpenAI;

beforeAll(async () => {
  server = await startFakeOpenAI();
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  hostAccess = true;
});
afterEach(() => vi.unstubAllGlobals());

const request = buildChatRequest({ text: 'A fox in snow.', originalLength: 14, shortened: false }, 'fake-chat-mini');

/** A request with an image source (a small real PNG as its image part). */
const imageRequest = buildChatRequest(
  { text: '', originalLength: 0, shortened: false },
  'fake-chat-mini',
  undefined,
  `data:image/png;base64,${scenePng(64, 48).toString('base64')}`,
);

interface Run {
  request?: typeof request;
  settings?: Partial<Settings>;
  signal?: AbortSignal;
  onDelta?: (delta: string) => void;
}

async function failureOf(run: Run = {}): Promise<{ error: JobError; waits: (RetryWait | null)[] }> {
  const waits: (RetryWait | null)[] = [];
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    provider: 'custom',
    baseUrl: server.baseUrl,
    requestTimeoutSeconds: 5,
    ...run.settings,
  };
  try {
    await writePrompt(settings, KEY, run.request ?? request, {
      signal: run.signal ?? new AbortController().signal,
      onDelta: run.onDelta ?? (() => undefined),
      onWait: (wait) => waits.push(wait),
    });
  } catch (error) {
    return { error: error as JobError, waits };
  }
  throw new Error('expected the request to fail');
}

/** Chromium sends the extension's origin on POSTs from its worker (measured); Node does not. */
function sendExtensionOrigin() {
  const realFetch = globalThis.fetch;
  vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    headers.set('origin', 'chrome-extension://abcdefghijklmnopabcdefghijklmnop');
    return realFetch(input, { ...init, headers });
  });
}

/** Every row that an endpoint's answer (or its absence) produces, and how the fake server does it. */
const FROM_HTTP: Partial<Record<ErrorKind, () => Promise<JobError>>> = {
  'invalid-key': async () => {
    server.acceptKey = 'sk-another-key';
    return (await failureOf()).error;
  },
  forbidden: async () => {
    server.chat.fail = FAILURES.forbidden();
    return (await failureOf()).error;
  },
  'ollama-origin': async () => {
    server.rejectExtensionOrigins = true;
    sendExtensionOrigin();
    return (await failureOf({ settings: { provider: 'ollama' } })).error;
  },
  'no-permission': async () => {
    hostAccess = false;
    return (await failureOf({ settings: { baseUrl: 'http://127.0.0.1:9/v1' } })).error;
  },
  'model-not-found': async () => {
    server.chat.fail = FAILURES.modelNotFound();
    return (await failureOf()).error;
  },
  'rate-limited': async () => {
    // A wait longer than the worker may idle is reported, not waited for.
    server.chat.fail = { ...FAILURES.rateLimited(), headers: { 'retry-after': '120' } };
    return (await failureOf()).error;
  },
  quota: async () => {
    server.chat.fail = FAILURES.quota();
    return (await failureOf()).error;
  },
  server: async () => {
    server.chat.fail = { ...FAILURES.server(), headers: { 'retry-after': '0' } };
    return (await failureOf()).error;
  },
  timeout: async () => {
    server.chat.stall = true;
    return (await failureOf({ settings: { requestTimeoutSeconds: 0.3 } })).error;
  },
  offline: async () => (await failureOf({ settings: { baseUrl: 'http://127.0.0.1:9/v1' } })).error,
  stalled: async () => {
    server.chat.silenceAfterChunks = 2;
    return (await failureOf({ settings: { idleTimeoutSeconds: 0.3 } })).error;
  },
  'stream-error': async () => {
    server.chat.errorEventAfterChunks = { after: 2, error: STREAM_ERRORS.upstream() };
    return (await failureOf()).error;
  },
  'not-an-api': async () => {
    server.chat.htmlPage = true;
    return (await failureOf()).error;
  },
  'stream-cut': async () => {
    server.chat.dropAfterChunks = 3;
    return (await failureOf()).error;
  },
  refused: async () => {
    server.chat.fail = FAILURES.moderation();
    return (await failureOf()).error;
  },
  'too-long': async () => {
    server.chat.fail = FAILURES.contextLength();
    return (await failureOf()).error;
  },
  'bad-request': async () => {
    server.chat.fail = FAILURES.badRequest();
    return (await failureOf()).error;
  },
  cancelled: async () => {
    server.chat.chunkDelayMs = 50;
    const controller = new AbortController();
    let deltas = 0;
    return (await failureOf({ signal: controller.signal, onDelta: () => ++deltas === 2 && controller.abort() })).error;
  },
  'model-cannot-see': async () => {
    server.chat.refuseImages = 'openai';
    return (await failureOf({ request: imageRequest })).error;
  },
  unknown: async () => {
    server.chat.fail = FAILURES.teapot();
    return (await failureOf()).error;
  },
};

/** Rows no endpoint answer produces, and where they come from instead. */
const NOT_FROM_HTTP: Partial<Record<ErrorKind, string>> = {
  'missing-key': 'decided before any request: nothing is sent without a key (tests/unit/key-policy.test.ts)',
  'empty-selection': 'the captured text is empty (job runner)',
  'text-too-long': 'decided in the popup before sending: pasted text over the protocol limit (tests/unit/popup-requests.test.tsx)',
  'no-tab': 'decided in the popup: "Use selection" found no tab behind it (tests/unit/popup-requests.test.tsx)',
  'not-sent': 'answered by the background to its own pages when a message fails the protocol checks (tests/integration/messages.test.ts)',
  'damaged-job': 'a job in storage.session that is not a job is set aside when read (tests/unit/job-shape.test.ts)',
  'part-not-loaded': 'a lazily loaded part of the popup failed to load (tests/unit/lazy.test.tsx)',
  'cannot-read-page': 'the browser refused to inject the capture script (job runner)',
  'empty-answer': 'the model answered with no text (job runner)',
  interrupted: 'the service worker was stopped mid-job (background start-up)',
  'builtin-unavailable': "Chrome's on-device model, not HTTP (tests/unit/builtin-model.test.ts)",
  'builtin-no-images': "Chrome's on-device model refuses image input (tests/unit/builtin-model.test.ts)",
  'image-unreadable': 'no way to get the pixels of an image: fetch, page and screenshot all refused (tests/e2e/image-source.e2e.ts)',
  'image-source-off': 'prompts from images are turned off in Settings (tests/integration/image-source.test.ts)',
  // The Images API rows: each produced from the fake server's /v1/images/generations through the
  // real SDK in tests/integration/images.test.ts, or decided before any request.
  'image-refused': 'images endpoint, moderation_blocked before drawing (tests/integration/images.test.ts)',
  'image-refused-output': 'images endpoint, moderation_blocked after partial images (tests/integration/images.test.ts)',
  'model-retired': 'an image model whose shutdown_date has passed (tests/integration/images.test.ts)',
  'no-image-model': 'the endpoint lists no image model (tests/integration/image-runner.test.ts)',
  'no-image-data': 'an images answer with links only (tests/integration/images.test.ts)',
  'image-prompt-too-long': 'decided before the request: over 32,000 characters (tests/unit/image-runner.test.ts)',
  'image-cut': 'the image stream ended before the final image (tests/integration/image-runner.test.ts)',
  // Image backends: each produced by its adapter against its fake (tests/integration/image-backends.test.ts)
  // and reached in Chromium (tests/e2e/backends.e2e.ts).
  'local-offline': 'no web UI or ComfyUI at the address (tests/integration/image-backends.test.ts)',
  'local-refused':
    "ComfyUI's origin check, the web UI's CORS allow-list (tests/integration/image-backends.test.ts, tests/e2e/backends.e2e.ts)",
  'checkpoint-missing': 'a checkpoint the server does not list (tests/integration/image-backends.test.ts)',
  'gpu-out-of-memory': "A1111's 500 body, ComfyUI's execution_error (tests/integration/image-backends.test.ts)",
  'workflow-invalid': 'a pasted workflow that is not API format, or maps a missing node (tests/integration/image-backends.test.ts)',
  'not-image-model': 'a chat model answering text only, or 404 on image output (tests/integration/image-backends.test.ts)',
  // History lives in IndexedDB, not on the network.
  'storage-full': 'IndexedDB quota exceeded (tests/unit/history-recording.test.ts)',
  'history-failed': 'any other IndexedDB failure (tests/unit/history-recording.test.ts)',
};

describe('the error table', () => {
  it('has, for every row, either a real HTTP scenario or a stated origin', () => {
    for (const kind of Object.keys(ERROR_KINDS) as ErrorKind[]) {
      expect(kind in FROM_HTTP || kind in NOT_FROM_HTTP, `${kind} has no scenario`).toBe(true);
    }
  });

  it.each(Object.keys(FROM_HTTP) as ErrorKind[])('%s: produced from the fake server through the SDK', async (kind) => {
    const error = await (FROM_HTTP[kind] as () => Promise<JobError>)();
    expect(error.kind).toBe(kind);
    expect(JSON.stringify(error)).not.toContain(KEY);
  });

  it('builtin-unavailable: the browser (here Node) has no on-device model, and nothing throws', async () => {
    expect((await failureOf({ settings: { provider: 'chrome-builtin' } })).error.kind).toBe('builtin-unavailable');
  });
});

describe('retries', () => {
  it('retries a rate limit after the time retry-after asks for, showing the wait, then succeeds', async () => {
    server.chat.fail = { ...FAILURES.rateLimited(), headers: { 'retry-after': '1' } };
    server.chat.failTimes = 1;
    const waits: (RetryWait | null)[] = [];
    const started = Date.now();
    const { text } = await writePrompt({ ...DEFAULT_SETTINGS, provider: 'custom', baseUrl: server.baseUrl }, KEY, request, {
      signal: new AbortController().signal,
      onDelta: () => undefined,
      onWait: (wait) => waits.push(wait),
    });
    expect(text.length).toBeGreaterThan(20);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(server.chatRequests()).toHaveLength(2);
    expect(waits[0]).toMatchObject({ kind: 'rate-limited', attempt: 2, maxAttempts: 4 });
    expect(waits.at(-1)).toBeNull();
  });

  it('gives up on a server error after two retries', async () => {
    server.chat.fail = { ...FAILURES.serviceUnavailable(), headers: { 'retry-after': '0' } };
    const { error, waits } = await failureOf();
    expect(error.kind).toBe('server');
    expect(server.chatRequests()).toHaveLength(3);
    expect(waits.filter(Boolean)).toHaveLength(2);
  });

  it('never retries insufficient_quota, not even with the SDK’s own retries on', async () => {
    const { createClient } = await import('../../utils/background/model-client');
    server.chat.fail = FAILURES.quota();
    const withSdkRetries = createClient({ baseUrl: server.baseUrl, apiKey: KEY, timeoutMs: 5000, maxRetries: 2 });
    await expect(withSdkRetries.chat.completions.create({ model: 'm', messages: [] })).rejects.toMatchObject({ status: 429 });
    expect(server.chatRequests()).toHaveLength(1);
    // The same client does retry an ordinary rate limit: the count above can tell the difference.
    server.reset();
    server.chat.fail = { ...FAILURES.rateLimited(), headers: { 'retry-after-ms': '10' } };
    await expect(withSdkRetries.chat.completions.create({ model: 'm', messages: [] })).rejects.toMatchObject({ status: 429 });
    expect(server.chatRequests()).toHaveLength(3);
  });

  it('quota: writePrompt sends one request and reports billing, without waiting', async () => {
    server.chat.fail = FAILURES.quota();
    const { error, waits } = await failureOf();
    expect(error.kind).toBe('quota');
    expect(waits.filter(Boolean)).toHaveLength(0);
    expect(server.chatRequests()).toHaveLength(1);
    expect(ERROR_KINDS.quota.message).toMatch(/billing/i);
  });
});
