// extract.js: injected into a tab's top frame by the background when the
// reader saves (src/background/save.ts), never listed in the manifest. It
// leaves one function in the extension's isolated world, which the
// background then calls with the mode.
import { EXTRACT_GLOBAL, type ExtractMode } from '../../shared/extraction';
import { extractPage } from './extract';

(globalThis as Record<string, unknown>)[EXTRACT_GLOBAL] = (mode: ExtractMode, selection?: string) =>
  extractPage(document, location.href, Date.now(), mode, selection);
