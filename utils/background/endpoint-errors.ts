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
