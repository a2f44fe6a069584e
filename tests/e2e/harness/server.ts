// A static server on 127.0.0.1 for the fixture pages (tests/fixtures/).
// It records every request, so that tests can prove the extension fetched
// nothing, and can send a strict Content-Security-Policy for CSP tests.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { FIXTURES } from './paths';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export const STRICT_CSP = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'";

export interface FixtureServer {
  origin: string;
  /** Request paths seen so far. */
  requests: string[];
  url(path: string): string;
  /** The same page under another host name that reaches this server ("localhost"): another site to the browser. */
  urlAt(host: string, path: string): string;
  close(): Promise<void>;
}

function within(base: string, rel: string): string | null {
  const full = resolve(base, normalize(rel).replace(/^([/\\])+/, ''));
  return full.startsWith(base + sep) ? full : null;
}

/** Files served from memory (generated fixtures), by path. */
export type VirtualFiles = Map<string, string>;

export async function startServer(virtual: VirtualFiles = new Map()): Promise<FixtureServer> {
  const requests: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname + url.search);
    const generated = virtual.get(url.pathname);
    if (generated !== undefined) {
      res.writeHead(200, { 'content-type': TYPES[extname(url.pathname)] ?? 'text/plain' }).end(generated);
      return;
    }
    const file = within(FIXTURES, decodeURIComponent(url.pathname));
    try {
      if (!file) throw new Error('outside');
      const body = await readFile(file);
      const headers: Record<string, string> = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
      if (url.searchParams.has('csp')) headers['content-security-policy'] = STRICT_CSP;
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    requests,
    url: (path) => origin + (path.startsWith('/') ? path : '/' + path),
    urlAt: (host, path) => `http://${host}:${port}` + (path.startsWith('/') ? path : '/' + path),
    close: () => new Promise((done) => server.close(() => done())),
  };
}
