// Which key goes where. Pure: the background's key store feeds it what it has saved.
// A saved key is bound to the endpoint it was saved for and is never sent anywhere else: an
// OpenAI key must not reach OpenRouter or a local server because the person changed a field.
import type { JobError } from './errors';
import { canShareChatProvider, IMAGE_BACKENDS, type ImageBackendKind } from './image-backends';
import { PROVIDERS, type ProviderId } from './providers';
import type { Settings } from './settings';

export type KeyStorage = 'local' | 'session';

export interface SavedKey {
  key: string;
  /** The normalised base URL the key was saved for; absent for keys saved before binding. */
  endpoint?: string;
  storage: KeyStorage;
}

/** What the popup and options may know about the key: never the key itself. */
export interface KeyStatus {
  /** A key is saved in this browser (for some endpoint). */
  hasKey: boolean;
  /** 'local' survives a restart; 'session' is forgotten when the browser closes. */
  storage?: KeyStorage;
  /** The endpoint the saved key is sent to. */
  endpoint?: string;
  /** The configured provider can be used now: a key saved for its endpoint, or none needed. */
  ready: boolean;
}

/** Sent as the bearer token to servers that need no key (Ollama, LM Studio); the SDK wants one. */
export const NO_KEY = 'no-key-needed';

/** The endpoint a saved key belongs to; keys saved before binding belong to the configured one. */
export function keyEndpoint(saved: SavedKey, configuredEndpoint: string): string {
  return saved.endpoint || configuredEndpoint;
}

export interface CredentialRequest {
  saved: SavedKey | null;
  /** A key typed in the options page and not saved yet: it goes with the URL typed beside it. */
  typed?: string;
  provider: ProviderId;
  /** The endpoint the request is for. */
  endpoint: string;
  /** The endpoint in the saved settings. */
  configuredEndpoint: string;
}

/** The bearer token for requests to one endpoint, or the error to show instead. */
export type Credential = { apiKey: string } | { error: JobError };

/** The bearer token for a request to `endpoint`, or the error to show instead. */
export function credentialFor(request: CredentialRequest): Credential {
  const typed = request.typed?.trim();
  if (typed) return { apiKey: typed };
  const { saved } = request;
  if (saved && keyEndpoint(saved, request.configuredEndpoint) === request.endpoint) return { apiKey: saved.key };
  if (!PROVIDERS[request.provider].needsKey) return { apiKey: NO_KEY };
  if (saved) {
    return {
      error: {
        kind: 'missing-key',
        detail: `The saved key is for ${keyEndpoint(saved, request.configuredEndpoint)}, so it is never sent to ${request.endpoint}. Type the key for this endpoint.`,
      },
    };
  }
  return { error: { kind: 'missing-key' } };
}

export function keyStatus(saved: SavedKey | null, provider: ProviderId, configuredEndpoint: string): KeyStatus {
  const ready = 'apiKey' in credentialFor({ saved, provider, endpoint: configuredEndpoint, configuredEndpoint });
  if (!saved) return { hasKey: false, ready };
  return { hasKey: true, storage: saved.storage, endpoint: keyEndpoint(saved, configuredEndpoint), ready };
}

/** Where an image backend is reached, from the saved settings: its own address, or the chat provider's. */
export interface ImageEndpoint {
  backend: ImageBackendKind;
  baseUrl: string;
  /** The chat provider's endpoint and key are used (cloud backends, by default). */
  sharesChat: boolean;
}

export function imageEndpoint(settings: Pick<Settings, 'baseUrl' | 'images'>): ImageEndpoint {
  const { backend, sameAsChat, baseUrl } = settings.images;
  if (sameAsChat && canShareChatProvider(backend)) return { backend, baseUrl: settings.baseUrl, sharesChat: true };
  return { backend, baseUrl: baseUrl || IMAGE_BACKENDS[backend].defaultBaseUrl, sharesChat: false };
}

/**
 * The bearer token for an image backend with its own endpoint: the key typed beside it, the image
 * key saved for this very endpoint, none for local servers, or the error to show.
 */
export function imageCredentialFor(request: {
  saved: SavedKey | null;
  typed?: string;
  backend: ImageBackendKind;
  endpoint: string;
}): Credential {
  const typed = request.typed?.trim();
  if (typed) return { apiKey: typed };
  const { saved } = request;
  if (saved?.endpoint === request.endpoint) return { apiKey: saved.key };
  if (!IMAGE_BACKENDS[request.backend].needsKey) return { apiKey: NO_KEY };
  const detail = saved
    ? `The saved image key is for ${saved.endpoint}, so it is never sent to ${request.endpoint}. Type the key for this endpoint in Settings › Image generation.`
    : `The image backend at ${request.endpoint} needs its own key: add it in Settings › Image generation.`;
  return { error: { kind: 'missing-key', detail } };
}
