// Typed request to the background from a content script or an extension page.
import browser from './browser';
import type { MessageType, Reply, RequestOf, ResponseOf } from './messages';

export class MessageError extends Error {
  override name = 'MessageError';
}

export async function send<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
  const reply = (await browser.runtime.sendMessage({ type, payload })) as Reply<ResponseOf<T>> | undefined;
  if (!reply) throw new MessageError(`NewsContext: no answer to "${type}"`);
  if (!reply.ok) throw new MessageError(reply.error);
  return reply.value;
}
