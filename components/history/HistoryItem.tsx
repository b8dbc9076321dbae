import type { HistoryEntry } from '../../utils/history';
import { formatDate, t, tn } from '../../utils/i18n';
import { preview } from '../../utils/text';
import { HistoryThumb } from './HistoryThumb';

interface Props {
  entry: HistoryEntry;
  onReuse: (jobId: string) => void;
  onDelete: (jobId: string) => void;
}

const when = (time: number) => formatDate(time, { dateStyle: 'medium', timeStyle: 'short' });

/** One history entry: its images, its prompt, where it came from; reuse or delete it. */
export function HistoryItem({ entry, onReuse, onDelete }: Props) {
  const job = entry.prompt?.job;
  return (
    <li class="history-item" data-testid="history-item" data-job-id={entry.jobId}>
      {entry.images.length > 0 && (
        <div class="thumbs">
          {entry.images.map((image) => (
            <HistoryThumb key={image.id} image={image} />
          ))}
        </div>
      )}
      <div class="history-body">
        <p class="history-prompt" data-testid="history-prompt">
          {job ? preview(job.prompt, 220) : tn('history_images', entry.images.length)}
        </p>
        {job?.source?.image ? (
          <p class="hint history-source">
            {job.source.image.thumbnail && (
              <img
                class="history-source-thumb"
                src={job.source.image.thumbnail}
                alt={t('history_source_thumb_alt')}
                data-testid="history-source-thumb"
              />
            )}
            {job.source.title
              ? t('history_from_image_on', preview(job.source.title, 50))
              : job.source.image.name
                ? t('history_from_image_named', preview(job.source.image.name, 40))
                : t('history_from_image')}
          </p>
        ) : (
          job?.source && (
            <p class="hint history-source">
              {job.source.title ? t('history_from_page', preview(job.source.title, 50)) : t('history_from_text')}:{' '}
              {preview(job.source.text, 90)}
            </p>
          )
        )}
        <p class="hint">
          {when(entry.createdAt)}
          {job?.model ? ` · ${job.model}` : ''}
        </p>
        <div class="row">
          {job && (
            <button type="button" onClick={() => onReuse(entry.jobId)}>
              {t('history_reuse')}
            </button>
          )}
          <button type="button" class="link" onClick={() => onDelete(entry.jobId)} aria-label={t('history_delete_label')}>
            {t('history_delete')}
          </button>
        </div>
      </div>
    </li>
  );
}
