import { createServer, type ViteDevServer } from 'vite';
import { docsAssets } from './docs/docs-assets-plugin.js';
import { docsChrome } from './docs/docs-chrome.js';
import { type AuthServer, type AuthServerOptions, startAuthServer } from './server/index.js';

export interface DemoOptions {
  /** Port of the demo page; the next free one when taken. 0 = any. */
  port?: number;
  auth?: AuthServerOptions;
}

export interface Demo {
  /** The demo page. */
  url: string;
  auth: AuthServer;
  vite: ViteDevServer;
  close(): Promise<void>;
}

/** Starts the stand-in auth server and the Vite dev server of the demo page, on different origins. */
export async function startDemo(options: DemoOptions = {}): Promise<Demo> {
  const auth = await startAuthServer(options.auth);
  // Vite hands VITE_* variables to the page as import.meta.env.
  process.env.VITE_AUTH_SERVER_URL = auth.url;
  let vite: ViteDevServer;
  try {
    vite = await createServer({
      configFile: new URL('../vite.config.ts', import.meta.url).pathname,
      server: { port: options.port ?? 5173, strictPort: false },
      plugins: [docsAssets(), docsChrome()],
      logLevel: 'warn',
      clearScreen: false,
    });
    await vite.listen();
  } catch (error) {
    await auth.close();
    throw error;
  }
  const url = vite.resolvedUrls?.local[0] ?? `http://127.0.0.1:${vite.config.server.port}/`;
  return {
    url,
    auth,
    vite,
    async close() {
      await Promise.all([vite.close(), auth.close()]);
    },
  };
}
