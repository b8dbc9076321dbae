// Browser glue: a provider preset's name and hint in the person's language (utils/providers.ts
// keeps the presets as data).
import { keyPart, t } from '../../utils/i18n';
import type { ProviderId } from '../../utils/providers';

export const providerLabel = (id: ProviderId): string => t(`provider_${keyPart(id)}_label`);
export const providerHint = (id: ProviderId): string => t(`provider_${keyPart(id)}_hint`);
