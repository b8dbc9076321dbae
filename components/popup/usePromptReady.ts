import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { isRunning, type Job, type JobStatus } from '../../utils/job';
import { t } from './strings';

const editing = (element: Element | null) =>
  element instanceof HTMLElement && element.matches('input, textarea, select, [contenteditable]');

/**
 * When this page sees a prompt finish, focus goes to it (unless the person is typing in another
 * field) and the returned message, for a polite live region, says "Prompt ready" — once: it is
 * cleared when the next run starts, and never repeats while the text changes.
 */
export function usePromptReady(job: Job | null | undefined, box: RefObject<HTMLTextAreaElement | null>): string {
  const [message, setMessage] = useState('');
  const last = useRef<{ id: string; status: JobStatus } | null>(null);
  useEffect(() => {
    const before = last.current;
    last.current = job ? { id: job.id, status: job.status } : null;
    if (!job) return;
    if (isRunning(job)) {
      setMessage('');
      return;
    }
    const finished = job.status === 'ready' && before?.id === job.id && isRunning({ ...job, status: before.status });
    if (!finished) return;
    setMessage(t('promptReady'));
    if (!editing(document.activeElement) || document.activeElement === box.current) box.current?.focus();
  }, [job?.id, job?.status]);
  return message;
}
