import { useEffect, useState } from 'preact/hooks';
import type { ImageRecord } from '../../utils/history';
import { imageBytes } from '../../utils/history-store';

/** An image of an entry, small; a click opens the full image in a new tab. */
export function HistoryThumb({ image }: { image: ImageRecord }) {
  const [url, setUrl] = useState<string | undefined>(undefined);
  useEffect(() => {
    let alive = true;
    let made: string | undefined;
    const show = (bytes: Uint8Array | undefined, mime: string) => {
      if (!alive || !bytes) return;
      made = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime }));
      setUrl(made);
    };
    if (image.thumb) show(image.thumb.bytes, image.thumb.mime);
    else
      void imageBytes(image.id).then(
        (bytes) => show(bytes, image.mime),
        () => undefined,
      );
    return () => {
      alive = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [image.id, image.thumb, image.mime]);

  const open = async () => {
    const bytes = await imageBytes(image.id);
    if (bytes) window.open(URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: image.mime })), '_blank');
  };

  return (
    <button type="button" class="thumb" onClick={() => void open()} title={`${image.width}×${image.height} · ${image.model}`}>
      {url ? <img src={url} alt={`Generated image, ${image.width}×${image.height}`} data-testid="history-thumb" /> : <span>…</span>}
    </button>
  );
}
