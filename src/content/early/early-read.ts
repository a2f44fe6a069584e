// The lit gazetteer's read from storage.local, begun at document_start by a
// script of a few hundred bytes (content-start.js), so that the round trip to
// the browser runs while the page loads, not after the content script starts
// at document_idle. Both scripts run in the extension's isolated world of the
// frame, where they share globals that the page cannot see; the handoff is a
// global under a registered symbol. It uses the browser's own promise-based
// API (MV3 in both browsers), not the polyfill, to stay small.
import { LIT_GAZETTEER_KEY } from '../../shared/lit-key';

type StorageChanges = Record<string, { newValue?: unknown }>;
type ChangeListener = (changes: StorageChanges, area: string) => void;

/** The part of the WebExtension storage API the early read uses. */
export interface EarlyStorage {
  local: { get(key: string): Promise<Record<string, unknown>> };
  onChanged: { addListener(l: ChangeListener): void; removeListener(l: ChangeListener): void };
}

/** What the early read hands over: taken once, by the content script. */
export interface EarlyRead {
  /**
   * The stored value, or a newer one written since the read began; stops the
   * early read's listening, so the taker listens from here on, without a gap
   * (change events arrive as tasks, never between two statements).
   */
  take(): Promise<unknown>;
}

const HANDOFF = Symbol.for('newscontext.earlyLitRead');

type HandoffHolder = { [HANDOFF]?: EarlyRead };

/** Starts the read and leaves it for the content script. */
export function startEarlyRead(storage: EarlyStorage, world: object = globalThis): void {
  let changed: { value: unknown } | null = null;
  const listener: ChangeListener = (changes, area) => {
    if (area === 'local' && LIT_GAZETTEER_KEY in changes) changed = { value: changes[LIT_GAZETTEER_KEY]!.newValue };
  };
  storage.onChanged.addListener(listener);
  const read = storage.local.get(LIT_GAZETTEER_KEY).then((r) => r[LIT_GAZETTEER_KEY]);
  // A failed read is the taker's to see; unhandled until it takes, it would be reported twice.
  read.catch(() => undefined);
  (world as HandoffHolder)[HANDOFF] = {
    take() {
      storage.onChanged.removeListener(listener);
      const newer = changed;
      return newer ? Promise.resolve(newer.value) : read;
    },
  };
}

/** The early read, once: null where none ran (a script injected later, a test) or it was taken. */
export function takeEarlyRead(world: object = globalThis): EarlyRead | null {
  const holder = world as HandoffHolder;
  const early = holder[HANDOFF] ?? null;
  delete holder[HANDOFF];
  return early;
}
