// When the extension is reloaded or updated under an open page, the old content
// script lives on but every extension API throws "Extension context
// invalidated". That is expected: we notice it once and clean up quietly.
import browser from '../shared/browser';

export function isContextValid(): boolean {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    return false;
  }
}

export function isInvalidatedError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /context invalidated|Extension context|receiving end does not exist|message manager disconnected|conduits/i.test(message) && !isContextValid();
}
