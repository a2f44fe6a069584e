// The fixture server and one Chromium with the extension, shared by the tests
// of a file: started before its first test, closed after its last.
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, type ChromiumSession } from './browsers';
import { startServer, type FixtureServer } from './server';

export interface ChromiumWithServer {
  server: FixtureServer;
  session: ChromiumSession;
}

/** Registers the file's beforeAll and afterAll; the object's fields are set once the first has run. */
export function useChromiumWithServer(): ChromiumWithServer {
  const shared = {} as Partial<ChromiumWithServer>;
  beforeAll(async () => {
    shared.server = await startServer();
    shared.session = await launchChromium();
  });
  afterAll(async () => {
    await shared.session?.close();
    await shared.server?.close();
  });
  return shared as ChromiumWithServer;
}
