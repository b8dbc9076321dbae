import { useState } from 'preact/hooks';
import { ShortcutHint } from '../shared/ShortcutHint';
import { useImageDrop } from './useImageDrop';

interface Props {
  disabled: boolean;
  onExpand: (text: string) => void;
  onUseSelection: () => void;
  /** An image pasted or dropped into the box (absent: images are left alone). */
  onImage?: (file: File) => void;
}

/** Type or paste text, or take the selection of the page behind the popup. */
export function Composer({ disabled, onExpand, onUseSelection, onImage }: Props) {
  const [text, setText] = useState('');
  const drop = useImageDrop(disabled ? undefined : onImage);
  const submit = () => {
    if (!disabled && text.trim()) onExpand(text);
  };
  return (
    <section class="composer" aria-label="New prompt" {...drop}>
      <div class="row">
        <button type="button" onClick={onUseSelection} disabled={disabled}>
          Use selection on this page
        </button>
      </div>
      <textarea
        data-testid="composer"
        placeholder="…or type or paste a description (or paste or drop an image) here. Ctrl+Enter (⌘+Enter on a Mac) writes the prompt; Enter starts a new line."
        value={text}
        rows={3}
        onInput={(event) => setText(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            submit();
          }
        }}
      />
      <div class="row">
        <button type="button" class="primary" onClick={submit} disabled={disabled || text.trim() === ''}>
          Write prompt
        </button>
      </div>
      <ShortcutHint />
    </section>
  );
}
