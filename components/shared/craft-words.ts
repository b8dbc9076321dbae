// Browser glue: the names of targets, styles and aspect ratios in the person's language, for the
// pickers of the popup and the options page. The tables (utils/targets.ts, styles.ts,
// aspect-ratios.ts) keep the English that prompts are written with.
import type { AspectRatioId } from '../../utils/aspect-ratios';
import { keyPart, type MessageKey, t } from '../../utils/i18n';
import type { StyleId } from '../../utils/styles';
import type { TargetId } from '../../utils/targets';

export const targetLabel = (id: TargetId): string => t(`target_${keyPart(id)}`);
export const styleLabel = (id: StyleId): string => t(`style_${keyPart(id)}` as MessageKey);
export const aspectLabel = (id: AspectRatioId): string => t(`aspect_${id.replace(':', '_')}` as MessageKey);
export const takesLabel = (count: number): string => (count === 1 ? t('takes_one_prompt') : t('takes_variations', count));
