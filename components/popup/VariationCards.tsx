import { CopyButton } from './CopyButton';

interface Props {
  variations: readonly string[];
  /** Stable Diffusion: each take's negative prompt. */
  negatives?: readonly string[];
  /** The main prompt now, to mark the card it came from. */
  current: string;
  onChoose: (index: number) => void;
}

/** One card per take, each with its own Copy; any one can become the main prompt. */
export function VariationCards({ variations, negatives, current, onChoose }: Props) {
  return (
    <section class="variations" aria-label="Variations">
      <h2 class="label">{variations.length} variations</h2>
      <ol>
        {variations.map((text, index) => {
          const inUse = text === current;
          return (
            <li key={`${index}:${text}`} class={`card${inUse ? ' card-current' : ''}`} data-testid="variation" aria-current={inUse}>
              <p class="card-text">{text}</p>
              {negatives?.[index] && <p class="hint">Negative prompt: {negatives[index]}</p>}
              <div class="row">
                <CopyButton getText={() => text} label="Copy" ariaLabel={`Copy variation ${index + 1}`} />
                <button
                  type="button"
                  onClick={() => onChoose(index)}
                  disabled={inUse}
                  aria-label={`Use variation ${index + 1} as the prompt`}
                >
                  {inUse ? 'In use' : 'Use this'}
                </button>
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
