// Browser glue: the history API of the background. Whatever finishes a piece of work calls it:
//   recordPrompt(job)  — a finished prompt: the whole job snapshot (the wiring calls it on every
//                        transition into a finished state, so new job fields come along);
//   addImage(jobId, { bytes, mime, width, height, model })  — a generated image, its bytes kept.
// Both apply the caps from settings (oldest entries go first), tell open pages that history
// changed, and report failures (a full disk above all) to the person through historyNoticeItem
// before rethrowing them.
import { capsFromSettings, IMAGE_MIME_TYPES, type ImageInput, type ImageMime, isRecordable } from '../history';
import { HistoryError, historyError, sharedHistory } from '../history-db';
import { notifyHistoryChanged } from '../history-events';
import { MAX_IMAGE_BYTES, sniffImage } from '../history-file';
import { historyNoticeItem } from '../history-notice';
import type { Job } from '../job';
import { loadSettings } from '../settings-store';
import { makeThumbnail } from '../thumbnail';

const newId = () => crypto.randomUUID().replaceAll('-', '');

async function report(what: string, error: unknown): Promise<never> {
  const failure = historyError(error);
  await historyNoticeItem
    .setValue({ kind: failure.kind === 'storage-full' ? 'storage-full' : 'history-failed', what, detail: failure.message, at: Date.now() })
    .catch(() => undefined);
  throw failure;
}

async function capsAndKeep(jobId: string): Promise<void> {
  const db = await sharedHistory();
  await db.enforceCaps(capsFromSettings(await loadSettings()), jobId);
}

/** Stores (or updates) the snapshot of a finished job. Jobs still running or failed are ignored. */
export async function recordPrompt(job: Job): Promise<void> {
  if (!isRecordable(job)) return;
  try {
    const db = await sharedHistory();
    await db.putPrompt(job, Date.now());
    await capsAndKeep(job.id);
    notifyHistoryChanged();
  } catch (error) {
    await report('the prompt', error);
  }
}

/** Stores a generated image for a job; returns the image's id. Throws a HistoryError. */
export async function addImage(jobId: string, image: ImageInput): Promise<string> {
  try {
    const bytes = image.bytes instanceof Uint8Array ? image.bytes : new Uint8Array(image.bytes);
    const mime = image.mime === 'image/jpg' ? 'image/jpeg' : image.mime;
    if (!(IMAGE_MIME_TYPES as readonly string[]).includes(mime) || sniffImage(bytes) !== mime) {
      throw new HistoryError('unknown', `The image is not a valid ${image.mime} file.`);
    }
    const settings = await loadSettings();
    const caps = capsFromSettings(settings);
    if (bytes.length > Math.min(MAX_IMAGE_BYTES, caps.maxBytes)) {
      throw new HistoryError('too-large', `The image (${Math.round(bytes.length / 1024)} KB) is larger than the history size limit.`);
    }
    const thumb = await makeThumbnail(bytes, mime);
    const id = newId();
    const db = await sharedHistory();
    await db.addImage({
      id,
      jobId,
      createdAt: image.createdAt ?? Date.now(),
      mime: mime as ImageMime,
      width: Math.round(image.width),
      height: Math.round(image.height),
      model: image.model,
      byteLength: bytes.length,
      size: bytes.length + (thumb?.bytes.length ?? 0),
      ...(thumb ? { thumb } : {}),
      bytes,
    });
    await db.enforceCaps(caps, jobId);
    notifyHistoryChanged();
    return id;
  } catch (error) {
    return report('an image', error);
  }
}
