import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { RunImage } from '../../utils/history';
import { fileNameFor } from '../../utils/image-bytes';
import { preview } from '../../utils/text';
import { copyImage } from './clipboard-image';
import { ImageViewer } from './ImageViewer';
import { t } from './strings';
import { useStoredImage } from './useStoredImage';

interface Props {
  meta: RunImage;
  prompt: string;
  index: number;
  count: number;
  /** Shown under the image (its seed). */
  children?: ComponentChildren;
}

type CopyState = 'idle' | 'copied' | 'failed';

/** One generated image, as wide as the popup, with Download, Copy image and Full size on it. */
export function ImageResult({ meta, prompt, index, count, children }: Props) {
  const stored = useStoredImage(meta.id, meta.mime);
  const image = stored === 'gone' ? null : stored;
  const [viewing, setViewing] = useState(false);
  const [copy, setCopy] = useState<CopyState>('idle');
  const opener = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (copy === 'idle') return;
    const timer = setTimeout(() => setCopy('idle'), 2500);
    return () => clearTimeout(timer);
  }, [copy]);

  const about = preview(prompt, 120);
  const alt = count > 1 ? t('resultOfAlt', index + 1, count, about) : t('resultAlt', about);
  const fileName = fileNameFor(prompt, meta.mime, index, count);
  const copyToClipboard = async () => {
    if (!image) return;
    try {
      await copyImage(image.blob);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };

  return (
    <figure class="image-result" data-testid="image-result">
      {image ? (
        <img class="result-image" src={image.url} alt={alt} width={meta.width || undefined} height={meta.height || undefined} />
      ) : (
        <div class="result-image result-loading">{stored === 'gone' ? t('imageGone') : t('imageLoading')}</div>
      )}
      <figcaption class="image-tools">
        <a class={`button primary${image ? '' : ' disabled'}`} href={image?.url} download={fileName} aria-disabled={!image}>
          {t('download')}
        </a>
        <button type="button" onClick={copyToClipboard} disabled={!image}>
          {copy === 'copied' ? t('copied') : t('copyImage')}
        </button>
        <button type="button" ref={opener} onClick={() => setViewing(true)} disabled={!image}>
          {t('fullSize')}
        </button>
      </figcaption>
      <p class={copy === 'failed' ? 'copy-status status-error' : 'copy-status visually-hidden'} role="status" aria-live="polite">
        {copy === 'copied' ? t('imageCopied') : copy === 'failed' ? t('imageCopyFailed') : ''}
      </p>
      {children}
      {viewing && image && (
        <ImageViewer
          url={image.url}
          alt={alt}
          width={meta.width}
          height={meta.height}
          onClose={() => {
            setViewing(false);
            opener.current?.focus();
          }}
        />
      )}
    </figure>
  );
}
