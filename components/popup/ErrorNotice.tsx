import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ErrorNoticeProps } from './ErrorNoticeBody';
import { t } from './strings';

type Body = (props: ErrorNoticeProps) => JSX.Element;
let loaded: Body | undefined;
let pending: Promise<Body> | undefined;

/** The error table and the notice's code load with the first failure to show, not with the popup. */
export function loadErrorNotice(): Promise<Body> {
  pending ??= import('./ErrorNoticeBody').then(
    (module) => {
      loaded = module.ErrorNoticeBody;
      return loaded;
    },
    (error: unknown) => {
      pending = undefined;
      throw error;
    },
  );
  return pending;
}

/**
 * A failure, in the error table's words (ErrorNoticeBody.tsx). Nothing shows for the moment the
 * table loads, so the alert is announced once and whole; if it cannot load, a plain alert says
 * so, with Retry when there is one.
 */
export function ErrorNotice(props: ErrorNoticeProps) {
  const [, setReady] = useState(false);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (loaded) return;
    let alive = true;
    loadErrorNotice().then(
      () => alive && setReady(true),
      () => alive && setFailed(true),
    );
    return () => {
      alive = false;
    };
  }, []);
  const Loaded = loaded;
  if (Loaded) return <Loaded {...props} />;
  if (!failed) return null;
  return (
    <div class="notice notice-error" role="alert" data-error-kind={props.error.kind}>
      <p>{t('errorUnshown', props.error.kind)}</p>
      {props.onRetry && (
        <div class="row">
          <button type="button" onClick={props.onRetry} data-testid="retry">
            {t('retry')}
          </button>
        </div>
      )}
    </div>
  );
}
