import { useEffect } from 'preact/hooks';
import { hostLabel } from '../../utils/host-patterns';
import type { ProviderForm } from './useProviderForm';

interface Props {
  baseUrl: string | null;
  form: ProviderForm;
}

/** Why Promptbrush asks for access to the endpoint's host, and what happens if it is refused. */
export function HostAccessNote({ baseUrl, form }: Props) {
  useEffect(() => {
    void form.checkAccess(baseUrl);
  }, [baseUrl]);
  const state = form.accessFor(baseUrl);
  if (!baseUrl || state === 'not-needed') return null;
  const host = hostLabel(baseUrl);
  return (
    <p class={`hint access access-${state}`} data-testid="host-access" data-state={state}>
      {state === 'granted' && `Promptbrush may connect to ${host}. It uses this access only to send your requests there.`}
      {state === 'not-asked' &&
        `When you click Save or Test connection, your browser asks whether Promptbrush may connect to ${host}. It needs this to send your requests to this endpoint, and uses it for nothing else.`}
      {state === 'refused' && (
        <>
          {`You refused access to ${host}. Requests there will work only if the server accepts requests from browsers (CORS); otherwise they fail with "Permission needed". `}
          <button type="button" class="link" onClick={() => void form.askAccess(baseUrl)}>
            Allow access
          </button>
        </>
      )}
    </p>
  );
}
