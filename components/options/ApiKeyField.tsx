import { t } from '../../utils/i18n';
import { send } from '../../utils/messaging';
import type { ProviderPreset } from '../../utils/providers';
import type { ProviderForm } from './useProviderForm';

interface Props {
  form: ProviderForm;
  preset: ProviderPreset;
  /** The endpoint in the form (normalised), to say whether the saved key goes there. */
  baseUrl: string | null;
  /** A key was typed: it is saved on leaving the field. */
  onChanged: () => void;
  /** A key was pasted, or where it is kept changed: saved at once. */
  onCommit: () => void;
  onNote: (text: string) => void;
}

/** The key: typed masked, saved by the background as soon as it is pasted or the field is left, never shown again. */
export function ApiKeyField({ form, preset, baseUrl, onChanged, onCommit, onNote }: Props) {
  const status = form.keyStatus;
  const clearKey = async () => {
    form.setKeyStatus(await send('clearApiKey', {}));
    onNote(t('key_removed'));
  };
  const kept = status?.storage === 'session' ? t('key_kept_session') : t('key_kept_local');
  let text = preset.needsKey ? t('key_none') : t('key_not_needed');
  if (status?.hasKey) {
    text =
      status.endpoint === baseUrl
        ? t('key_saved_for', status.endpoint ?? '', kept)
        : `${t('key_saved_elsewhere', status.endpoint ?? '', baseUrl ?? t('key_this_endpoint'))}${preset.needsKey ? ` ${t('key_type_for_endpoint')}` : ''}`;
  }
  return (
    <>
      <label for="api-key">{preset.needsKey ? t('key_field') : t('key_field_optional')}</label>
      <input
        id="api-key"
        type="password"
        autocomplete="off"
        spellcheck={false}
        value={form.keyDraft}
        aria-describedby="key-status"
        onInput={(e) => {
          form.setKeyDraft(e.currentTarget.value);
          // A pasted key is whole: saved now. A typed one waits until the field is left.
          if ((e as unknown as InputEvent).inputType === 'insertFromPaste') onCommit();
          else onChanged();
        }}
        placeholder={status?.hasKey ? t('key_placeholder_replace') : preset.needsKey ? 'sk-…' : t('key_placeholder_not_needed')}
      />
      <label class="check">
        <input
          id="key-session-only"
          type="checkbox"
          checked={form.sessionOnly}
          onChange={(e) => {
            form.setSessionOnly(e.currentTarget.checked);
            onCommit();
          }}
        />{' '}
        {t('key_session_only')}
      </label>
      <p class="hint" id="key-status" data-testid="key-status">
        {text}
        {status?.hasKey && (
          <>
            {' '}
            <button type="button" class="link" onClick={clearKey}>
              {t('key_remove')}
            </button>
          </>
        )}
      </p>
    </>
  );
}
