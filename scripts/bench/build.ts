/**
 * Builds what the bench measures, all with the repo's own vite.config.ts so the three
 * bundles are made the same way (lib mode, one ES file, es2022, oxc + rolldown minify):
 *
 * - the widget: the config as it is, written to a temp dir rather than dist/, because
 *   other processes (tests, the demo) read dist/jwt-login.bundle.js while the bench
 *   runs and a half-written file would break them. Same config, same bytes;
 *   `--dist` measures the existing dist/jwt-login.bundle.js (from `npm run build`) instead;
 * - each fixture: the same config with only `build.lib.entry` and the file name swapped.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { VARIANTS, type VariantId } from './variants.js';

export interface BuiltBundle {
  id: VariantId;
  /** The minified ES module. */
  path: string;
  /** Its source map, when there is one. */
  mapPath?: string;
  /** How long its build took (ms); 0 when reused. */
  buildMs: number;
}

export interface BuildOptions {
  repoRoot: string;
  outDir: string;
  /** Measure dist/jwt-login.bundle.js as `npm run build` left it. */
  useDist: boolean;
}

const WIDGET_FILE = 'jwt-login.bundle.js';

async function viteBuild(repoRoot: string, outDir: string, lib?: { entry: string; fileName: string }): Promise<number> {
  const started = performance.now();
  await build({
    configFile: join(repoRoot, 'vite.config.ts'),
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      ...(lib ? { lib: { entry: lib.entry, fileName: () => lib.fileName } } : {}),
    },
  });
  return performance.now() - started;
}

export async function buildBundles(options: BuildOptions): Promise<Record<VariantId, BuiltBundle>> {
  const { repoRoot, outDir, useDist } = options;
  let widget: BuiltBundle;
  if (useDist) {
    const path = join(repoRoot, 'dist', WIDGET_FILE);
    if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` first, or drop --dist`);
    widget = { id: 'jwt-login', path, mapPath: `${path}.map`, buildMs: 0 };
  } else {
    const dir = join(outDir, 'jwt-login');
    const buildMs = await viteBuild(repoRoot, dir);
    widget = { id: 'jwt-login', path: join(dir, WIDGET_FILE), mapPath: join(dir, `${WIDGET_FILE}.map`), buildMs };
  }

  const fixture = async (id: Exclude<VariantId, 'jwt-login'>): Promise<BuiltBundle> => {
    const dir = join(outDir, id);
    const fileName = `${id}.bundle.js`;
    const buildMs = await viteBuild(repoRoot, dir, { entry: VARIANTS[id].entry!, fileName });
    return { id, path: join(dir, fileName), mapPath: join(dir, `${fileName}.map`), buildMs };
  };

  // One after the other: rolldown uses every core, and the machine has two.
  const bareLit = await fixture('bare-lit');
  const vaadin = await fixture('vaadin');
  if (widget.mapPath && !existsSync(widget.mapPath)) delete widget.mapPath;
  return { 'jwt-login': widget, 'bare-lit': bareLit, vaadin };
}

/**
 * The split build (vite.cdn.config.ts): its entry `jwt-login.js`, `bridges.js` and the
 * chunks they load, in a directory of their own (a temp dir, or dist/cdn with `--dist`).
 */
export async function buildSplit(options: BuildOptions): Promise<{ dir: string; buildMs: number }> {
  const { repoRoot, outDir, useDist } = options;
  if (useDist) {
    const dir = join(repoRoot, 'dist', 'cdn');
    if (!existsSync(join(dir, 'jwt-login.js'))) throw new Error(`${dir}/jwt-login.js is missing: run \`npm run build\` first, or drop --dist`);
    return { dir, buildMs: 0 };
  }
  const dir = join(outDir, 'cdn');
  const started = performance.now();
  await build({ configFile: join(repoRoot, 'vite.cdn.config.ts'), logLevel: 'warn', build: { outDir: dir, emptyOutDir: true } });
  return { dir, buildMs: performance.now() - started };
}
