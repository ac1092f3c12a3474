/**
 * An app under test/fixtures/, bundled by Vite's JS API against the npm build of the package
 * (installed from its packed files, see package-build.ts), and a plain static server for it.
 */
import { cpSync, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { build } from 'vite';
import { REPO, installPackage, packedFiles, stagePackage, tempFolder, type InstallOptions } from './package-build.js';
import { listenLocally, type LocalServer } from '../helpers/local-server.js';

interface StagedPackage {
  folder: string;
  files: string[];
}

// Playwright runs every spec file of this suite in one worker: they share one npm build.
let staged: Promise<StagedPackage> | undefined;

function stageOnce(): Promise<StagedPackage> {
  staged ??= (async () => {
    const folder = await stagePackage(tempFolder('jwt-login-npm-build'), { complete: false });
    return { folder, files: await packedFiles(folder) };
  })();
  return staged;
}

/**
 * A copy of `test/fixtures/<fixture>` in a temp folder, with the npm build installed into its
 * node_modules (and the app's own toolchain, when given); returns the app's folder.
 */
export async function installFixtureApp(fixture: string, options: InstallOptions = {}): Promise<string> {
  const { folder, files } = await stageOnce();
  const app = join(tempFolder(`jwt-login-${fixture}`), 'app');
  cpSync(join(REPO, 'test', 'fixtures', fixture), app, { recursive: true });
  installPackage(app, folder, files, options);
  return app;
}

/** Builds `test/fixtures/<fixture>` with Vite's defaults; returns the output folder. */
export async function buildFixtureApp(fixture: 'vite-app' | 'react-app' | 'ssr'): Promise<string> {
  const app = await installFixtureApp(fixture);
  const outDir = join(app, '..', 'dist');
  // `vite build` in a shell starts without NODE_ENV and so builds for production (React's
  // production build, JSX without development checks). Playwright's workers inherit
  // `development` from the global setup, whose Vite dev server set it.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: app, configFile: false, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  return outDir;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.map': 'application/json',
};

/** Serves a built app on an origin of its own (the API is cross-origin, as in production). */
export async function serveFolder(folder: string): Promise<LocalServer> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const file = join(folder, normalize(path === '/' ? 'index.html' : path));
    if (!file.startsWith(folder) || !existsSync(file) || statSync(file).isDirectory()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return listenLocally(server);
}

/** The stand-in's wunder API, where the demo account signs in with tenant `acme`. */
export const wunderApi = () => `${process.env.AUTH_SERVER_URL}/wunder/v1`;
