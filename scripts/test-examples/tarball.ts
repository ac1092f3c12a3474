/**
 * The package as the examples' READMEs tell users to install it: `npm pack` of the npm
 * build of the current source (never the repo's dist/, which other runs rewrite).
 */
import { join } from 'node:path';
import { run, stagePackage, tempFolder } from '../../test/packaging/package-build.js';

/** Builds and packs the package; returns the path of `jwt-login-widget-<version>.tgz`. */
export async function packWidget(): Promise<string> {
  const root = tempFolder('jwt-login-examples-pack');
  const folder = await stagePackage(root, { complete: true });
  const outcome = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', root], folder);
  if (outcome.code !== 0) throw new Error(`npm pack failed (exit ${outcome.code}):\n${outcome.stderr}`);
  const [packed] = JSON.parse(outcome.stdout) as Array<{ filename: string }>;
  return join(root, packed!.filename);
}
