import { useEffect, useState } from 'preact/hooks';

interface Props {
  /** Called at click time, so the copy is exactly what is shown then. */
  getText: () => string;
  label?: string;
  /** A name for screen readers when several Copy buttons share one visible label. */
  ariaLabel?: string;
  disabled?: boolean;
}

type CopyState = 'idle' | 'copied' | 'failed';

export function CopyButton({ getText, label = 'Copy', ariaLabel, disabled }: Props) {
  const [state, setState] = useState<CopyState>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(getText());
      setState('copied');
    } catch {
      setState('failed');
    }
  };

  return (
    <span class="copy">
      <button type="button" class="primary" onClick={copy} disabled={disabled} aria-label={ariaLabel}>
        {state === 'copied' ? 'Copied ✓' : label}
      </button>
      <span class="copy-status" role="status" aria-live="polite">
        {state === 'copied' ? 'Prompt copied to the clipboard' : state === 'failed' ? 'Copy failed: select the text and press Ctrl+C' : ''}
      </span>
    </span>
  );
}
