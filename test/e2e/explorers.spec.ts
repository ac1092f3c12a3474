import { expect, test, type Page } from '@playwright/test';
import { startAuthServer, type AuthServer } from '../../demo/server/index.js';
import { violations } from './helpers/axe.js';
import { serveDocsSite } from './helpers/docs-site.js';
import { EXPLORERS, tryIt, type ExplorerDriver } from './helpers/explorer-drivers.js';
import type { LocalServer } from '../helpers/local-server.js';
import { signInAsDemo } from './helpers/bundle-page.js';

// Each explorer as its npm package ships it, on a static docs page (demo/docs) with only the
// bundle and the explorer's own files; the stand-in is this worker's own, so the test reads
// the exact Authorization header it received.
let auth: AuthServer;
let site: LocalServer;

test.beforeAll(async () => {
  auth = await startAuthServer({ port: 0 });
  site = await serveDocsSite(auth.url);
});

test.afterAll(async () => {
  await site?.close();
  await auth?.close();
});


async function openDocs(page: Page, explorer: ExplorerDriver, { connected = true } = {}) {
  await page.goto(`${site.url}docs/${explorer.page}`);
  await page.waitForFunction(() => 'docsBridge' in window);
  await explorer.ready(page);
  if (!connected) await page.getByLabel(/hand the token to/i).uncheck();
}

async function signIn(page: Page): Promise<string> {
  const login = page.locator('jwt-login');
  await signInAsDemo(login);
  await expect(login.locator('[part="session"]')).toBeVisible();
  return currentToken(page);
}

const currentToken = (page: Page) =>
  page.locator('jwt-login').evaluate((login) => (login as HTMLElement & { session: { accessToken: string } }).session.accessToken);

const refresh = (page: Page) =>
  page.locator('jwt-login').evaluate(async (login) => {
    const tokens = await (login as HTMLElement & { refreshTokens(): Promise<{ accessToken: string }> }).refreshTokens();
    return tokens.accessToken;
  });

const signOut = (page: Page) => page.locator('jwt-login').getByRole('button', { name: /sign out/i }).click();

const setBridge = (page: Page, connected: boolean) =>
  page.evaluate((on) => (window as unknown as { docsBridge: Record<string, () => void> }).docsBridge[on ? 'connect' : 'disconnect']!(), connected);


for (const explorer of EXPLORERS) {
  test.describe(explorer.name, () => {
    test('a Try-it request carries the signed-in token and is answered 200', async ({ page }) => {
      await openDocs(page, explorer);
      const token = await signIn(page);
      const received = await tryIt(page, explorer, auth);
      expect(received.authorization).toBe(`Bearer ${token}`);
      expect(received.status).toBe(200);
    });

    test('after a refresh the next Try-it request carries the new token', async ({ page }) => {
      await openDocs(page, explorer);
      const first = await signIn(page);
      await tryIt(page, explorer, auth);
      const renewed = await refresh(page);
      expect(renewed).not.toBe(first);
      const received = await tryIt(page, explorer, auth);
      expect(received.authorization).toBe(`Bearer ${renewed}`);
      expect(received.status).toBe(200);
    });

    test('after sign-out Try-it carries no valid token', async ({ page }) => {
      await openDocs(page, explorer);
      const token = await signIn(page);
      await tryIt(page, explorer, auth);
      await signOut(page);
      const received = await tryIt(page, explorer, auth);
      expect(received.authorization ?? '').not.toContain(token);
      expect(received.status).toBe(401);
    });

    test('connecting when already signed in applies the token at once', async ({ page }) => {
      await openDocs(page, explorer, { connected: false });
      const token = await signIn(page);
      await setBridge(page, true);
      const received = await tryIt(page, explorer, auth);
      expect(received.authorization).toBe(`Bearer ${token}`);
      expect(received.status).toBe(200);
    });

    test('after disconnect a refresh and a sign-out leave the explorer alone', async ({ page }) => {
      await openDocs(page, explorer);
      await signIn(page);
      await tryIt(page, explorer, auth);
      await setBridge(page, false);
      const left = (await tryIt(page, explorer, auth)).authorization;
      await refresh(page);
      expect((await tryIt(page, explorer, auth)).authorization).toBe(left);
      await signOut(page);
      expect((await tryIt(page, explorer, auth)).authorization).toBe(left);
    });
  });
}

test.describe('Stoplight Elements, whose Try-it has no credentials API', () => {
  const stoplight = EXPLORERS.find((explorer) => explorer.page === 'stoplight-elements.html')!;

  test('the token reaches only the API: no storage but the widget\'s own, fetch restored on disconnect', async ({ page }) => {
    await openDocs(page, stoplight);
    const token = await signIn(page);
    await tryIt(page, stoplight, auth);
    const stored = await page.evaluate(() =>
      [localStorage, sessionStorage].flatMap((storage) => Object.keys(storage).map((key) => [key, storage.getItem(key) ?? ''])),
    );
    // The page chose persist="session": the widget's own key is the only place the token is.
    expect(stored.filter(([, value]) => value.includes(token)).map(([key]) => key)).toEqual([
      expect.stringMatching(/^jwt-login:v1:/),
    ]);
    expect(await page.evaluate(() => window.fetch.toString())).not.toContain('[native code]');
    await setBridge(page, false);
    expect(await page.evaluate(() => window.fetch.toString())).toContain('[native code]');
  });

  test('a request to another origin from the page carries no token', async ({ page }) => {
    await openDocs(page, stoplight);
    await signIn(page);
    const elsewhere = `${site.url}elsewhere`;
    const sent = page.waitForRequest(elsewhere);
    await page.evaluate((url) => fetch(url, { headers: { Authorization: 'Bearer 123' } }).catch(() => undefined), elsewhere);
    expect((await sent).headers().authorization).toBe('Bearer 123');
  });
});

test("a docs page's own header and sign-in section have no WCAG violations, signed out or in", async ({ page }) => {
  const swaggerUI = EXPLORERS.find((explorer) => explorer.page === 'swagger-ui.html')!;
  await openDocs(page, swaggerUI);
  // The explorer below is its vendor's; the page's own parts and the widget are ours.
  const ours = ['.docs-header', '.sign-in'];
  expect(await violations(page, ours)).toEqual([]);
  await signIn(page);
  expect(await violations(page, ours)).toEqual([]);
});
