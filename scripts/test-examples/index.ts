/**
 * `npm run test:examples`: each docs-framework example under examples/ built by its own
 * toolchain and signed in to in Chromium (not part of `npm test`: minutes per example).
 *
 * For each example: its pinned toolchain is installed once into
 * `${XDG_CACHE_HOME:-~/.cache}/jwt-login-widget/examples/<name>-<hash of the pins>/`; the
 * example's files are copied there, the package is installed as its README says
 * (`npm install <the packed tarball>`, built from the current source) and `npm run build`
 * runs with the stand-in's origin. The static output is served on an origin of its own and
 * in Chromium a reader signs in, then the explorer's Try-it must carry `Authorization:
 * Bearer <token>`, the new token after the widget's own refresh (a 10-second access token),
 * a valid token in an explorer that appears after a client-side navigation (where the
 * example names one), and no valid token after sign-out. Prints a line per example and step with its time, and
 * exits 1 when something fails.
 *
 *   npm run test:examples
 *   npm run test:examples -- --only vitepress
 *
 * Logs and screenshots (signed in, and at the end): ${XDG_CACHE_HOME:-~/.cache}/jwt-login-widget/examples/logs/.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { expect } from '@playwright/test';
import { chromium, type Browser, type Page } from 'playwright';
import { chromiumLaunchOptions } from '../browser.mjs';
import { startAuthServer, type AuthServer } from '../../demo/server/index.js';
import type { LoggedRequest } from '../../demo/server/request-log.js';
import { wunderOpenApiDocument } from '../../demo/server/wunder-docs.js';
import { signInAsDemo } from '../../test/e2e/helpers/bundle-page.js';
import { PROTECTED_PATH, tryIt as tryExplorer } from '../../test/e2e/helpers/explorer-drivers.js';
import { cacheRoot, ensureInstalled, pinnedFolder } from '../test-servers/cache.js';
import { runToEnd } from '../test-servers/process.js';
import { EXAMPLES, exampleFolder, toolchainSpec, type Example } from './examples.js';
import { serveStaticSite } from './static-site.js';
import { packWidget } from './tarball.js';

const { values: options } = parseArgs({ options: { only: { type: 'string', multiple: true } } });

const ACCESS_TTL_SECONDS = 10;
const API_PATH = '/wunder/v1/acme';
const logDir = join(cacheRoot('examples'), 'logs');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** Runs one step, prints its time, throws with the log's name when it fails. */
async function step<T>(example: Example, name: string, action: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    const result = await action();
    console.log(`  ${example.name}: ${name} ${seconds(started)}`);
    return result;
  } catch (error) {
    console.log(`  ${example.name}: ${name} FAILED after ${seconds(started)}`);
    throw error;
  }
}

async function npmIn(folder: string, args: string[], logName: string, env: NodeJS.ProcessEnv = {}): Promise<void> {
  const logFile = join(logDir, logName);
  writeFileSync(logFile, '');
  const code = await runToEnd(npm, args, { cwd: folder, env: { ...process.env, npm_config_update_notifier: 'false', ...env }, logFile });
  if (code !== 0) throw new Error(`npm ${args.join(' ')} failed (exit ${code}); see ${logFile}`);
}

/** The call as the stand-in received it from the example's explorer's Try-it; a built docs site may take 15 s to send it. */
const tryIt = (
  page: Page,
  example: Example,
  auth: AuthServer,
  { send, path }: { send(page: Page): Promise<void>; path: string } = { send: example.send, path: PROTECTED_PATH },
): Promise<LoggedRequest> => tryExplorer(page, { name: example.explorer, send }, auth, { path, timeout: 15_000 });

const accessToken = (page: Page) =>
  page.locator('jwt-login').evaluate((login) => (login as HTMLElement & { session: { accessToken: string } | null }).session?.accessToken);

/** Waits for the widget's own scheduled refresh; resolves with the new access token. */
const nextRefresh = (page: Page) =>
  page.locator('jwt-login').evaluate(
    (login) =>
      new Promise<string>((resolve) =>
        login.addEventListener('token-refresh', (event) => resolve((event as CustomEvent<{ accessToken: string }>).detail.accessToken), { once: true }),
      ),
  );

/** Any JWT in a header: what no Try-it may carry after sign-out. */
const JWT = /ey[\w-]+\.[\w-]+\./;

/**
 * Signed in on the API page, then signed out in a page load without an explorer (the session
 * restored there, persist="session"): the explorer kept the token in storage for the next page
 * load, and `connect` must take it from there although no explorer was connected to clear it.
 */
async function checkSignOutWithoutExplorer(page: Page, example: Example, siteUrl: string, auth: AuthServer): Promise<void> {
  const login = page.locator('jwt-login');
  await page.goto(`${siteUrl}${example.page}`);
  await example.ready(page);
  await signInAsDemo(login);
  await expect(login.locator('[part="session"]')).toBeVisible();
  const signedIn = await tryIt(page, example, auth);
  expect(signedIn.authorization, 'Try-it before the page load without an explorer').toMatch(JWT);
  await page.goto(`${siteUrl}${example.withoutExplorer}`);
  await expect(login.locator('[part="session"]'), 'the session restored on the page without an explorer').toBeVisible();
  await login.getByRole('button', { name: /sign out/i }).click();
  await expect(login.locator('[part="session"]')).toHaveCount(0);
  await page.goto(`${siteUrl}${example.page}`);
  await example.ready(page);
  const later = await tryIt(page, example, auth);
  expect(later.authorization ?? '', 'Try-it in the page load after signing out elsewhere').not.toMatch(JWT);
  expect(later.status).toBe(401);
}

