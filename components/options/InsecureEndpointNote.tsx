import { hostLabel, isInsecureRemote } from '../../utils/host-patterns';
import { t } from '../../utils/i18n';
import type { ProviderForm } from './useProviderForm';

interface Props {
  baseUrl: string | null;
  form: ProviderForm;
  /** The person confirmed: save the address now. */
  onConfirmed: () => void;
}

/** A plain http:// endpoint on the open internet: the key would travel unencrypted; it is saved only after a confirming click. */
export function InsecureEndpointNote({ baseUrl, form, onConfirmed }: Props) {
  if (!baseUrl || !isInsecureRemote(baseUrl)) return null;
  const confirmed = form.insecureConfirmed === baseUrl;
  return (
    <div class="notice notice-warn" role="alert" data-testid="insecure-endpoint">
      <p>{t('insecure_endpoint_warning', hostLabel(baseUrl))}</p>
      {confirmed ? (
        <p>{t('insecure_endpoint_confirmed')}</p>
      ) : (
        <button
          type="button"
          data-testid="confirm-insecure"
          onClick={() => {
            form.confirmInsecure(baseUrl);
            onConfirmed();
          }}
        >
          {t('insecure_endpoint_confirm')}
        </button>
      )}
    </div>
  );
}
