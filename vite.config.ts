import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { compactLocaleTables } from './scripts/build/compact-locale-tables.js';
import { inlineDynamicImports } from './scripts/build/inline-dynamic-imports.js';
import { subresourceIntegrity } from './scripts/build/integrity.js';
import { licenseNotices } from './scripts/build/license-notices.js';
import { minifyTemplateLiterals } from './scripts/build/minify-template-literals.js';

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const self = JSON.parse(readFileSync(fromRoot('./package.json'), 'utf8')) as { name: string; version: string; license: string };

/**
 * `vite` serves the demo (demo/), `vite build` writes the single-file bundle
 * dist/jwt-login.bundle.js: Lit, jose's decoder and everything else inlined,
 * minified, the elements defined on import. The npm build (Lit external) is tsc's.
 */
export default defineConfig({
  root: fromRoot('./demo'),
  publicDir: false,
  server: { host: '127.0.0.1' },
  // Build only (the demo server serves the source as it is): Lit's css/html template text
  // minified, the modules the split build loads on demand (locale tables, the session engine
  // and view, the HTTP client, the explorer connector; no import side effect whose order matters) imported
  // statically, as the bundle inlines them anyway, and the locale tables stored as arrays
  // sharing one id list. Every script that bundles third-party code names it in a banner, with
  // the full license texts beside it (THIRD-PARTY-LICENSES.md); integrity.json holds each
  // script's SRI hash.
  plugins: [
    minifyTemplateLiterals(),
    inlineDynamicImports(/\/src\/(localization|components\/login\/login|controllers\/(session|sign-in|explorer-connection)-controller)\.ts$/),
    compactLocaleTables(fromRoot('./src/generated/locales')),
    licenseNotices({ name: self.name, version: self.version, license: self.license }),
    subresourceIntegrity(),
  ],
  // The demo has three pages: index.html (every preset and method), session.html (one session
  // across tabs) and theme.html (the theme playground).
  build: {
    outDir: fromRoot('./dist'),
    emptyOutDir: false,
    target: 'es2022',
    minify: 'oxc',
    sourcemap: true,
    reportCompressedSize: false,
    lib: {
      entry: fromRoot('./src/bundle.ts'),
      formats: ['es'],
      fileName: () => 'jwt-login.bundle.js',
    },
    // One file whatever the source imports lazily: the bundle inlines every locale
    // (src/bundle-locales.ts), so the npm build's on-demand locale imports resolve to them.
    // Lib mode keeps whitespace in ES output (for tree-shaking): this bundle is final, so minify it all.
    // No `/* @__PURE__ */` annotations either: they serve a bundler that tree-shakes this file,
    // and this file is the end of the line.
    rolldownOptions: { output: { codeSplitting: false, minify: true, comments: { annotation: false } } },
  },
});
