// Gives a classified error the meaning it has for this endpoint. Pure.
// The same HTTP answer means different things on different servers: a bare 403 from Ollama is
// its origin check, not a key problem; a failed connection to an endpoint the person refused
// host access to is the browser's doing, not the server's.

import type { JobError } from '../errors';
import { needsHostPermission } from '../host-patterns';
import type { ProviderId } from '../providers';

export interface EndpointContext {
  provider: ProviderId;
  baseUrl: string;
  /** Whether the browser granted host access to the endpoint (undefined: not known). */
  hostAccess?: boolean;
  /** navigator.onLine where known: false means the browser itself is offline. */
  online?: boolean;
}

const OLLAMA_PORT = '11434';

function isOllama({ provider, baseUrl }: EndpointContext): boolean {
  if (provider === 'ollama') return true;
  try {
    return new URL(baseUrl).port === OLLAMA_PORT;
  } catch {
    return false;
  }
}

export function refineError(error: JobError, context: EndpointContext): JobError {
  if (error.kind === 'forbidden' && isOllama(context)) return { ...error, kind: 'ollama-origin' };
  if (error.kind === 'offline' && context.online === false) return { ...error, detail: 'This browser is offline.' };
  if (error.kind === 'offline' && context.hostAccess === false && needsHostPermission(context.baseUrl)) {
    return { ...error, kind: 'no-permission' };
  }
  return error;
}

/**
 * How providers say "this model takes no images": OpenAI (400 "image_url is only supported by
 * certain models"), OpenRouter (404 "No endpoints found that support image input"), vLLM ("not a
 * multimodal model", "At most 0 image(s)"), DeepSeek ("unknown variant `image_url`"), Groq
 * ("content must be a string"), Ollama ("missing data required for image input"), LM Studio…
 */
const NO_IMAGE_INPUT =
  /image_url is only supported|support(?:s|ed)? (?:image|vision)|image input|does not support images?|not a multimodal|at most 0 image|variant `image_url`|content must be a string|missing data required for image/i;

/** A request that carried an image failed in the words of a model that cannot read one. */
export function refineImageError(error: JobError): JobError {
  const wording = error.kind === 'bad-request' || error.kind === 'model-not-found' || error.kind === 'server' || error.kind === 'unknown';
  return wording && error.detail && NO_IMAGE_INPUT.test(error.detail) ? { ...error, kind: 'model-cannot-see' } : error;
}
