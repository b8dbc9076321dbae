import type { HistoryEntry } from '../../utils/history';
import { preview } from '../../utils/text';
import { HistoryThumb } from './HistoryThumb';

interface Props {
  entry: HistoryEntry;
  onReuse: (jobId: string) => void;
  onDelete: (jobId: string) => void;
}

const when = (time: number) => new Date(time).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

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
          {job ? preview(job.prompt, 220) : `${entry.images.length} image${entry.images.length === 1 ? '' : 's'}`}
        </p>
        {job?.source?.image ? (
          <p class="hint history-source">
            {job.source.image.thumbnail && (
              <img
                class="history-source-thumb"
                src={job.source.image.thumbnail}
                alt="The source of this prompt"
                data-testid="history-source-thumb"
              />
            )}
            From an image
            {job.source.title ? (
              <>
                {' '}
                on <q>{preview(job.source.title, 50)}</q>
              </>
            ) : job.source.image.name ? (
              ` (${preview(job.source.image.name, 40)})`
            ) : (
              ''
            )}
          </p>
        ) : (
          job?.source && (
            <p class="hint history-source">
              From {job.source.title ? <q>{preview(job.source.title, 50)}</q> : 'your text'}: {preview(job.source.text, 90)}
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
              Reuse
            </button>
          )}
          <button type="button" class="link" onClick={() => onDelete(entry.jobId)} aria-label="Delete this entry">
            Delete
          </button>
        </div>
      </div>
    </li>
  );
}
