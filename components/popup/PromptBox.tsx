import { useEffect, useRef, useState } from 'preact/hooks';
import { CopyButton } from './CopyButton';

interface Props {
  prompt: string;
  streaming: boolean;
  /** Saves the person's edit (debounced by the caller's pace of typing). */
  onEdit: (prompt: string) => void;
  /** Told the text the box shows whenever it changes (the popup's image actions use it). */
  onText?: (text: string) => void;
}

/**
 * The prompt as it streams in, then editable in place. Copy copies exactly what the box holds
 * at the moment of the click.
 */
export function PromptBox({ prompt, streaming, onEdit, onText }: Props) {
  const [text, setText] = useState(prompt);
  useEffect(() => onText?.(text), [text, onText]);
  const dirty = useRef(false);
  const sent = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // Follow the stream, retries and a chosen variation, but not the echo of the person's own
  // saved edit while they are still typing.
  useEffect(() => {
    if (streaming || !dirty.current || prompt !== sent.current) {
      setText(prompt);
      dirty.current = false;
    }
  }, [prompt, streaming]);

  const edit = (value: string) => {
    dirty.current = true;
    setText(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      sent.current = value;
      onEdit(value);
    }, 300);
  };

  return (
    <section class="prompt" aria-label="Image prompt">
      <label class="label" for="prompt-text">
        Image prompt {streaming && <span class="streaming">writing…</span>}
      </label>
      <textarea
        id="prompt-text"
        data-testid="prompt"
        value={text}
        readOnly={streaming}
        rows={7}
        onInput={(event) => edit(event.currentTarget.value)}
        aria-busy={streaming}
      />
      <div class="row">
        <CopyButton getText={() => text} disabled={streaming || text.trim() === ''} />
        <span class="hint">{text.length.toLocaleString('en')} characters</span>
      </div>
    </section>
  );
}
