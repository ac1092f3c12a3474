/**
 * Installs each framework's pinned toolchain into the cache (once per set of pins, in
 * parallel) and starts the stand-in auth server for the apps to sign in against.
 */
import { startAuthServer } from '../../demo/server/index.js';
import { ensureInstalled } from '../test-servers/cache.js';
import { FRAMEWORKS, toolchainFolder, toolchainSpec } from './frameworks.js';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const started = Date.now();
  await Promise.all(FRAMEWORKS.map((framework) => ensureInstalled(toolchainSpec(framework), console.log, toolchainFolder(framework))));
  console.log(`toolchains ready in ${Math.round((Date.now() - started) / 1000)} s`);
  const server = await startAuthServer();
  process.env.AUTH_SERVER_URL = server.url;
  return () => server.close();
}
