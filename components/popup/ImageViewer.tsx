import { useEffect, useRef } from 'preact/hooks';
import { t } from './strings';

interface Props {
  url: string;
  alt: string;
  width: number;
  height: number;
  /** Closes the viewer; the opener takes focus back. */
  onClose: () => void;
}

/**
 * The image at its real size, over the popup, scrollable. A modal dialog: focus moves to Close
 * and stays inside (Tab cycles Close and the scrollable image), Escape or Close returns.
 */
export function ImageViewer({ url, alt, width, height, onClose }: Props) {
  const dialog = useRef<HTMLDivElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    close.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        onClose();
      }
      if (event.key !== 'Tab' || !dialog.current) return;
      const stops = [...dialog.current.querySelectorAll<HTMLElement>('button, [tabindex="0"]')];
      const first = stops[0];
      const last = stops.at(-1);
      const active = document.activeElement;
      if (event.shiftKey && (active === first || !dialog.current.contains(active))) {
        event.preventDefault();
        last?.focus();
      } else if (!event.shiftKey && (active === last || !dialog.current.contains(active))) {
        event.preventDefault();
        first?.focus();
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div class="viewer" role="dialog" aria-modal="true" aria-label={t('viewerLabel')} data-testid="image-viewer" ref={dialog}>
      <div class="viewer-bar">
        <span>{t('viewerSize', String(width), String(height))}</span>
        <button type="button" ref={close} onClick={onClose}>
          {t('close')}
        </button>
      </div>
      {/* Scrollable with the arrow keys once focused. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard */}
      <section class="viewer-body" tabIndex={0} aria-label={alt}>
        <img src={url} alt={alt} width={width || undefined} height={height || undefined} />
      </section>
    </div>
  );
}
