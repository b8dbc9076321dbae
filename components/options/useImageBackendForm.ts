// Browser glue for the options page: the image backend's own key being typed and what the
// background says about it (the key itself is never read back), and the backend's address.
import { useEffect, useRef, useState } from 'preact/hooks';
import { IMAGE_BACKENDS } from '../../utils/image-backends';
import { normalizeBackendUrl } from '../../utils/image-settings';
import type { KeyStatus } from '../../utils/key-policy';
import { send } from '../../utils/messaging';
import type { ImageBackendDraft } from '../../utils/protocol';
import { normalizeBaseUrl, type Settings } from '../../utils/settings';

export interface ImageBackendForm {
  keyDraft: string;
  setKeyDraft: (value: string) => void;
  keyStatus: KeyStatus | undefined;
  clearKey: () => Promise<void>;
  /** The key in the field now; whether one waits to be saved. */
  keyNow: () => string;
  keyPending: () => boolean;
  /**
   * Saves `typed` (the key in the field when the save was asked for) for the image endpoint just
   * saved (after the settings), and clears the field if it still holds it.
   */
  commitKey: (settings: Settings, typed: string) => Promise<void>;
}

/** Whether the backend uses the chat provider's endpoint and key. */
export const sharesChat = (settings: Settings) => settings.images.sameAsChat && !IMAGE_BACKENDS[settings.images.backend].local;

/** The image backend's own address as it will be saved, or null when it shares the chat provider's (or is not a URL). */
export function imageBackendUrl(settings: Settings): string | null {
  if (sharesChat(settings)) return null;
  const { backend, baseUrl } = settings.images;
  return normalizeBackendUrl(backend, baseUrl || IMAGE_BACKENDS[backend].defaultBaseUrl);
}

/** The backend as the form shows it, for Test. */
export function imageBackendDraft(settings: Settings, chatKeyDraft: string, form: ImageBackendForm): ImageBackendDraft {
  const { backend, model, workflow, workflowMap } = settings.images;
  const shared = sharesChat(settings);
  const typed = (shared ? chatKeyDraft : form.keyDraft).trim();
  return {
    backend,
    baseUrl: shared ? (normalizeBaseUrl(settings.baseUrl) ?? settings.baseUrl) : (imageBackendUrl(settings) ?? settings.images.baseUrl),
    keyFrom: shared ? 'chat' : 'image',
    ...(typed ? { apiKey: typed } : {}),
    model,
    ...(backend === 'comfyui' ? { workflow, workflowMap } : {}),
  };
}

export function useImageBackendForm(): ImageBackendForm {
  const [keyDraft, setDraftState] = useState('');
  const latest = useRef('');
  const setKeyDraft = (value: string) => {
    latest.current = value;
    setDraftState(value);
  };
  const [keyStatus, setKeyStatus] = useState<KeyStatus | undefined>(undefined);
  useEffect(() => {
    send('imageKey', { action: 'status' }).then(setKeyStatus, () => setKeyStatus({ hasKey: false, ready: false }));
  }, []);
  return {
    keyDraft,
    setKeyDraft,
    keyStatus,
    clearKey: async () => setKeyStatus(await send('imageKey', { action: 'clear' })),
    keyNow: () => latest.current,
    keyPending: () => latest.current.trim() !== '',
    commitKey: async (settings, typed) => {
      if (!typed.trim() || sharesChat(settings)) return;
      setKeyStatus(await send('imageKey', { action: 'save', apiKey: typed.trim() }));
      if (latest.current === typed) setKeyDraft('');
    },
  };
}
