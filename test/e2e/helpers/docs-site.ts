import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { withDocsChrome } from '../../../demo/docs/docs-chrome.js';
import { readVendorFile } from '../../../demo/docs/vendor-files.js';
import { listenLocally, type LocalServer } from '../../helpers/local-server.js';

const DOCS = new URL('../../../demo/docs/', import.meta.url);
const PAGE_FILES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
};

/**
 * The demo's docs pages as a static docs site serves them, on an origin of their own: the
 * built `dist/jwt-login.bundle.js` at `/assets/`, the explorers' files as their npm
 * packages ship them at `/vendor/`, each page's shared header and sign-in section filled in
 * (`withDocsChrome`, as the demo does), and `%VITE_AUTH_SERVER_URL%` replaced by `authServerUrl`.
 */
export async function serveDocsSite(authServerUrl: string, bundlePath = 'dist/jwt-login.bundle.js'): Promise<LocalServer> {
  const bundle = await readFile(bundlePath);
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const send = (body: Buffer | string, type: string) => response.writeHead(200, { 'Content-Type': type }).end(body);
    const notFound = () => response.writeHead(404).end();
    if (path === '/assets/jwt-login.bundle.js') return send(bundle, 'text/javascript; charset=utf-8');
    if (path === '/favicon.svg') {
      readFile(new URL('../favicon.svg', DOCS)).then((svg) => send(svg, 'image/svg+xml'), notFound);
      return;
    }
    if (path.startsWith('/vendor/')) {
      readVendorFile(path).then((file) => (file ? send(file.body, file.type) : notFound()), notFound);
      return;
    }
    const name = /^\/docs\/([a-z-]+(\.html|\.css|\.js))$/.exec(path);
    if (!name) return notFound();
    readFile(new URL(name[1]!, DOCS), 'utf8').then(
      (text) => send(withDocsChrome(text, name[1]!).replaceAll('%VITE_AUTH_SERVER_URL%', authServerUrl), PAGE_FILES[name[2]!]!),
      notFound,
    );
  });
  return listenLocally(server);
}
