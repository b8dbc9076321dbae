// Browser glue for the options page: the provider form's state that outlives one render — the
// key being typed, where the key is kept, what the background says about it, and host access.
import { useEffect, useRef, useState } from 'preact/hooks';
import { hostPatternFor, needsHostPermission } from '../../utils/host-patterns';
import type { KeyStatus } from '../../utils/key-policy';
import { send } from '../../utils/messaging';
import { hasHostAccess, requestHostAccess } from '../../utils/permission-requests';
import type { ProviderDraft } from '../../utils/protocol';
import { normalizeBaseUrl, type Settings } from '../../utils/settings';

/** The form's provider as it stands (saved or not), for Test connection and model lists. */
export function providerDraft(settings: Settings, keyDraft: string): ProviderDraft {
  return {
    baseUrl: normalizeBaseUrl(settings.baseUrl) ?? settings.baseUrl,
    provider: settings.provider,
    chatModel: settings.chatModel,
    ...(keyDraft.trim() ? { apiKey: keyDraft.trim() } : {}),
  };
}

export type AccessState = 'not-needed' | 'granted' | 'not-asked' | 'refused';

export interface ProviderForm {
  keyDraft: string;
  setKeyDraft: (value: string) => void;
  sessionOnly: boolean;
  setSessionOnly: (value: boolean) => void;
  keyStatus: KeyStatus | undefined;
  setKeyStatus: (status: KeyStatus) => void;
  /** Host access to the endpoint, as last seen. */
  accessFor: (baseUrl: string | null) => AccessState;
  /** Looks up whether access was granted earlier (no prompt). */
  checkAccess: (baseUrl: string | null) => Promise<void>;
  /**
   * Asks for host access to the endpoint. Call it synchronously in the click handler, before any
   * await: browsers show the permission prompt only during a user gesture.
   */
  askAccess: (baseUrl: string | null, ...others: string[]) => Promise<boolean>;
  /** Whether a typed key or a change of where it is kept waits to be saved. */
  keyPending: () => boolean;
  /** The key in the field now (a save asked for now commits this one, not what is typed meanwhile). */
  keyNow: () => string;
  /**
   * Saves `typed` (the key in the field when the save was asked for) for the endpoint just saved,
   * or moves the saved key to where it should be kept; clears the field if it still holds `typed`.
   */
  commitKey: (typed: string) => Promise<void>;
  /** The plain-http endpoint the person agreed to send the key to (InsecureEndpointNote), as shown. */
  insecureConfirmed: string | null;
  /** The same, now (saves read it after the render that asked for them). */
  insecureConfirmedNow: () => string | null;
  confirmInsecure: (baseUrl: string) => void;
}

export function useProviderForm(): ProviderForm {
  const [keyDraft, setDraftState] = useState('');
  const [sessionOnly, setSessionState] = useState(false);
  const [keyStatus, setStatusState] = useState<KeyStatus | undefined>(undefined);
  const [access, setAccess] = useState<Record<string, AccessState>>({});
  const [insecureConfirmed, setInsecureState] = useState<string | null>(null);
  // The latest values, for saves that run after the render that asked for them.
  const latest = useRef({
    keyDraft: '',
    sessionOnly: false,
    keyStatus: undefined as KeyStatus | undefined,
    insecureConfirmed: null as string | null,
  });
  const confirmInsecure = (baseUrl: string) => {
    latest.current.insecureConfirmed = baseUrl;
    setInsecureState(baseUrl);
  };
  const setKeyDraft = (value: string) => {
    latest.current.keyDraft = value;
    setDraftState(value);
  };
  const setSessionOnly = (value: boolean) => {
    latest.current.sessionOnly = value;
    setSessionState(value);
  };
  const setKeyStatus = (status: KeyStatus) => {
    latest.current.keyStatus = status;
    setStatusState(status);
  };

  useEffect(() => {
    send('getKeyStatus', {}).then(
      (status) => {
        setKeyStatus(status);
        setSessionOnly(status.storage === 'session');
      },
      () => setKeyStatus({ hasKey: false, ready: false }),
    );
  }, []);

  const remember = (pattern: string, state: AccessState) => setAccess((current) => ({ ...current, [pattern]: state }));

  const accessFor = (baseUrl: string | null): AccessState => {
    if (!baseUrl || !needsHostPermission(baseUrl)) return 'not-needed';
    return access[hostPatternFor(baseUrl) as string] ?? 'not-asked';
  };

  const checkAccess = async (baseUrl: string | null) => {
    if (!baseUrl || !needsHostPermission(baseUrl)) return;
    const pattern = hostPatternFor(baseUrl) as string;
    if (await hasHostAccess(baseUrl)) remember(pattern, 'granted');
  };

  const askAccess = (baseUrl: string | null, ...others: string[]): Promise<boolean> => {
    // Other endpoints (the image backend's) are asked for in the same prompt.
    if (!baseUrl || !needsHostPermission(baseUrl))
      return others.length ? requestHostAccess(others[0] as string, ...others.slice(1)) : Promise.resolve(true);
    const pattern = hostPatternFor(baseUrl) as string;
    return requestHostAccess(baseUrl, ...others).then((granted) => {
      remember(pattern, granted ? 'granted' : 'refused');
      return granted;
    });
  };

  const keyPending = () => {
    const { keyDraft: typed, sessionOnly: session, keyStatus: status } = latest.current;
    return typed.trim() !== '' || (status?.hasKey === true && (status.storage === 'session') !== session);
  };

  const commitKey = async (typed: string) => {
    const { sessionOnly: session, keyStatus: status } = latest.current;
    if (typed.trim()) {
      const saved = await send('saveApiKey', { apiKey: typed.trim(), sessionOnly: session });
      // Cleared only if the person did not type on meanwhile.
      if (latest.current.keyDraft === typed) setKeyDraft('');
      setKeyStatus(saved);
    } else if (status?.hasKey && (status.storage === 'session') !== session) {
      setKeyStatus(await send('setKeyStorage', { sessionOnly: session }));
    }
  };

  return {
    keyDraft,
    setKeyDraft,
    sessionOnly,
    setSessionOnly,
    keyStatus,
    setKeyStatus,
    accessFor,
    checkAccess,
    askAccess,
    keyPending,
    keyNow: () => latest.current.keyDraft,
    commitKey,
    insecureConfirmed,
    insecureConfirmedNow: () => latest.current.insecureConfirmed,
    confirmInsecure,
  };
}
