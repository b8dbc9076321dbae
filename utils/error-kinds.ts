// The one table of things that can go wrong: kind → what the person reads → what they can do.
// Pure data shared by the background (which classifies) and the popup/options (which show it).
import type { SettingsField } from './settings-fields';

export type ErrorAction = 'retry' | 'open-options' | 'none';

export interface ErrorKindInfo {
  title: string;
  message: string;
  action: ErrorAction;
  /** The setting that fixes it: the popup's Fix button opens Settings with this field focused. */
  field?: SettingsField;
  /** Something to type or run, shown verbatim (monospace) under the message. */
  help?: string;
}

export const ERROR_KINDS = {
  'missing-key': {
    title: 'Add your API key',
    message: 'Promptbrush needs an API key for your provider before it can write prompts. Nothing was sent.',
    action: 'open-options',
    field: 'api-key',
  },
  'invalid-key': {
    title: 'The API key was refused',
    message: 'The provider answered 401: the key is wrong, revoked or for another endpoint. Check it in Settings.',
    action: 'open-options',
    field: 'api-key',
  },
  forbidden: {
    title: 'Access denied',
    message:
      'The provider answered 403: this key may not use this model or endpoint (some models need a verified organisation or a higher tier). Check the key and the model in Settings.',
    action: 'open-options',
    field: 'api-key',
  },
  'ollama-origin': {
    title: 'Ollama refused the extension',
    message:
      'Ollama answered 403: it accepts requests from browser extensions only when it is told to. Quit Ollama, start it again with the setting below (or set it as an environment variable for the Ollama app), then retry.',
    action: 'retry',
    field: 'base-url',
    help: 'OLLAMA_ORIGINS=chrome-extension://*,moz-extension://* ollama serve',
  },
  'no-permission': {
    title: 'Permission needed for this endpoint',
    message:
      'The browser blocked the request: Promptbrush has no permission to reach this endpoint (it was refused or removed). Open Settings and click Allow access beside the base URL.',
    action: 'open-options',
    field: 'base-url',
  },
  'model-not-found': {
    title: 'Model not available',
    message:
      'The provider does not know this model (404): it may have been retired, or the name is misspelled. Pick one it offers in Settings.',
    action: 'open-options',
    field: 'chat-model',
  },
  'rate-limited': {
    title: 'Rate limited',
    message: 'The provider is receiving too many requests right now (429) and Promptbrush already retried. Wait a moment and retry.',
    action: 'retry',
  },
  quota: {
    title: 'Quota exhausted',
    message:
      "Your account has no credit or quota left (429 insufficient_quota). Retrying will not help: add credit on your provider's billing page (OpenAI: platform.openai.com → Settings → Billing), or use another key or provider.",
    action: 'open-options',
    field: 'provider',
  },
  server: {
    title: 'Provider error',
    message: 'The provider had an internal error (5xx). It is usually temporary: retry in a moment.',
    action: 'retry',
  },
  timeout: {
    title: 'No answer in time',
    message: 'The provider did not answer before the time limit. Retry, or raise the limit in Settings.',
    action: 'retry',
    field: 'timeout',
  },
  stalled: {
    title: 'The answer stopped coming',
    message: 'The provider went silent mid-answer. The text so far is kept: retry, or allow longer silences in Settings.',
    action: 'retry',
    field: 'idle-timeout',
  },
  'stream-error': {
    title: 'The provider stopped with an error',
    message: 'The provider reported an error mid-answer. The text so far is kept: retry, or try another model.',
    action: 'retry',
  },
  'not-an-api': {
    title: 'A web page answered instead of the API',
    message: 'A Wi-Fi login page, proxy or firewall may be in the way, or the base URL is a website. Check both, then retry.',
    action: 'retry',
    field: 'base-url',
  },
  offline: {
    title: 'Cannot reach the provider',
    message:
      'The endpoint could not be reached: you may be offline, the server may not be running, or the base URL may be wrong. Check your connection and the base URL.',
    action: 'retry',
    field: 'base-url',
  },
  'stream-cut': {
    title: 'Connection lost mid-prompt',
    message: 'The connection dropped while the prompt was being written. The text so far is kept: retry for the whole prompt.',
    action: 'retry',
  },
  refused: {
    title: 'Refused by the provider',
    message: "The provider's safety system refused this text. Rephrase the selection and try again.",
    action: 'retry',
  },
  'too-long': {
    title: 'Text too long for the model',
    message: "The text is longer than the model's context. Select less text or lower the limit in Settings.",
    action: 'open-options',
    field: 'max-chars',
  },
  'bad-request': {
    title: 'Request rejected',
    message: 'The provider rejected the request (400). The model may not support it: try another model.',
    action: 'open-options',
    field: 'chat-model',
  },
  'builtin-unavailable': {
    title: "Chrome's built-in model is not ready",
    message:
      'The on-device model is not available in this browser, or it has not been downloaded yet. Download it in Settings, or choose another provider.',
    action: 'open-options',
    field: 'provider',
  },
  'empty-selection': {
    title: 'Nothing selected',
    message: 'Select some text on the page first (or type it in the box). Nothing was sent.',
    action: 'none',
  },
  'cannot-read-page': {
    title: 'This page cannot be read',
    message:
      'Browsers do not let extensions read this kind of page (browser pages, the web store, the PDF viewer). Right-click your selection and choose Image prompt from selection where the browser offers it, or paste the text into the box below. Nothing was sent.',
    action: 'none',
  },
  'text-too-long': {
    title: 'Text too long',
    message:
      'Promptbrush takes at most 2,000,000 characters at once, and this text is longer. Paste a shorter part: only the first part, up to the length set in Settings, goes to the model anyway. Nothing was sent.',
    action: 'none',
  },
  'no-tab': {
    title: 'No page to read',
    message:
      'Promptbrush could not find the page behind this window. Click into the page, open Promptbrush again and retry, or paste the text into the box below. Nothing was sent.',
    action: 'none',
  },
  'not-sent': {
    title: 'Not sent',
    message:
      'Promptbrush did not act on this request: it is longer than Promptbrush accepts, or malformed, so nothing went to your provider. Shorten what you typed or pasted and try again.',
    action: 'none',
  },
  // Images as a source (right-click an image, or paste one into the popup).
  'image-unreadable': {
    title: 'This image cannot be read',
    message:
      'Promptbrush could not get the pixels of this image (the details say why). Save the image and paste it into the box below. Nothing was sent.',
    action: 'none',
  },
  'model-cannot-see': {
    title: 'This model cannot read images',
    message:
      'The provider says this model does not take images. Pick one that can (Settings marks those it lists as "reads images"), then retry.',
    action: 'retry',
    field: 'chat-model',
  },
  'builtin-no-images': {
    title: "Chrome's built-in model cannot read images here",
    message: "This browser's on-device model takes text only here. Choose another provider for prompts from images; text still works.",
    action: 'open-options',
    field: 'provider',
  },
  'image-source-off': {
    title: 'Prompts from images are turned off',
    message: 'Turn them on in Settings to write prompts from an image you right-click, paste or drop. Nothing was sent.',
    action: 'open-options',
    field: 'image-source',
  },
  'empty-answer': {
    title: 'The model returned nothing',
    message: 'The model finished without writing a prompt. Retry, or try another model.',
    action: 'retry',
  },
  cancelled: {
    title: 'Cancelled',
    message: 'You stopped this job. The text written so far is kept.',
    action: 'retry',
  },
  interrupted: {
    title: 'Interrupted',
    message: 'The browser stopped Promptbrush in the middle of this job. The text written so far is kept.',
    action: 'retry',
  },
  // Image generation. The prompt is always kept when these happen.
  'image-refused': {
    title: 'Image refused by the safety system',
    message:
      "The image service refused to draw this prompt (moderation_blocked, before drawing began). Your prompt is kept: rephrase it — leave out real people's names, brands, violence or explicit detail — and generate again.",
    action: 'none',
  },
  'image-refused-output': {
    title: 'Image blocked by the safety system',
    message:
      'The image service began drawing, then its safety check blocked the finished picture (moderation_blocked). Your prompt is kept: change what the picture shows and generate again.',
    action: 'none',
  },
  'model-retired': {
    title: 'Image model retired',
    message:
      'The provider has shut this model down. Pick a current image model in Settings, or leave the choice on Automatic to use the best one the provider lists.',
    action: 'open-options',
  },
  'no-image-model': {
    title: 'No image model available',
    message: 'This endpoint lists no image model. Choose one in Settings, or take the prompt to another generator with "Open in…".',
    action: 'open-options',
  },
  'no-image-data': {
    title: 'No image came back',
    message: 'The provider answered without image data (perhaps only a link, which would expire). Try another image model in Settings.',
    action: 'open-options',
  },
  'image-prompt-too-long': {
    title: 'Prompt too long for the Images API',
    message: 'The Images API takes prompts of up to 32,000 characters. Shorten the prompt, or take it elsewhere with "Open in…".',
    action: 'none',
  },
  'image-cut': {
    title: 'Connection lost mid-image',
    message: 'The connection dropped while the image was being drawn. Your prompt is kept: generate again.',
    action: 'retry',
  },
  // Local image servers (AUTOMATIC1111, ComfyUI): the details name the server and its exact launch flags.
  'local-offline': {
    title: 'Image server not reachable',
    message: 'Start it with the flags in the details.',
    action: 'retry',
    field: 'image-base-url',
  },
  'local-refused': {
    title: 'Image server refused the extension',
    message: 'Restart it with the flags in the details.',
    action: 'retry',
    field: 'image-base-url',
  },
  'checkpoint-missing': {
    title: 'Checkpoint not found',
    message: 'Pick one the server lists (Test lists them).',
    action: 'open-options',
    field: 'image-model',
  },
  'gpu-out-of-memory': {
    title: 'Out of GPU memory',
    message: 'Your prompt is kept: draw fewer or smaller images.',
    action: 'retry',
  },
  'workflow-invalid': {
    title: 'ComfyUI workflow unusable',
    message: 'Use "Export (API)" in ComfyUI; check the mapping.',
    action: 'open-options',
    field: 'image-workflow',
  },
  'not-image-model': {
    title: 'This model cannot make images',
    message: 'It answered with text only: pick an image model.',
    action: 'open-options',
    field: 'image-model',
  },
  'storage-full': {
    title: 'Browser storage is full',
    message:
      'History could not be saved because the browser has no room left for Promptbrush. Delete old entries or lower the history size in Settings.',
    action: 'open-options',
  },
  'history-failed': {
    title: 'History could not be saved',
    message: 'Saving to history failed. The current result is still here; export your history if you want to keep a copy.',
    action: 'none',
  },
  'damaged-job': {
    title: 'A stored prompt could not be read',
    message: 'It was in a shape this version cannot read, so it was set aside. Write a new prompt.',
    action: 'none',
  },
  'part-not-loaded': {
    title: 'Part of Promptbrush did not load',
    message: 'This part of the window could not be loaded, usually because Promptbrush was just updated. Retry, or close and reopen it.',
    action: 'retry',
  },
  unknown: {
    title: 'Something went wrong',
    message: 'An unexpected error happened. Retry; if it keeps happening, check Settings.',
    action: 'retry',
  },
} as const satisfies Record<string, ErrorKindInfo>;

export type ErrorKind = keyof typeof ERROR_KINDS;

export function isErrorKind(value: unknown): value is ErrorKind {
  return typeof value === 'string' && Object.hasOwn(ERROR_KINDS, value);
}
