import { expect, test } from '@playwright/test';
import { buildFixtureApp, serveFolder, wunderApi } from '../packaging/fixture-app.js';
import { signInAsDemo } from './helpers/bundle-page.js';
import type { LocalServer } from '../helpers/local-server.js';

// test/fixtures/vite-app: an app that imports `jwt-login-widget/define.js` from the npm build.
let app: LocalServer;
const appUrl = (params: Record<string, string> = {}) => `${app.url}?${new URLSearchParams({ api: wunderApi(), ...params })}`;

test.beforeAll(async () => {
  // The npm build and the app's Vite build, on a shared two-core machine.
  test.setTimeout(120_000);
  app = await serveFolder(await buildFixtureApp('vite-app'));
});

test.afterAll(() => app?.close());

test('a Vite app bundling the npm package signs in and receives the login event', async ({ page }) => {
  await page.goto(appUrl());
  const login = page.locator('jwt-login');
  await signInAsDemo(login);
  await expect(login.locator('[part="session"]')).toContainText('Dana Demo');
  await expect(page.locator('#token')).toHaveText(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  const session = await login.evaluate((element) => (element as HTMLElement & { session: { accessToken: string } }).session.accessToken);
  await expect(page.locator('#token')).toHaveText(session);
});

test("the npm build's translations load on demand from the app's own chunks", async ({ page }) => {
  await page.goto(appUrl({ lang: 'de' }));
  await expect(page.locator('jwt-login').getByRole('button', { name: 'Anmelden' })).toBeVisible();
});
