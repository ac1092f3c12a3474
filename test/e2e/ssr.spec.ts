import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { buildFixtureApp, installFixtureApp, serveFolder, wunderApi } from '../packaging/fixture-app.js';
import { run } from '../packaging/package-build.js';
import { DEMO_EMAIL, DEMO_PASSWORD, signInAsDemo } from './helpers/bundle-page.js';
import { collectPageErrors } from './helpers/page-errors.js';
import type { LocalServer } from '../helpers/local-server.js';

// test/fixtures/ssr: <jwt-login> rendered on the server with @lit-labs/ssr (render.js) into the
// page of a Vite app whose script (main.js) loads Lit's hydration support and the npm build.
let app: LocalServer;

test.beforeAll(async () => {
  // The npm build and the app's Vite build, on a shared two-core machine.
  test.setTimeout(120_000);
  const [server, outDir] = await Promise.all([installFixtureApp('ssr'), buildFixtureApp('ssr')]);
  const template = readFileSync(join(outDir, 'index.html'), 'utf8');
  // The app's page with the widget rendered into it, in English (index.html) and German (de.html).
  const renderPage = async (lang: string, file: string) => {
    const rendered = await run(process.execPath, ['render.js', wunderApi(), 'wunder', 'acme', lang], server);
    if (rendered.code !== 0) throw new Error(`render.js failed:\n${rendered.stderr}`);
    const page = template.replace('<html lang="en">', `<html lang="${lang}">`).replace('<!--ssr-outlet-->', rendered.stdout);
    writeFileSync(join(outDir, file), page);
  };
  await Promise.all([renderPage('en', 'index.html'), renderPage('de', 'de.html')]);
  app = await serveFolder(outDir);
});

/** Opens a page with the app's scripts held back; returns the function that lets them load. */
async function openBeforeScripts(page: Page, path = ''): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  await page.goto(`${app.url}${path}`, { waitUntil: 'commit' });
  return release;
}

/** Marks the server's `input` with an expando: still there after hydration means the same node, not a new render. */
const markServerNode = (input: Locator) => input.evaluate((node) => Object.assign(node, { renderedOnServer: true }));
const isServerNode = (input: Locator) => input.evaluate((node) => (node as HTMLElement & { renderedOnServer?: boolean }).renderedOnServer === true);

/** Waits until `<jwt-login>` is defined and its first update (the hydration) is done. */
async function hydrated(page: Page, login: Locator): Promise<void> {
  await page.waitForFunction(() => customElements.get('jwt-login') !== undefined);
  const updated = await login.evaluate(async (element: HTMLElement & { updateComplete?: Promise<boolean>; hasUpdated?: boolean }) => {
    await element.updateComplete;
    return element.hasUpdated;
  });
  expect(updated).toBe(true);
}

test.afterAll(() => app?.close());

// Whatever Lit's hydration throws (a mismatch is an error) or the page logs as an error or warning fails the test.
let pageErrors: string[];
test.beforeEach(({ page }) => {
  pageErrors = collectPageErrors(page, { warnings: true });
});
test.afterEach(() => expect(pageErrors).toEqual([]));

test('the server-rendered form shows without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(app.url);
  const login = page.locator('jwt-login');
  await expect(login.getByRole('tab')).toHaveCount(4);
  await expect(login.getByLabel(/e-?mail/i)).toBeVisible();
  await expect(login.getByLabel(/password/i)).toBeVisible();
  await expect(login.getByRole('button', { name: /sign in/i })).toBeVisible();
  await context.close();
});

test('the element hydrates the server-rendered form, keeps what was typed before, and signs in', async ({ page }) => {
  const release = await openBeforeScripts(page);
  const login = page.locator('jwt-login');
  const email = login.getByLabel(/e-?mail/i);
  await email.fill(DEMO_EMAIL);
  expect(await page.evaluate(() => customElements.get('jwt-login'))).toBeUndefined();
  await markServerNode(email);

  release();
  await hydrated(page, login);
  expect(await isServerNode(email)).toBe(true);
  await expect(email).toHaveValue(DEMO_EMAIL);

  await signInAsDemo(login);
  await expect(login.locator('[part="session"]')).toContainText('Dana Demo');
  await expect(page.locator('body')).toHaveAttribute('data-signed-in', 'password');
});

test('a German page hydrates its German server render once the German texts have loaded', async ({ page }) => {
  const release = await openBeforeScripts(page, 'de.html');
  const login = page.locator('jwt-login');
  const submit = login.getByRole('button', { name: 'Anmelden' });
  await expect(submit).toBeVisible();
  await markServerNode(submit);

  release();
  await hydrated(page, login);
  expect(await isServerNode(submit)).toBe(true);
  await login.getByLabel('E-Mail').fill(DEMO_EMAIL);
  await login.getByLabel('Passwort', { exact: true }).fill(DEMO_PASSWORD);
  await submit.click();
  await expect(login.locator('[part="session"]')).toContainText('Dana Demo');
});
