// Parts of the popup that are needed only sometimes (the open history, an image run) load on
// first use: a dynamic import, which the build turns into chunks of their own, fetched the first
// time the part is rendered. Until then its fallback shows; a failed load says so, with Retry.
import type { ComponentType, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ErrorNotice } from '../popup/ErrorNotice';
import { openSettings } from './open-settings';

export interface LazyComponent<P> {
  (props: P): JSX.Element | null;
  /** Starts loading ahead of need (the pointer is on its button), so it shows sooner. */
  preload: () => Promise<ComponentType<P>>;
}

export function lazy<P extends object>(load: () => Promise<ComponentType<P>>, Fallback: ComponentType<P>): LazyComponent<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const preload = () => {
    pending ??= load().then(
      (component) => {
        loaded = component;
        return component;
      },
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    );
    return pending;
  };

  function Lazy(props: P) {
    const [, setReady] = useState(false);
    const [failed, setFailed] = useState(false);
    const [attempt, setAttempt] = useState(0);
    // `attempt` changes when Retry is clicked: the effect loads again. A load started ahead (the
    // pointer on the button) can finish between this render, which showed the fallback, and the
    // effect, which runs after the paint: render again then, or the fallback would stay for good.
    useEffect(() => {
      if (loaded) {
        setReady(true);
        return;
      }
      let alive = true;
      preload().then(
        () => alive && setReady(true),
        () => alive && setFailed(true),
      );
      return () => {
        alive = false;
      };
    }, [attempt]);
    const Loaded = loaded;
    if (Loaded) return <Loaded {...props} />;
    if (failed) {
      const retry = () => {
        setFailed(false);
        setAttempt(attempt + 1);
      };
      return <ErrorNotice error={{ kind: 'part-not-loaded' }} onRetry={retry} onOpenOptions={openSettings} />;
    }
    return <Fallback {...props} />;
  }
  return Object.assign(Lazy, { preload });
}
