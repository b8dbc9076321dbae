// The options page's sections, in order: the index links to them by id. Pure.
import type { MessageKey } from '../../utils/i18n';

export const SECTIONS = [
  { id: 'section-provider', label: 'section_provider' },
  { id: 'section-craft', label: 'section_craft' },
  { id: 'section-images', label: 'section_images' },
  { id: 'section-generators', label: 'section_generators' },
  { id: 'section-capture', label: 'section_capture' },
  { id: 'section-image-source', label: 'section_image_source' },
  { id: 'section-history', label: 'section_history' },
  { id: 'section-limits', label: 'section_limits' },
] as const satisfies readonly { id: string; label: MessageKey }[];
