/**
 * Serves a docs framework's static output the way a static host does: `/a/b` answers
 * `a/b`, else `a/b.html`, else `a/b/index.html` (Docusaurus writes folders, VitePress and
 * Starlight `.html` files or folders), on an origin of its own.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { listenLocally, type LocalServer } from '../../test/helpers/local-server.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
};

const isFile = (path: string) => existsSync(path) && statSync(path).isFile();

/** The file a static host answers `pathname` with, if any. */
function fileFor(folder: string, pathname: string): string | undefined {
  const base = join(folder, normalize(decodeURIComponent(pathname)));
  if (!base.startsWith(folder)) return undefined;
  return [base, `${base.replace(/\/$/, '')}.html`, join(base, 'index.html')].find(isFile);
}

export async function serveStaticSite(folder: string): Promise<LocalServer> {
  const server = createServer((request, response) => {
    const file = fileFor(folder, new URL(request.url ?? '/', 'http://localhost').pathname);
    if (!file) {
      const notFound = join(folder, '404.html');
      response.writeHead(404, { 'Content-Type': CONTENT_TYPES['.html'] }).end(isFile(notFound) ? readFileSync(notFound) : '');
      return;
    }
    response.writeHead(200, { 'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return listenLocally(server);
}
