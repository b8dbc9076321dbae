// Writes a prompt with Chrome's built-in model (the Prompt API): the worker's side of the keyless
// provider. Pure: the API object is a parameter (utils/builtin-model.ts finds it and knows its states).
import {
  BUILTIN_STATES,
  builtinState,
  classifyBuiltinError,
  IMAGE_IO,
  IO,
  type LanguageModelApi,
  type LanguageModelSession,
  type MultimodalPrompt,
} from '../builtin-model';
import { errorRow, type JobError, PromptbrushError } from '../errors';
import { base64ToBytes } from '../image-bytes';
import { splitDataUrl } from '../image-source';
import type { AnswerBounds } from './answer-bounds';
import type { ChatRequest } from './chat-request';
import type { StreamedAnswer } from './model-client';
import type { StreamWatch } from './stream-watch';

/** The request's image as a Blob for the Prompt API. */
function imageBlob(dataUrl: string): Blob {
  const parts = splitDataUrl(dataUrl);
  if (!parts) throw new PromptbrushError('image-unreadable', 'The image to send is not a data URL.');
  return new Blob([base64ToBytes(parts.base64) as Uint8Array<ArrayBuffer>], { type: parts.mime });
}

/**
 * Where the model runs but takes no image here: its own row. Chrome refuses image input it does not
 * support with NotSupportedError (at availability or create).
 */
async function checkImageInput(api: LanguageModelApi): Promise<void> {
  if ((await builtinState(api, IMAGE_IO)) === 'unavailable') throw new PromptbrushError('builtin-no-images');
}

const imageRow = (error: unknown): JobError => {
  const row = errorRow(error, classifyBuiltinError);
  return row.kind === 'builtin-unavailable' && (error as { name?: string })?.name === 'NotSupportedError'
    ? { ...row, kind: 'builtin-no-images' }
    : row;
};

export interface BuiltinStreamOptions {
  signal?: AbortSignal;
  onDelta: (delta: string) => void;
  bounds?: AnswerBounds;
  /** Deadlines: the session runs on the watch's signal, which includes `signal`. */
  watch?: StreamWatch;
}

/** Streams the prompt from the on-device model; throws a PromptbrushError. */
export async function streamWithBuiltin(
  api: LanguageModelApi | undefined,
  request: ChatRequest,
  options: BuiltinStreamOptions,
): Promise<StreamedAnswer> {
  const state = await builtinState(api);
  if (!api || state !== 'available') throw new PromptbrushError('builtin-unavailable', BUILTIN_STATES[state].text);
  if (request.image) await checkImageInput(api);
  const system = request.messages.filter((m) => m.role === 'system').map((m) => m.content);
  const user = request.messages.filter((m) => m.role === 'user').map((m) => m.content);
  const { watch } = options;
  const signal = watch?.signal ?? options.signal;
  const maxChars = options.bounds?.maxChars ?? Number.POSITIVE_INFINITY;
  const input: string | MultimodalPrompt = request.image
    ? [
        {
          role: 'user',
          content: [
            { type: 'text', value: user.join('\n\n') },
            { type: 'image', value: imageBlob(request.image) },
          ],
        },
      ]
    : user.join('\n\n');
  let session: LanguageModelSession | undefined;
  let text = '';
  let cut = false;
  try {
    session = await api.create({
      ...(request.image ? IMAGE_IO : IO),
      initialPrompts: system.length > 0 ? [{ role: 'system', content: system.join('\n\n') }] : [],
      ...(signal ? { signal } : {}),
    });
    watch?.activity();
    for await (const delta of session.promptStreaming(input, signal ? { signal } : {})) {
      watch?.activity();
      if (!delta) continue;
      const piece = delta.slice(0, maxChars - text.length);
      text += piece;
      if (piece) options.onDelta(piece);
      if (text.length >= maxChars) {
        cut = true;
        break;
      }
    }
  } catch (error) {
    if (watch?.reason) throw watch.reason;
    throw PromptbrushError.of(request.image ? imageRow(error) : errorRow(error, classifyBuiltinError));
  } finally {
    session?.destroy();
  }
  if (cut) return { text, cut };
  if (watch?.reason) throw watch.reason;
  if (signal?.aborted) throw new PromptbrushError('cancelled');
  return { text, cut };
}
