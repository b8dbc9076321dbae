// Writes a prompt with Chrome's built-in model (the Prompt API): the worker's side of the keyless
// provider. Pure: the API object is a parameter (utils/builtin-model.ts finds it and knows its states).
import { BUILTIN_STATES, builtinState, classifyBuiltinError, IO, type LanguageModelApi, type LanguageModelSession } from '../builtin-model';
import { errorRow, PromptbrushError } from '../errors';
import type { ChatRequest } from './chat-request';

export interface BuiltinStreamOptions {
  signal?: AbortSignal;
  onDelta: (delta: string) => void;
}

/** Streams the prompt from the on-device model; throws a PromptbrushError. */
export async function streamWithBuiltin(
  api: LanguageModelApi | undefined,
  request: ChatRequest,
  options: BuiltinStreamOptions,
): Promise<string> {
  const state = await builtinState(api);
  if (!api || state !== 'available') throw new PromptbrushError('builtin-unavailable', BUILTIN_STATES[state].text);
  const system = request.messages.filter((m) => m.role === 'system').map((m) => m.content);
  const user = request.messages.filter((m) => m.role === 'user').map((m) => m.content);
  let session: LanguageModelSession | undefined;
  let text = '';
  try {
    session = await api.create({
      ...IO,
      initialPrompts: system.length > 0 ? [{ role: 'system', content: system.join('\n\n') }] : [],
      ...(options.signal ? { signal: options.signal } : {}),
    });
    for await (const delta of session.promptStreaming(user.join('\n\n'), options.signal ? { signal: options.signal } : {})) {
      if (!delta) continue;
      text += delta;
      options.onDelta(delta);
    }
  } catch (error) {
    throw PromptbrushError.of(errorRow(error, classifyBuiltinError));
  } finally {
    session?.destroy();
  }
  if (options.signal?.aborted) throw new PromptbrushError('cancelled');
  return text;
}
