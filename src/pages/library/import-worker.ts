// The import's reading and checking, in a worker: a file of hundreds of
// megabytes is parsed here while the page stays responsive.
import { checkExport, type CheckMessage } from './import-check';

self.onmessage = async (event: MessageEvent<{ file: File }>) => {
  const post = (m: CheckMessage) => self.postMessage(m);
  let text: string;
  try {
    text = await event.data.file.text();
  } catch (e) {
    return post({ type: 'error', message: `The file could not be read (${e instanceof Error ? e.message : String(e)}).` });
  }
  checkExport(text, post);
};
