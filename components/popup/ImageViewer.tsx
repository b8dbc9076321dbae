import { useEffect, useRef } from 'preact/hooks';

interface Props {
  url: string;
  alt: string;
  width: number;
  height: number;
  onClose: () => void;
}

/** The image at its real size, over the popup, scrollable; Escape or Close returns. */
export function ImageViewer({ url, alt, width, height, onClose }: Props) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    close.current?.focus();
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div class="viewer" role="dialog" aria-modal="true" aria-label="Full-size image" data-testid="image-viewer">
      <div class="viewer-bar">
        <span class="hint">
          {width} × {height} px
        </span>
        <button type="button" ref={close} onClick={onClose}>
          Close
        </button>
      </div>
      <div class="viewer-body">
        <img src={url} alt={alt} width={width || undefined} height={height || undefined} />
      </div>
    </div>
  );
}
