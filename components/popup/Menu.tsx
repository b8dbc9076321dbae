import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';

export interface MenuEntry {
  label: string;
  onSelect: () => void;
  disabled?: boolean;
  /** Draws a line above the entry: a new group starts. */
  group?: boolean;
}

interface Props {
  /** What the button shows. */
  children: ComponentChildren;
  /** The button's name for screen readers, when it shows only a symbol. */
  label?: string;
  title?: string;
  entries: MenuEntry[];
  disabled?: boolean;
  class?: string;
  /** Which side of the button the menu lines up with. */
  align?: 'start' | 'end';
}

/**
 * A button that opens a list of actions (WAI-ARIA menu button): arrow keys, Home and End move,
 * Enter chooses, Escape or Tab closes and returns to the button, a click elsewhere closes.
 */
export function MenuButton({ children, label, title, entries, disabled, class: className = '', align = 'end' }: Props) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const items = () => [...(root.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not(:disabled)') ?? [])];

  useEffect(() => {
    if (!open) return;
    items()[0]?.focus();
    const outside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    const move = (index: number) => {
      event.preventDefault();
      list[(index + list.length) % list.length]?.focus();
    };
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (event.key === 'Tab') close(false);
    else if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(list.length - 1);
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the menu's keys are handled where focus is, on its items
    <div class="menu-button" ref={root} onKeyDown={open ? onKeyDown : undefined}>
      <button
        type="button"
        ref={button}
        id={id}
        class={className}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={label}
        title={title ?? label}
        disabled={disabled}
        onClick={() => setOpen(!open)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        {children}
      </button>
      {open && (
        <div class={`menu menu-${align}`} role="menu" aria-labelledby={id}>
          {entries.map((entry) => (
            <button
              key={entry.label}
              type="button"
              role="menuitem"
              class={entry.group ? 'menu-group' : undefined}
              disabled={entry.disabled}
              onClick={() => {
                close(true);
                entry.onSelect();
              }}
            >
              {entry.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
