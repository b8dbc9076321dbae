import { ASPECT_RATIOS, type AspectRatioId } from '../../utils/aspect-ratios';
import { type CraftChoice, VARIATION_RANGE } from '../../utils/craft';
import { t } from '../../utils/i18n';
import { STYLE_PRESETS, type StyleId } from '../../utils/styles';
import { TARGETS, type TargetId } from '../../utils/targets';
import { aspectLabel, styleLabel, takesLabel, targetLabel } from '../shared/craft-words';

interface Props {
  choice: CraftChoice;
  onChange: (patch: Partial<CraftChoice>) => void;
}

const TAKES = Array.from({ length: VARIATION_RANGE.max }, (_, i) => i + 1);

/** The defaults for new prompts: target, style, aspect ratio, number of takes (labelled selects). */
export function CraftDefaults({ choice, onChange }: Props) {
  return (
    <div class="pickers">
      <label for="default-target">
        {t('craft_target')}
        <select id="default-target" value={choice.target} onChange={(e) => onChange({ target: e.currentTarget.value as TargetId })}>
          {TARGETS.map((target) => (
            <option key={target.id} value={target.id}>
              {targetLabel(target.id as TargetId)}
            </option>
          ))}
        </select>
      </label>
      <label for="default-style">
        {t('craft_style')}
        <select id="default-style" value={choice.style} onChange={(e) => onChange({ style: e.currentTarget.value as StyleId })}>
          {STYLE_PRESETS.map((style) => (
            <option key={style.id} value={style.id}>
              {styleLabel(style.id as StyleId)}
            </option>
          ))}
        </select>
      </label>
      <label for="default-aspect">
        {t('craft_aspect')}
        <select
          id="default-aspect"
          value={choice.aspectRatio}
          onChange={(e) => onChange({ aspectRatio: e.currentTarget.value as AspectRatioId })}
        >
          {ASPECT_RATIOS.map((aspect) => (
            <option key={aspect.id} value={aspect.id}>
              {aspectLabel(aspect.id as AspectRatioId)}
            </option>
          ))}
        </select>
      </label>
      <label for="default-takes">
        {t('craft_takes')}
        <select
          id="default-takes"
          value={String(choice.variationCount)}
          onChange={(e) => onChange({ variationCount: Number(e.currentTarget.value) })}
        >
          {TAKES.map((n) => (
            <option key={n} value={String(n)}>
              {takesLabel(n)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
