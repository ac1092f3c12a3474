import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { startDemo, type Demo } from '../../demo/demo-server.js';
import { signInAsDemo } from './helpers/bundle-page.js';

// A demo of its own with 5-second access tokens, to watch several lifetimes go by.
const LIFETIME_S = 5;
let demo: Demo;

test.beforeAll(async () => {
  demo = await startDemo({ port: 0, auth: { port: 0, accessTtl: LIFETIME_S } });
});
test.afterAll(() => demo.close());

async function openTabs(context: BrowserContext, count: number): Promise<Page[]> {
  const pages: Page[] = [];
  for (let index = 0; index < count; index += 1) {
    const page = await context.newPage();
    await page.goto(new URL('session.html', demo.url).href);
    await expect(page.locator('jwt-login')).toBeVisible();
    pages.push(page);
  }
  return pages;
}

async function signIn(page: Page): Promise<void> {
  const login = page.locator('jwt-login');
  await signInAsDemo(login);
  await expect(login.locator('[part="session"]')).toBeVisible();
}

function refreshBodies(): string[] {
  return demo.auth.requests
    .list()
    .filter((request) => request.method === 'POST' && request.path.endsWith('/auth/refresh'))
    .map((request) => request.body ?? '');
}

/** For a failure message: when each refresh came, and with which refresh token. */
function refreshLog(): string {
  return demo.auth.requests
    .list()
    .filter((request) => request.path.endsWith('/auth/refresh'))
    .map((request) => `${request.method} ${request.at} ${(request.body ?? '').slice(-12)}`)
    .join('\n');
}

for (const count of [1, 3, 10]) {
  test(`refreshes once per token lifetime with ${count} tab(s) open, never sending a refresh token twice`, async ({ context }) => {
    test.setTimeout(60_000);
    demo.auth.requests.clear();
    const pages = await openTabs(context, count);
    await signIn(pages[0]!);
    for (const page of pages) await expect(page.locator('jwt-login [part="session"]')).toBeVisible();
    const lifetimes = 4;
    await pages[0]!.waitForTimeout(LIFETIME_S * 1000 * lifetimes);
    const bodies = refreshBodies();
    console.log(`${count} tab(s): ${bodies.length} refreshes in ${lifetimes} lifetimes of ${LIFETIME_S} s`);
    // 65-85 % of each lifetime: 4 lifetimes hold 4 to 6 refreshes, never one per tab.
    expect(bodies.length).toBeGreaterThanOrEqual(lifetimes);
    expect(bodies.length).toBeLessThanOrEqual(Math.ceil(lifetimes / 0.65));
    expect(new Set(bodies).size, refreshLog()).toBe(bodies.length);
    // Every tab holds the same, current access token. A refresh may be on its way to the
    // other tabs (BroadcastChannel) at the moment of looking: they agree within moments.
    const accessTokens = () =>
      Promise.all(pages.map((page) => page.locator('jwt-login').evaluate((el) => (el as unknown as { session: { accessToken: string } }).session.accessToken)));
    await expect.poll(async () => new Set(await accessTokens()).size, { timeout: 2_000 }).toBe(1);
    await Promise.all(pages.map((page) => page.close()));
  });
}

test('a reload restores the signed-in view', async ({ context }) => {
  const [page] = await openTabs(context, 1);
  await signIn(page!);
  await page!.reload();
  await expect(page!.locator('jwt-login [part="session"]')).toBeVisible();
  await expect(page!.locator('#events li[data-event="login"]')).toHaveCount(1);
});

test('a sign-in and a sign-out in one tab show in every tab', async ({ context }) => {
  const pages = await openTabs(context, 3);
  await signIn(pages[1]!);
  for (const page of pages) await expect(page.locator('jwt-login [part="session"]')).toBeVisible();
  await pages[2]!.locator('jwt-login').getByRole('button', { name: /sign out/i }).click();
  for (const page of pages) {
    await expect(page.locator('jwt-login').getByLabel(/e-?mail/i)).toBeVisible();
    await expect(page.locator('#events li[data-event="logout"]').first()).toContainText('"reason":"user"');
  }
});
