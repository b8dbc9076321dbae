// Browser glue for the options page: the provider form's state that outlives one render — the
// key being typed, where the key is kept, what the background says about it, and host access.
import { useEffect, useState } from 'preact/hooks';
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
  askAccess: (baseUrl: string | null) => Promise<boolean>;
  /** Saves a typed key (for the endpoint just saved) or moves the saved one; clears the field. */
  commitKey: () => Promise<void>;
  /** The plain-http endpoint the person agreed to send the key to (InsecureEndpointNote). */
  insecureConfirmed: string | null;
  confirmInsecure: (baseUrl: string) => void;
}

export function useProviderForm(): ProviderForm {
  const [keyDraft, setKeyDraft] = useState('');
  const [sessionOnly, setSessionOnly] = useState(false);
  const [keyStatus, setKeyStatus] = useState<KeyStatus | undefined>(undefined);
  const [access, setAccess] = useState<Record<string, AccessState>>({});
  const [insecureConfirmed, confirmInsecure] = useState<string | null>(null);

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

  const askAccess = (baseUrl: string | null): Promise<boolean> => {
    if (!baseUrl || !needsHostPermission(baseUrl)) return Promise.resolve(true);
    const pattern = hostPatternFor(baseUrl) as string;
    return requestHostAccess(baseUrl).then((granted) => {
      remember(pattern, granted ? 'granted' : 'refused');
      return granted;
    });
  };

  const commitKey = async () => {
    const typed = keyDraft.trim();
    if (typed) {
      setKeyStatus(await send('saveApiKey', { apiKey: typed, sessionOnly }));
      setKeyDraft('');
    } else if (keyStatus?.hasKey && (keyStatus.storage === 'session') !== sessionOnly) {
      setKeyStatus(await send('setKeyStorage', { sessionOnly }));
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
    commitKey,
    insecureConfirmed,
    confirmInsecure,
  };
}
