import { send } from '../../utils/messaging';
import type { ProviderPreset } from '../../utils/providers';
import type { ProviderForm } from './useProviderForm';

interface Props {
  form: ProviderForm;
  preset: ProviderPreset;
  /** The endpoint in the form (normalised), to say whether the saved key goes there. */
  baseUrl: string | null;
  onStatus: (text: string) => void;
}

/** The key: typed masked, saved by the background, never shown again. */
export function ApiKeyField({ form, preset, baseUrl, onStatus }: Props) {
  const status = form.keyStatus;
  const clearKey = async () => {
    form.setKeyStatus(await send('clearApiKey', {}));
    onStatus('The API key was removed from this browser.');
  };
  const kept = status?.storage === 'session' ? 'kept until the browser closes' : 'kept in this browser';
  let text = preset.needsKey ? 'No key saved yet.' : 'This provider needs no key (leave it empty).';
  if (status?.hasKey) {
    text =
      status.endpoint === baseUrl
        ? `A key is saved for ${status.endpoint} (${kept}). It is never shown again and is sent only to that endpoint.`
        : `The saved key is for ${status.endpoint}, so it is never sent to ${baseUrl ?? 'this endpoint'}.${preset.needsKey ? ' Type the key for this endpoint.' : ''}`;
  }
  return (
    <>
      <label for="api-key">API key{preset.needsKey ? '' : ' (optional)'}</label>
      <input
        id="api-key"
        type="password"
        autocomplete="off"
        spellcheck={false}
        value={form.keyDraft}
        onInput={(e) => form.setKeyDraft(e.currentTarget.value)}
        placeholder={status?.hasKey ? 'A key is saved. Type a new one to replace it.' : preset.needsKey ? 'sk-…' : 'Not needed'}
      />
      <label class="check">
        <input
          id="key-session-only"
          type="checkbox"
          checked={form.sessionOnly}
          onChange={(e) => form.setSessionOnly(e.currentTarget.checked)}
        />{' '}
        Keep the key only until the browser closes
      </label>
      <p class="hint" data-testid="key-status">
        {text}
        {status?.hasKey && (
          <>
            {' '}
            <button type="button" class="link" onClick={clearKey}>
              Remove key
            </button>
          </>
        )}
      </p>
    </>
  );
}
