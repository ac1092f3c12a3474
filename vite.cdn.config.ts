import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig, type PluginOption, type UserConfig } from 'vite';
import bundleConfig from './vite.config.js';

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Plugins of the single file that would undo the split: it inlines the locales, this build loads them on demand. */
const SINGLE_FILE_ONLY = new Set(['jwt-login:inline-dynamic-imports', 'jwt-login:compact-locale-tables']);

const pluginName = (plugin: PluginOption) => (plugin && typeof plugin === 'object' && 'name' in plugin ? plugin.name : undefined);

/**
 * `vite build --config vite.cdn.config.ts` writes the split build, dist/cdn/: the entry a
 * page loads with one `<script type="module">` (jwt-login.js), the bridges' entry
 * (bridges.js), and the chunks they import themselves, relative to their own URL, when
 * needed (chunks/). Same minification and plugins as the single file, less the two that
 * exist to keep that one file whole.
 */
export default defineConfig(() => {
  const { plugins = [], ...rest }: UserConfig = bundleConfig;
  return mergeConfig(
    { ...rest, build: { ...rest.build, lib: undefined, rolldownOptions: undefined } },
    {
      plugins: plugins.flat().filter((plugin: PluginOption) => !SINGLE_FILE_ONLY.has(pluginName(plugin) ?? '')),
      build: {
        outDir: fromRoot('./dist/cdn'),
        emptyOutDir: true,
        lib: {
          entry: { 'jwt-login': fromRoot('./src/cdn.ts'), bridges: fromRoot('./src/bridges/index.ts') },
          formats: ['es'],
          fileName: (_format: string, name: string) => `${name}.js`,
        },
        rolldownOptions: {
          output: {
            minify: true,
            comments: { annotation: false },
            chunkFileNames: 'chunks/[name]-[hash].js',
            codeSplitting: { groups: [{ name: 'jwt-login', tags: ['$initial'], test: (id: string) => !id.includes('/src/bridges/') }] },
          },
          preserveEntrySignatures: 'allow-extension',
        },
      },
    },
  );
});
