import { t } from '../../utils/i18n';

interface Props {
  value: boolean;
  onChange: (next: boolean) => void;
}

/** Options: prompts from images (the image menu entry, and pasting or dropping images in the popup), and what that sends. */
export function ImageSourceOptions({ value, onChange }: Props) {
  return (
    <fieldset data-testid="image-source-options" id="section-image-source">
      <legend>{t('section_image_source')}</legend>
      <label class="check">
        <input type="checkbox" id="image-source" checked={value} onChange={(event) => onChange(event.currentTarget.checked)} />
        {t('image_source_switch')}
      </label>
      <p class="hint">{t('image_source_hint')}</p>
    </fieldset>
  );
}
