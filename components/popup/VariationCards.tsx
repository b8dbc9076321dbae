import { CopyButton } from './CopyButton';
import { t } from './strings';

interface Props {
  variations: readonly string[];
  /** Stable Diffusion: each take's negative prompt. */
  negatives?: readonly string[];
  /** The main prompt now: its take is in the prompt box, so it is not repeated here. */
  current: string;
  onChoose: (index: number) => void;
}

/**
 * The other takes, side by side with the prompt box above them: each with its own Copy, and any
 * one can become the prompt. The one in use is not repeated.
 */
export function VariationCards({ variations, negatives, current, onChoose }: Props) {
  const others = variations.map((text, index) => ({ text, index })).filter(({ text }) => text !== current);
  if (others.length === 0) return null;
  return (
    <section class="variations" aria-labelledby="other-takes">
      <h2 class="label" id="other-takes">
        {t('otherTakes', others.length)}
      </h2>
      <ol>
        {others.map(({ text, index }) => (
          <li key={`${index}:${text}`} class="card" data-testid="variation" data-index={index}>
            <p class="card-text">{text}</p>
            {negatives?.[index] && <p class="hint">{t('negativeOf', negatives[index])}</p>}
            <div class="row">
              <button type="button" class="small" onClick={() => onChoose(index)} aria-label={t('useVariation', index + 1)}>
                {t('useVariationShort', index + 1)}
              </button>
              <CopyButton class="small" getText={() => text} ariaLabel={t('copyVariation', index + 1)} />
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
