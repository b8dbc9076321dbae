// Browser glue: sending and receiving the messages declared in utils/protocol.ts.
import { browser } from 'wxt/browser';
import { errorRow, type JobError, PromptbrushError } from './errors';
import {
  type Envelope,
  isTrustedSender,
  type MessageType,
  parseEnvelope,
  type Reply,
  type RequestOf,
  type ResponseOf,
  type SenderInfo,
} from './protocol';

/** Sends a message to the background and returns its data, or throws the PromptbrushError it replied with. */
export async function send<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
  // Checked by the background, not here: the validators stay out of the pages' bundles, and a
  // message that fails them is answered with the `not-sent` row.
  const envelope: Envelope<T> = { type, payload };
  const reply = (await browser.runtime.sendMessage(envelope)) as Reply<ResponseOf<T>> | undefined;
  if (!reply) throw new PromptbrushError('unknown', 'No answer from the background.');
  if (!reply.ok) throw PromptbrushError.of(reply.error);
  return reply.data;
}

export type Handlers = {
  [T in MessageType]: (payload: RequestOf<T>) => Promise<ResponseOf<T>>;
};

/**
 * Routes messages to handlers after checking who sent them and what they carry. A sender other
 * than the extension's own pages gets no answer at all, so a web page learns nothing from
 * probing; one of its pages whose message fails the protocol's checks (too long, malformed) is
 * told `not-sent`. A handler's PromptbrushError reaches the page as its own row; anything else
 * thrown is named by `toError`.
 */
export function listen(handlers: Handlers, toError: (error: unknown) => JobError): void {
  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
  browser.runtime.onMessage.addListener((raw: unknown, sender: SenderInfo) => {
    if (!isTrustedSender(sender, browser.runtime.id, extensionOrigin)) return undefined;
    const envelope = parseEnvelope(raw);
    if (!envelope) return Promise.resolve<Reply<unknown>>({ ok: false, error: { kind: 'not-sent' } });
    const handler = handlers[envelope.type] as (payload: unknown) => Promise<unknown>;
    return handler(envelope.payload).then(
      (data): Reply<unknown> => ({ ok: true, data }),
      (error: unknown): Reply<unknown> => ({ ok: false, error: errorRow(error, toError) }),
    );
  });
}
