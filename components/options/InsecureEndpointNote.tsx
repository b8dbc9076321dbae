import { hostLabel, isInsecureRemote } from '../../utils/host-patterns';
import type { ProviderForm } from './useProviderForm';

interface Props {
  baseUrl: string | null;
  form: ProviderForm;
}

/** A plain http:// endpoint on the open internet: the key would travel unencrypted; Save needs a confirming click. */
export function InsecureEndpointNote({ baseUrl, form }: Props) {
  if (!baseUrl || !isInsecureRemote(baseUrl)) return null;
  const confirmed = form.insecureConfirmed === baseUrl;
  return (
    <div class="notice notice-warn" role="alert" data-testid="insecure-endpoint">
      <p>
        {hostLabel(baseUrl)} is reached over plain http: your API key and the text you send would travel unencrypted, readable by anyone on
        the way. Use https:// if the server offers it.
      </p>
      {confirmed ? (
        <p>Confirmed: Save keeps this address and the key is sent there.</p>
      ) : (
        <button type="button" onClick={() => form.confirmInsecure(baseUrl)} data-testid="confirm-insecure">
          Send my key over http anyway
        </button>
      )}
    </div>
  );
}
