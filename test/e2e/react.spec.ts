import { expect, test, type Page } from '@playwright/test';
import { buildFixtureApp, serveFolder, wunderApi } from '../packaging/fixture-app.js';
import { signInAsDemo } from './helpers/bundle-page.js';
import { collectPageErrors } from './helpers/page-errors.js';
import type { LocalServer } from '../helpers/local-server.js';

// test/fixtures/react-app: a React 19 app using `jwt-login-widget/react`, or the bare tag in JSX.
let app: LocalServer;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  app = await serveFolder(await buildFixtureApp('react-app'));
});

test.afterAll(() => app?.close());

// Whatever React or the element throws or logs as an error fails the test.
let pageErrors: string[];
test.beforeEach(({ page }) => {
  pageErrors = collectPageErrors(page);
});
test.afterEach(() => expect(pageErrors).toEqual([]));

async function open(page: Page, mode: 'wrapper' | 'tag') {
  await page.goto(`${app.url}?${new URLSearchParams({ api: wunderApi(), mode })}`);
  await expect(page.locator('#react-version')).toHaveText(/^19\./);
  return page.locator('jwt-login');
}

const accessTokenOf = (login: ReturnType<Page['locator']>) =>
  login.evaluate((element) => (element as HTMLElement & { session: { accessToken: string } | null }).session?.accessToken);

test('the React wrapper signs in and hands the tokens to onLogin, and the sign-out to onLogout', async ({ page }) => {
  const login = await open(page, 'wrapper');
  await signInAsDemo(login);
  await expect(login.locator('[part="session"]')).toContainText('Dana Demo');
  await expect(page.locator('#token')).toHaveText(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  await expect(page.locator('#token')).toHaveText((await accessTokenOf(login))!);
  await login.locator('[part="sign-out"]').click();
  await expect(page.locator('#signed-out')).toHaveText('user');
});

test("<jwt-login> straight in React 19's JSX delivers its events to onlogin and onlogout", async ({ page }) => {
  const login = await open(page, 'tag');
  await signInAsDemo(login);
  await expect(page.locator('#token')).toHaveText(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  await expect(page.locator('#token')).toHaveText((await accessTokenOf(login))!);
  await login.locator('[part="sign-out"]').click();
  await expect(page.locator('#signed-out')).toHaveText('user');
});
