/**
 * `npm run test:install`: the package installed the way a user gets it today, from git.
 * Not part of `npm test`: it installs the package's dev dependencies from the registry
 * (npm does, to run `prepare`), which takes minutes.
 *
 * 1. Clones the repo's HEAD into a temp folder; `npm publish --dry-run` there (its `prepare`
 *    builds, with the repo's node_modules linked in) must pass without a warning we can fix,
 *    and `npm pack` must list only what a user needs.
 * 2. A fresh Vite app from the README's "Install" section: its package.json (with the
 *    README's `allowScripts`), the README's git install command pointed at that clone
 *    (`git+file://<clone>#<commit>`), vite from the registry, the README's index.html and
 *    main.js; `vite build`.
 * 3. In Chromium, the built app signs the demo account in against the stand-in auth server
 *    and main.js receives `login`; the README's CDN snippet, served from the installed package
 *    with the hash from its dist/integrity.json, runs, and with a wrong hash is blocked.
 *
 * Prints each step's time and ends with `N passed, N failed`; exits 1 when a check fails.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright';
import { startAuthServer, type AuthServer } from '../../demo/server/index.js';
import { signInAsDemo } from '../../test/e2e/helpers/bundle-page.js';
import type { LocalServer } from '../../test/helpers/local-server.js';
import { serveFolder } from '../../test/packaging/fixture-app.js';
import { PACKAGE_NAME, REPO, packedFiles, run, tempFolder, type Outcome } from '../../test/packaging/package-build.js';
import { REQUIRED_FILES, readIntegrity, unexpectedFiles } from '../../test/packaging/published-files.js';
import { chromiumLaunchOptions } from '../browser.mjs';
import { README_BASE_URL, readInstallSnippets } from './readme-snippets.js';

interface Result {
  name: string;
  ok: boolean;
  ms: number;
  note?: string;
}

const results: Result[] = [];

/** Runs one step, timed; a step that throws fails with its message, and the rest go on. */
async function step<T>(name: string, body: () => Promise<T>): Promise<T | undefined> {
  const started = Date.now();
  try {
    const value = await body();
    results.push({ name, ok: true, ms: Date.now() - started });
    console.log(`ok   ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return value;
  } catch (error) {
    const note = error instanceof Error ? error.message : String(error);
    results.push({ name, ok: false, ms: Date.now() - started, note });
    console.log(`FAIL ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)\n${note}`);
    return undefined;
  }
}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

async function succeed(what: string, outcome: Promise<Outcome>): Promise<Outcome> {
  const result = await outcome;
  check(result.code === 0, `${what} failed (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
  return result;
}

/** `npm warn …` lines, less those no package change can silence. */
const warnings = (stderr: string, unfixable: readonly RegExp[] = []) =>
  stderr.split('\n').filter((line) => /^npm warn/i.test(line) && !unfixable.some((pattern) => pattern.test(line)));

/** A dry run cannot log in, and must not: publishing needs the owner's account. */
const LOGIN_WARNING = /requires you to be logged in/;

function filesUnder(folder: string, root = folder): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path, root) : [relative(root, path)];
  });
}

function checkFileList(files: readonly string[], where: string): void {
  const unexpected = unexpectedFiles(files);
  const missing = REQUIRED_FILES.filter((file) => !files.includes(file));
  check(unexpected.length === 0 && missing.length === 0, `${where}: unexpected ${JSON.stringify(unexpected)}, missing ${JSON.stringify(missing)}`);
}

const rootPackage = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
  version: string;
  devDependencies: Record<string, string>;
};
const snippets = readInstallSnippets(REPO);
const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).trim();
const root = tempFolder('jwt-login-install');
const clone = join(root, PACKAGE_NAME);
const app = join(root, 'app');
const installed = join(app, 'node_modules', PACKAGE_NAME);

let auth: AuthServer | undefined;
let browser: Browser | undefined;
const servers: LocalServer[] = [];
const startedAt = Date.now();

