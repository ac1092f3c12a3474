/**
 * The pages the browser loads: each bundle at `/assets/<id>.js`, each file of an added
 * directory (the split build) under its prefix, and each HTML page at its path, from
 * memory, on an origin of their own (the stand-in API is another origin).
 *
 * Every script is also served `gzip -9`-encoded under `/gz` + its path (`/gz/cdn/jwt-login.js`),
 * as a CDN would send it: the throttled-link loads use those, so the emulated link carries
 * compressed bytes. The loopback loads keep the plain paths.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageServer {
  /** Origin without a trailing slash, e.g. `http://localhost:41234`. */
  origin: string;
  /** Adds or replaces a page. */
  setPage(path: string, html: string): void;
  /** Serves every `.js` file under `dir` at `prefix` + its relative path (`/cdn/chunks/de-….js`). */
  addDirectory(prefix: string, dir: string): void;
  /** The bytes served at a script path (plain or `/gz`), or undefined. */
  script(path: string): Buffer | undefined;
  close(): Promise<void>;
}

export const assetPath = (id: string) => `/assets/${id}.js`;
/** Where the same script is served gzip-encoded. */
export const gzipPath = (path: string) => `/gz${path}`;

function filesUnder(dir: string, relative = ''): string[] {
  return readdirSync(join(dir, relative)).flatMap((name) => {
    const path = relative ? `${relative}/${name}` : name;
    return statSync(join(dir, path)).isDirectory() ? filesUnder(dir, path) : [path];
  });
}

export async function servePages(bundles: Record<string, string>): Promise<PageServer> {
  const assets = new Map(Object.entries(bundles).map(([id, path]) => [assetPath(id), readFileSync(path)]));
  const pages = new Map<string, string>();
  const gzipped = new Map<string, Buffer>();
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const asset = assets.get(path);
    const page = pages.get(path);
    const compressed = path.startsWith('/gz/') ? assets.get(path.slice(3)) : undefined;
    // no-store: every fresh context fetches and compiles the bundle anew, as a first visit does.
    if (asset) {
      response.writeHead(200, { 'Content-Type': 'text/javascript', 'Cache-Control': 'no-store' }).end(asset);
    } else if (compressed) {
      let body = gzipped.get(path);
      if (!body) gzipped.set(path, (body = gzipSync(compressed, { level: 9 })));
      response
        .writeHead(200, { 'Content-Type': 'text/javascript', 'Content-Encoding': 'gzip', 'Cache-Control': 'no-store' })
        .end(body);
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
    addDirectory: (prefix, dir) => {
      for (const file of filesUnder(dir)) if (file.endsWith('.js')) assets.set(`${prefix}/${file}`, readFileSync(join(dir, file)));
    },
    script: (path) => assets.get(path.startsWith('/gz/') ? path.slice(3) : path),
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

/** A plain page: `<html lang="en">` (or `lang`), the given body, the given script. */
export function page(body: string, script: string, lang = 'en'): string {
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>bench</title></head>
<body>${body}
${script}
</body></html>`;
}
