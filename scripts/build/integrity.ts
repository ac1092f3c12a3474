/**
 * Subresource Integrity for the scripts a page loads from a CDN: once the build has written
 * them, `integrity.json` beside them maps each script's path (relative to that folder) to
 * its `sha384-…` hash of the bytes as written, the value of a `<script integrity>`
 * attribute (and the shape of an import map's `integrity` entries).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

export const INTEGRITY_FILE = 'integrity.json';

/** The SRI value of some bytes: `sha384-` and the base64 digest. */
export function sriHash(bytes: Buffer | string): string {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

export function subresourceIntegrity(): Plugin {
  return {
    name: 'jwt-login:subresource-integrity',
    apply: 'build',
    writeBundle(options, bundle) {
      const folder = options.dir!;
      const scripts = Object.values(bundle)
        .filter((output) => output.type === 'chunk')
        .map((chunk) => chunk.fileName)
        .sort();
      const hashes = Object.fromEntries(scripts.map((fileName) => [fileName, sriHash(readFileSync(join(folder, fileName)))]));
      writeFileSync(join(folder, INTEGRITY_FILE), `${JSON.stringify(hashes, null, 2)}\n`);
    },
  };
}
