// Writes a prompt with Chrome's built-in model (the Prompt API): the worker's side of the keyless
// provider. Pure: the API object is a parameter (utils/builtin-model.ts finds it and knows its states).
import { BUILTIN_STATES, builtinState, classifyBuiltinError, IO, type LanguageModelApi, type LanguageModelSession } from '../builtin-model';
import { errorRow, PromptbrushError } from '../errors';
import type { AnswerBounds } from './answer-bounds';
import type { ChatRequest } from './chat-request';
import type { StreamedAnswer } from './model-client';
import type { StreamWatch } from './stream-watch';

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
  const system = request.messages.filter((m) => m.role === 'system').map((m) => m.content);
  const user = request.messages.filter((m) => m.role === 'user').map((m) => m.content);
  const { watch } = options;
  const signal = watch?.signal ?? options.signal;
  const maxChars = options.bounds?.maxChars ?? Number.POSITIVE_INFINITY;
  let session: LanguageModelSession | undefined;
  let text = '';
  let cut = false;
  try {
    session = await api.create({
      ...IO,
      initialPrompts: system.length > 0 ? [{ role: 'system', content: system.join('\n\n') }] : [],
      ...(signal ? { signal } : {}),
    });
    watch?.activity();
    for await (const delta of session.promptStreaming(user.join('\n\n'), signal ? { signal } : {})) {
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
    throw PromptbrushError.of(errorRow(error, classifyBuiltinError));
  } finally {
    session?.destroy();
  }
  if (cut) return { text, cut };
  if (watch?.reason) throw watch.reason;
  if (signal?.aborted) throw new PromptbrushError('cancelled');
  return { text, cut };
}
