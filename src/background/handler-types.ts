// The shape every message handler has, shared by handlers.ts and
// library-handlers.ts: an already validated payload and the sender, in; the
// typed response, out.
import type { MessageType, RequestOf, ResponseOf } from '../shared/messages';

export interface HandlerContext {
  /** The tab and frame the message came from, when it came from a content script. */
  tabId: number | undefined;
  frameId: number;
}

export type HandlersFor<T extends MessageType> = {
  [K in T]: (payload: RequestOf<K>, ctx: HandlerContext) => Promise<ResponseOf<K>>;
};
