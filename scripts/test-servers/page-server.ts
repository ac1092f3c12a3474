// A docs page on its own origin (127.0.0.1, another port than the API: same site, other
// origin, so CORS applies and SameSite=Lax cookies still travel) with nothing but the bundle
// and one `<jwt-login>` tag per configuration: GET /c/<index>.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname, resolve } from 'node:path';

export interface PageTag {
  attributes: Record<string, string>;
  endpoints?: Record<string, unknown>;
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function tagHtml(tag: PageTag): string {
  const attributes = Object.entries(tag.attributes)
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
  const config = tag.endpoints
    ? `\n  <script type="application/json">${JSON.stringify(tag.endpoints, null, 2).replace(/</g, '\\u003c')}</script>\n`
    : '';
  return `<jwt-login${attributes}>${config}</jwt-login>`;
}

export interface PageServer {
  origin: string;
  /** Registers a page; returns its URL. */
  add(tag: PageTag): string;
  close(): Promise<void>;
}

/**
 * `bundlePath` is the single file, or the split build's entry (`dist/cdn/jwt-login.js`):
 * the scripts of its folder are served under /assets/, so the entry's chunks load too.
 */
export async function startPageServer(bundlePath: string, port: number): Promise<PageServer> {
  const folder = dirname(resolve(bundlePath));
  const script = `/assets/${basename(bundlePath)}`;
  const pages: string[] = [];
  const server = createServer((request, response) => {
    const url = request.url ?? '/';
    const file = url.startsWith('/assets/') ? resolve(folder, `.${decodeURIComponent(url.slice('/assets'.length))}`) : undefined;
    if (file?.startsWith(`${folder}/`) && file.endsWith('.js') && existsSync(file)) {
      response.writeHead(200, { 'Content-Type': 'text/javascript', 'Cache-Control': 'no-store' }).end(readFileSync(file));
      return;
    }
    const match = /^\/c\/(\d+)$/.exec(url);
    const body = match ? pages[Number(match[1])] : undefined;
    if (body) {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(body);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    add(tag) {
      pages.push(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>jwt-login against a real server</title>
<script type="module" src="${script}"></script></head>
<body>
${tagHtml(tag)}
</body></html>`);
      return `${origin}/c/${pages.length - 1}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
