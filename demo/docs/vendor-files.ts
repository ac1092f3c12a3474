import { readFile } from 'node:fs/promises';

/**
 * The explorers' own prebuilt browser files, exactly as their npm packages ship them, served
 * at `/vendor/<package path>` the way a static docs site would host (or a CDN would serve)
 * them. Only these files: the map is the whitelist.
 */
const VENDOR_FILES: Record<string, string> = {
  'swagger-ui-dist/swagger-ui-bundle.js': 'text/javascript',
  'swagger-ui-dist/swagger-ui.css': 'text/css',
  'swagger-ui-dist/swagger-ui-standalone-preset.js': 'text/javascript',
  'swagger-ui-dist/swagger-initializer.js': 'text/javascript',
  '@stoplight/elements/web-components.min.js': 'text/javascript',
  '@stoplight/elements/styles.min.css': 'text/css',
  '@scalar/api-reference/dist/browser/standalone.js': 'text/javascript',
  'rapidoc/dist/rapidoc-min.js': 'text/javascript',
};

const NODE_MODULES = new URL('../../node_modules/', import.meta.url);

/** The file behind a `/vendor/…` path, or `undefined` when it is not one of the explorers' files. */
export async function readVendorFile(pathname: string): Promise<{ body: Buffer; type: string } | undefined> {
  const name = pathname.startsWith('/vendor/') ? pathname.slice('/vendor/'.length) : '';
  const type = Object.hasOwn(VENDOR_FILES, name) ? VENDOR_FILES[name] : undefined;
  if (!type) return undefined;
  return { body: await readFile(new URL(name, NODE_MODULES)), type: `${type}; charset=utf-8` };
}