/** A git spec of the README (`git+https://<git host>/…#<commit or tag>`) pointed at the clone and its commit. */
const toClone = (spec: string) => (spec.startsWith('git+') ? spec.replace(/^[^#]+/, `git+file://${clone}`).replace(/#.*$/, `#${commit}`) : spec);

try {
  console.log(`Installing ${PACKAGE_NAME} from git, commit ${commit.slice(0, 7)}, into a fresh Vite app under ${root}`);
  auth = await startAuthServer();
  const api = auth.baseUrls.wunder;

  await step(`git clone of HEAD (${commit.slice(0, 7)})`, async () => {
    await succeed('git clone', run('git', ['clone', '--quiet', '--no-checkout', REPO, clone]));
    await succeed('git checkout', run('git', ['checkout', '--quiet', '--detach', commit], clone));
  });

  await step('npm publish --dry-run in the clone: prepare builds, no warning but the dry run\'s login notice', async () => {
    symlinkSync(join(REPO, 'node_modules'), join(clone, 'node_modules'), 'dir');
    const { stderr } = await succeed('npm publish --dry-run', run('npm', ['publish', '--dry-run'], clone));
    const left = warnings(stderr, [LOGIN_WARNING]);
    check(left.length === 0, `warnings:\n${left.join('\n')}`);
  });

  await step('npm pack in the clone lists only what a user needs', async () => checkFileList(await packedFiles(clone), 'npm pack'));

  await step(`the README's git install into an empty app: ${snippets.gitInstall.join(' ')}`, async () => {
    mkdirSync(app);
    const allowScripts = Object.fromEntries(Object.entries(snippets.allowScripts).map(([spec, allowed]) => [toClone(spec), allowed]));
    const manifest = { name: 'readme-vite-app', private: true, type: 'module', allowScripts };
    writeFileSync(join(app, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const [npm, ...args] = snippets.gitInstall;
    check(npm === 'npm', `the README's command starts with ${npm}`);
    const { stderr } = await succeed('npm install from git', run('npm', args.map(toClone), app));
    const left = warnings(stderr);
    check(left.length === 0, `warnings:\n${left.join('\n')}`);
  });

  await step('the installed package holds the built files, and only what a user needs', async () => {
    checkFileList(filesUnder(installed), 'node_modules/jwt-login-widget');
  });

  await step(`vite ${rootPackage.devDependencies.vite} from the registry`, async () => {
    await succeed('npm install vite', run('npm', ['install', '--save-dev', '--no-audit', '--no-fund', `vite@${rootPackage.devDependencies.vite}`], app));
  });

  await step("vite build of the README's index.html and main.js", async () => {
    writeFileSync(join(app, 'index.html'), snippets.indexHtml.replaceAll(README_BASE_URL, api));
    writeFileSync(join(app, 'main.js'), snippets.mainJs);
    await succeed('vite build', run(join(app, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], app));
  });

  browser = await chromium.launch(chromiumLaunchOptions());

  await step('Chromium: the built app signs in, main.js receives login', async () => {
    const site = await serveFolder(join(app, 'dist'));
    servers.push(site);
    const page = await browser!.newPage();
    const signedIn = page.waitForEvent('console', { predicate: (message) => message.text().startsWith('Signed in'), timeout: 30_000 });
    await page.goto(site.url);
    const login = page.locator('jwt-login');
    await signInAsDemo(login);
    await login.locator('[part="session"]').filter({ hasText: 'Dana Demo' }).waitFor();
    await signedIn;
    await page.close();
  });

  // The README's CDN snippet, its host and package path served from the installed package.
  const cdnUrl = /https:\/\/cdn\.jsdelivr\.net\/npm\/jwt-login-widget@([^/]+)\//;
  const version = cdnUrl.exec(snippets.cdnScript)?.[1];
  const cdnSite = join(root, 'cdn');
  mkdirSync(join(cdnSite, 'npm'), { recursive: true });
  symlinkSync(installed, join(cdnSite, 'npm', `${PACKAGE_NAME}@${version}`), 'dir');
  const cdn = await serveFolder(cdnSite);
  servers.push(cdn);
  const cdnPage = async (name: string, script: string) => {
    writeFileSync(join(cdnSite, `${name}.html`), `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">${script}</head>\n<body><jwt-login base-url="${api}" tenant="acme"></jwt-login></body></html>\n`);
    const page = await browser!.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${cdn.url}${name}.html`);
    return { page, errors };
  };
  const defined = (page: Page) => page.evaluate(() => customElements.get('jwt-login') !== undefined);
  const fromCdn = (integrity: string) =>
    snippets.cdnScript.replace(cdnUrl, `/npm/${PACKAGE_NAME}@${version}/`).replace(/integrity="[^"]*"/, `integrity="${integrity}"`);

  await step("Chromium: the README's CDN snippet with dist/integrity.json's hash runs and signs in", async () => {
    check(version === rootPackage.version, `the README's CDN URL names version ${version}, package.json ${rootPackage.version}`);
    const hash = readIntegrity(installed, 'dist')['jwt-login.bundle.js'];
    check(hash?.startsWith('sha384-'), `dist/integrity.json: ${hash}`);
    const { page, errors } = await cdnPage('sri', fromCdn(hash));
    const login = page.locator('jwt-login');
    await signInAsDemo(login);
    await login.locator('[part="session"]').filter({ hasText: 'Dana Demo' }).waitFor();
    check(errors.length === 0, `console errors: ${errors.join('\n')}`);
    await page.close();
  });

  await step('Chromium: the same snippet with a hash of other bytes is blocked', async () => {
    const { page, errors } = await cdnPage('tampered', fromCdn(`sha384-${Buffer.alloc(48, 7).toString('base64')}`));
    await page.waitForLoadState('load');
    check(!(await defined(page)), '<jwt-login> was defined: the integrity check did not block the script');
    check(errors.some((error) => /integrity/i.test(error)), `no integrity error in the console: ${errors.join('\n')}`);
    await page.close();
  });

  await step("Chromium: the split build's entry with dist/cdn/integrity.json's hash runs (its chunks load without SRI)", async () => {
    const hash = readIntegrity(installed, 'dist/cdn')['jwt-login.js'];
    const src = `/npm/${PACKAGE_NAME}@${version}/dist/cdn/jwt-login.js`;
    const { page, errors } = await cdnPage('split', `<script type="module" src="${src}" integrity="${hash}" crossorigin="anonymous"></script>`);
    const login = page.locator('jwt-login');
    await signInAsDemo(login);
    await login.locator('[part="session"]').filter({ hasText: 'Dana Demo' }).waitFor();
    check(errors.length === 0, `console errors: ${errors.join('\n')}`);
    await page.close();
  });
} finally {
  await browser?.close();
  await Promise.all(servers.map((server) => server.close()));
  await auth?.close();
}

const failed = results.filter((result) => !result.ok).length;
console.log(`\n${results.map((result) => `${result.ok ? 'ok  ' : 'FAIL'} ${(result.ms / 1000).toFixed(1).padStart(6)} s  ${result.name}`).join('\n')}`);
console.log(`total ${((Date.now() - startedAt) / 1000).toFixed(0)} s`);
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
