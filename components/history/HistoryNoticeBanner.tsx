import { errorWords } from '../../utils/error-words';
import type { HistoryNotice } from '../../utils/history-notice';
import { t } from '../../utils/i18n';
import { useHistoryNotice } from './useHistoryNotice';

interface Props {
  notice: HistoryNotice;
  onDismiss: () => void;
}

/** What went wrong when the background last saved to history (a full disk above all). */
export function HistoryNoticeView({ notice, onDismiss }: Props) {
  const info = errorWords(notice.kind);
  // What was being saved, as the background names it ("the prompt", "an image").
  const what =
    notice.what === 'the prompt' ? t('history_notice_prompt') : notice.what === 'an image' ? t('history_notice_image') : notice.what;
  return (
    <div class="notice notice-error" role="alert" data-testid="history-notice" data-error-kind={notice.kind}>
      <strong>{info.title}</strong>
      <p>
        {t('history_notice_not_saved', what)} {info.message}
      </p>
      {notice.detail && <p class="detail">{notice.detail}</p>}
      <div class="row">
        <button type="button" onClick={onDismiss}>
          {t('common_dismiss')}
        </button>
      </div>
    </div>
  );
}

/** The notice, while there is one (the options page, which has the words loaded anyway). */
export function HistoryNoticeBanner() {
  const [notice, dismiss] = useHistoryNotice();
  return notice ? <HistoryNoticeView notice={notice} onDismiss={dismiss} /> : null;
}
