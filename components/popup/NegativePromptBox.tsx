import { useEffect, useRef, useState } from 'preact/hooks';
import { CopyButton } from './CopyButton';

interface Props {
  value: string;
  onEdit: (negativePrompt: string) => void;
}

/** Stable Diffusion's negative prompt, in its own field with its own Copy; editable in place. */
export function NegativePromptBox({ value, onEdit }: Props) {
  const [text, setText] = useState(value);
  const sent = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // Follow new values (a regenerated prompt, a chosen variation), not the echo of an edit.
  useEffect(() => {
    if (value !== sent.current) setText(value);
  }, [value]);

  const edit = (next: string) => {
    setText(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      sent.current = next;
      onEdit(next);
    }, 300);
  };

  return (
    <section class="negative" aria-label="Negative prompt">
      <label class="label" for="negative-prompt-text">
        Negative prompt
      </label>
      <textarea
        id="negative-prompt-text"
        data-testid="negative-prompt"
        value={text}
        rows={3}
        onInput={(e) => edit(e.currentTarget.value)}
      />
      <div class="row">
        <CopyButton getText={() => text} label="Copy negative prompt" disabled={text.trim() === ''} />
      </div>
    </section>
  );
}
