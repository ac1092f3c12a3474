/**
 * The pages the browser loads: each bundle at `/assets/<id>.js` and each HTML page at
 * its path, from memory, on an origin of their own (the stand-in API is another origin).
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PageServer {
  /** Origin without a trailing slash, e.g. `http://localhost:41234`. */
  origin: string;
  /** Adds or replaces a page. */
  setPage(path: string, html: string): void;
  close(): Promise<void>;
}

export const assetPath = (id: string) => `/assets/${id}.js`;

export async function servePages(bundles: Record<string, string>): Promise<PageServer> {
  const assets = new Map(Object.entries(bundles).map(([id, path]) => [assetPath(id), readFileSync(path)]));
  const pages = new Map<string, string>();
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const asset = assets.get(path);
    const page = pages.get(path);
    // no-store: every fresh context fetches and compiles the bundle anew, as a first visit does.
    if (asset) {
      response.writeHead(200, { 'Content-Type': 'text/javascript', 'Cache-Control': 'no-store' }).end(asset);
    } else if (page !== undefined) {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(page);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://localhost:${(server.address() as AddressInfo).port}`,
    setPage: (path, html) => void pages.set(path, html),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** `<tag a="1" b="2"></tag>` */
export function elementHtml(tag: string, attributes: Record<string, string>): string {
  const list = Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
  return `<${tag}${list}></${tag}>`;
}

/** A plain page: `<html lang="en">`, the given body, the given script. */
export function page(body: string, script: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>bench</title></head>
<body>${body}
${script}
</body></html>`;
}
