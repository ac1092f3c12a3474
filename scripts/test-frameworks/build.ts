/**
 * Builds a framework app the way its users do: a copy of its fixture with the npm build of
 * the package and its own cached toolchain in node_modules, then the framework's own build
 * command (`vite build` with the framework's plugin, `ng build`).
 */
import { join } from 'node:path';
import { installFixtureApp } from '../../test/packaging/fixture-app.js';
import { run } from '../../test/packaging/package-build.js';
import { toolchainFolder, type Framework } from './frameworks.js';

/** Builds the app of `framework`; returns the folder of the static site. */
export async function buildFrameworkApp(framework: Framework): Promise<string> {
  const app = await installFixtureApp(framework.fixture, { toolchain: join(toolchainFolder(framework), 'node_modules') });
  const [script, ...args] = framework.build;
  const { code, stdout, stderr } = await run(process.execPath, [join(app, 'node_modules', script), ...args], app);
  if (code !== 0) throw new Error(`${framework.name}: ${framework.build.join(' ')} failed (exit ${code}):\n${stdout}\n${stderr}`);
  return join(app, framework.output);
}
