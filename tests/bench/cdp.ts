// Chrome DevTools Protocol helpers the bench needs beyond what Playwright exposes: a session on
// the extension's service worker (heap, marks), stopping that worker, and a per-target call API.
import type { Browser, CDPSession } from 'playwright-core';

export interface TargetSession {
  call<T = unknown>(method: string, params?: Record<string, unknown>): Promise<T>;
  detach(): Promise<void>;
}

/** The browser-wide session (Target domain). */
export function browserSession(browser: Browser | null): Promise<CDPSession> {
  if (!browser) throw new Error('No browser handle: launchPersistentContext should give one.');
  return browser.newBrowserCDPSession();
}

export async function serviceWorkerTargetIds(session: CDPSession, extensionId: string): Promise<string[]> {
  const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
  return targetInfos
    .filter((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`))
    .map((t) => t.targetId);
}

/**
 * Attaches to a target that Playwright does not hand out (the service worker) through the
 * browser session, using the protocol's message-wrapping mode.
 */
export async function attachToTarget(session: CDPSession, targetId: string): Promise<TargetSession> {
  const { sessionId } = (await session.send('Target.attachToTarget', { targetId, flatten: false })) as { sessionId: string };
  let nextId = 1;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const onMessage = (event: { sessionId?: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    const waiter = message.id === undefined ? undefined : pending.get(message.id);
    if (!waiter || message.id === undefined) return;
    pending.delete(message.id);
    if (message.error) waiter.reject(new Error(message.error.message));
    else waiter.resolve(message.result);
  };
  session.on('Target.receivedMessageFromTarget', onMessage);
  return {
    call<T>(method: string, params: Record<string, unknown> = {}) {
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
      });
    },
    async detach() {
      session.off('Target.receivedMessageFromTarget', onMessage);
      await session.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    },
  };
}

/** Evaluates an expression in a target and returns its JSON value. */
export async function evaluateIn<T>(target: TargetSession, expression: string): Promise<T> {
  const reply = await target.call<{ result: { value: T }; exceptionDetails?: { text: string } }>('Runtime.evaluate', {
    expression,
    returnByValue: true,
    awaitPromise: true,
  });
  if (reply.exceptionDetails) throw new Error(`evaluate failed: ${reply.exceptionDetails.text}`);
  return reply.result.value;
}

/** JS heap in use after a full garbage collection, in bytes. */
export async function heapAfterGc(call: (method: string) => Promise<unknown>): Promise<number> {
  await call('HeapProfiler.collectGarbage');
  const usage = (await call('Runtime.getHeapUsage')) as { usedSize: number };
  return usage.usedSize;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Stops the extension's service worker, as the browser does after it has been idle. */
export async function stopServiceWorker(session: CDPSession, extensionId: string): Promise<void> {
  for (const targetId of await serviceWorkerTargetIds(session, extensionId)) {
    await session.send('Target.closeTarget', { targetId }).catch(() => undefined);
  }
  for (let i = 0; i < 100; i++) {
    if ((await serviceWorkerTargetIds(session, extensionId)).length === 0) return;
    await sleep(20);
  }
  throw new Error('The service worker did not stop.');
}
