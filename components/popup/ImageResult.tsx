import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { RunImage } from '../../utils/history';
import { fileNameFor } from '../../utils/image-bytes';
import { preview } from '../../utils/text';
import { copyImage } from './clipboard-image';
import { ImageViewer } from './ImageViewer';
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

/** One generated image: a thumbnail that opens full size, Download and Copy image. */
export function ImageResult({ meta, prompt, index, count, children }: Props) {
  const stored = useStoredImage(meta.id, meta.mime);
  const image = stored === 'gone' ? null : stored;
  const [viewing, setViewing] = useState(false);
  const [copy, setCopy] = useState<CopyState>('idle');
  useEffect(() => {
    if (copy === 'idle') return;
    const timer = setTimeout(() => setCopy('idle'), 2500);
    return () => clearTimeout(timer);
  }, [copy]);

  const alt = `${count > 1 ? `Result ${index + 1} of ${count}` : 'Result'}: ${preview(prompt, 120)}`;
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
        <button type="button" class="thumb" onClick={() => setViewing(true)} title="View full size">
          <img src={image.url} alt={alt} />
        </button>
      ) : (
        <div class="thumb thumb-loading">{stored === 'gone' ? 'Deleted from history.' : 'Loading image…'}</div>
      )}
      <figcaption class="row">
        <a class={`button${image ? '' : ' disabled'}`} href={image?.url} download={fileName} aria-disabled={!image}>
          Download
        </a>
        <button type="button" onClick={copyToClipboard} disabled={!image}>
          {copy === 'copied' ? 'Copied ✓' : 'Copy image'}
        </button>
        <button type="button" class="link" onClick={() => setViewing(true)} disabled={!image}>
          Full size
        </button>
        <span class="copy-status" role="status" aria-live="polite">
          {copy === 'copied' ? 'Image copied to the clipboard (PNG)' : copy === 'failed' ? 'Copy failed: use Download instead' : ''}
        </span>
      </figcaption>
      {children}
      {viewing && image && (
        <ImageViewer url={image.url} alt={alt} width={meta.width} height={meta.height} onClose={() => setViewing(false)} />
      )}
    </figure>
  );
}
