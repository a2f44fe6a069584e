// A static server on 127.0.0.1 for the benchmark: generated pages from memory
// (/gen/<name>.html) and the real saved pages of tests/fixtures/real
// (/real/<file>). No caching headers games: every navigation is a fresh parse
// of the same bytes.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { basename, resolve } from 'node:path';
import { REAL_PAGES } from '../tests/e2e/harness/paths';

export interface BenchServer {
  origin: string;
  /** Serves `html` at /gen/<name>.html; returns the URL. */
  add(name: string, html: string): string;
  pageUrl(file: string): string;
  close(): Promise<void>;
}

export async function startBenchServer(): Promise<BenchServer> {
  const generated = new Map<string, Buffer>();
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    try {
      let body: Buffer | undefined;
      if (path.startsWith('/gen/')) body = generated.get(path.slice(5));
      else if (path.startsWith('/real/')) body = await readFile(resolve(REAL_PAGES, basename(decodeURIComponent(path))));
      if (!body) throw new Error('not found');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    add(name, html) {
      generated.set(`${name}.html`, Buffer.from(html));
      return `${origin}/gen/${name}.html`;
    },
    pageUrl: (file) => `${origin}/real/${encodeURIComponent(file)}`,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
