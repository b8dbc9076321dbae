import { useEffect, useState } from 'preact/hooks';
import type { ImageRecord } from '../../utils/history';
import { imageBytes } from '../../utils/history-store';
import { t } from '../../utils/i18n';

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
    <button
      type="button"
      class="thumb"
      onClick={() => void open()}
      title={t('history_thumb_title', `${image.width}×${image.height}`, image.model)}
    >
      {url ? (
        <img src={url} alt={t('history_thumb_alt', `${image.width}×${image.height}`)} data-testid="history-thumb" />
      ) : (
        <span>
          <span class="visually-hidden">{t('common_loading')}</span>
          <span aria-hidden="true">…</span>
        </span>
      )}
    </button>
  );
}
