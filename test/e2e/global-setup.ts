import { startDemo } from '../../demo/demo-server.js';

/** Starts the demo (stand-in auth server + Vite) once for all end-to-end tests. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const demo = await startDemo({ port: 0, auth: { port: 0, datarheiFailDelayMs: 300 } });
  process.env.DEMO_URL = demo.url;
  process.env.AUTH_SERVER_URL = demo.auth.url;
  return () => demo.close();
}
