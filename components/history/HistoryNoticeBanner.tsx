import { ERROR_KINDS } from '../../utils/error-kinds';
import { useHistoryNotice } from './useHistoryNotice';

/** What went wrong when the background last saved to history (a full disk above all). */
export function HistoryNoticeBanner() {
  const [notice, dismiss] = useHistoryNotice();
  if (!notice) return null;
  const info = ERROR_KINDS[notice.kind];
  return (
    <div class="notice notice-error" role="alert" data-testid="history-notice" data-error-kind={notice.kind}>
      <strong>{info.title}</strong>
      <p>
        {notice.what[0]?.toUpperCase()}
        {notice.what.slice(1)} could not be saved to history. {info.message}
      </p>
      {notice.detail && <p class="detail">{notice.detail}</p>}
      <div class="row">
        <button type="button" onClick={dismiss}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
