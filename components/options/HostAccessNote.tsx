import { useEffect } from 'preact/hooks';
import { hostLabel } from '../../utils/host-patterns';
import { t } from '../../utils/i18n';
import type { ProviderForm } from './useProviderForm';

interface Props {
  baseUrl: string | null;
  form: ProviderForm;
  /** Asks for access (from the click on Allow access, a user gesture). */
  onAsk: (baseUrl: string | null) => Promise<boolean>;
}

/** Why Promptbrush asks for access to the endpoint's host, what happens if it is refused, and a button to allow it. */
export function HostAccessNote({ baseUrl, form, onAsk }: Props) {
  useEffect(() => {
    void form.checkAccess(baseUrl);
  }, [baseUrl]);
  const state = form.accessFor(baseUrl);
  if (!baseUrl || state === 'not-needed') return null;
  const host = hostLabel(baseUrl);
  return (
    <p class={`hint access access-${state}`} data-testid="host-access" data-state={state}>
      {state === 'granted' && t('access_granted', host)}
      {state === 'not-asked' && t('access_not_asked', host)}
      {state === 'refused' && t('access_refused', host)}
      {state !== 'granted' && (
        <>
          {' '}
          <button type="button" class="link" onClick={() => void onAsk(baseUrl)}>
            {t('access_allow')}
          </button>
        </>
      )}
    </p>
  );
}