/** Sign-in, Try-it with the token, with the refreshed token, after a navigation, and without after sign-out. */
async function checkInBrowser(browser: Browser, example: Example, siteUrl: string, auth: AuthServer): Promise<void> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    await page.goto(`${siteUrl}${example.page}`);
    await example.ready(page);
    const login = page.locator('jwt-login');
    await signInAsDemo(login);
    await expect(login.locator('[part="session"]')).toBeVisible();
    const first = await accessToken(page);
    const signedIn = await tryIt(page, example, auth);
    expect(signedIn.authorization, 'Try-it after sign-in').toBe(`Bearer ${first}`);
    expect(signedIn.status).toBe(200);
    await page.screenshot({ path: join(logDir, `${example.name}-signed-in.png`) });

    const renewed = await nextRefresh(page);
    expect(renewed).not.toBe(first);
    const refreshed = await tryIt(page, example, auth);
    expect(refreshed.authorization, 'Try-it after the refresh').toBe(`Bearer ${renewed}`);
    expect(refreshed.status).toBe(200);

    let signOutTryIt = { send: example.send, path: PROTECTED_PATH };
    if (example.navigated) {
      // The widget keeps its session; the new explorer is found and given the token of now
      // (a refresh may have come in between: a valid token is what the stand-in answers 200 to).
      const { open, send, path } = example.navigated;
      await open(page);
      signOutTryIt = { send, path: `${API_PATH}${path}` };
      const navigated = await tryIt(page, example, auth, signOutTryIt);
      expect(navigated.authorization, `Try-it after the navigation to ${example.navigated.to}`).toMatch(/^Bearer ey/);
      expect(navigated.status).toBe(200);
    }

    await login.getByRole('button', { name: /sign out/i }).click();
    const signedOut = await tryIt(page, example, auth, signOutTryIt);
    expect(signedOut.authorization ?? '', 'Try-it after sign-out').not.toContain(renewed);
    expect(signedOut.status).toBe(401);

    if (example.withoutExplorer !== undefined) await checkSignOutWithoutExplorer(page, example, siteUrl, auth);
    expect(errors, 'uncaught errors on the page').toEqual([]);
  } finally {
    await page.screenshot({ path: join(logDir, `${example.name}.png`) }).catch(() => undefined);
    await context.close();
  }
}

async function runExample(example: Example, tarball: string, auth: AuthServer, browser: Browser): Promise<void> {
  const spec = toolchainSpec(example);
  const folder = pinnedFolder('examples', spec);
  const install = await step(example, `toolchain (${example.main} ${spec.version})`, () => ensureInstalled(spec, (line) => console.log(`  ${line}`), folder));
  console.log(`  ${example.name}: toolchain was ${install.fresh ? `installed cold in ${install.seconds} s` : 'cached'} (${folder})`);
  cpSync(exampleFolder(example), folder, { recursive: true, filter: (source) => !/\/(node_modules|build|dist|\.docusaurus|\.astro|cache)$/.test(source) });
  writeFileSync(join(folder, example.openApiFile), `${JSON.stringify(wunderOpenApiDocument(`${auth.url}/wunder/v1/acme`), null, 2)}\n`);
  await step(example, 'npm install <tarball>', () => npmIn(folder, ['install', '--no-audit', '--no-fund', tarball], `${example.name}-install.log`));
  await step(example, 'npm run build', () => npmIn(folder, ['run', 'build'], `${example.name}-build.log`, { [example.apiOriginVariable]: auth.url }));
  const site = await serveStaticSite(join(folder, example.output));
  try {
    const steps =
      `token, refreshed token, ${example.navigated ? 'token after a navigation, ' : ''}none after sign-out` +
      (example.withoutExplorer !== undefined ? ', none after a sign-out in a page load without it' : '');
    await step(example, `sign in, Try-it in ${example.explorer} (${steps})`, () =>
      checkInBrowser(browser, example, site.url, auth),
    );
  } finally {
    await site.close();
  }
}

const selected = EXAMPLES.filter((example) => !options.only || options.only.includes(example.name));
mkdirSync(logDir, { recursive: true });
const started = Date.now();
const tarball = await packWidget();
console.log(`packed ${tarball} in ${seconds(started)}`);
const auth = await startAuthServer({ port: 0, accessTtl: ACCESS_TTL_SECONDS });
const browser = await chromium.launch(chromiumLaunchOptions());
const results: { name: string; ok: boolean; time: string; error?: string }[] = [];
try {
  for (const example of selected) {
    const exampleStarted = Date.now();
    try {
      await runExample(example, tarball, auth, browser);
      results.push({ name: example.name, ok: true, time: seconds(exampleStarted) });
    } catch (error) {
      results.push({ name: example.name, ok: false, time: seconds(exampleStarted), error: error instanceof Error ? error.message : String(error) });
    }
  }
} finally {
  await browser.close();
  await auth.close();
}
for (const result of results) {
  console.log(`${result.ok ? 'ok  ' : 'FAIL'} ${result.name} (${result.time})${result.error ? `\n     ${result.error.split('\n').join('\n     ')}` : ''}`);
}
console.log(`${results.filter((result) => result.ok).length} of ${results.length} examples passed in ${seconds(started)}`);
process.exit(results.length > 0 && results.every((result) => result.ok) ? 0 : 1);
