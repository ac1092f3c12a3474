import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { readVendorFile } from './vendor-files.js';

/**
 * Lets the docs pages load exactly what a static docs site loads: `/assets/jwt-login.bundle.js`
 * (here the bundle's source, compiled on the fly) and the explorers' files under `/vendor/`.
 */
export function docsAssets(): Plugin {
  return {
    name: 'jwt-login-docs-assets',
    resolveId(source) {
      if (source === '/assets/jwt-login.bundle.js') return fileURLToPath(new URL('../../src/bundle.ts', import.meta.url));
      return source.startsWith('/vendor/') ? source : null;
    },
    // Only Vite's look-ahead at the page's module scripts comes here; the browser gets the
    // files as they are from the middleware below.
    async load(id) {
      return id.startsWith('/vendor/') ? (await readVendorFile(id))?.body.toString('utf8') : null;
    },
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
        if (!pathname.startsWith('/vendor/')) return next();
        readVendorFile(pathname).then(
          (file) => {
            if (!file) return next();
            response.writeHead(200, { 'Content-Type': file.type, 'Cache-Control': 'no-cache' }).end(file.body);
          },
          (error: unknown) => next(error),
        );
      });
    },
  };
}
