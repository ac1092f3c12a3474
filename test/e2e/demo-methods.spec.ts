import { expect, test } from '@playwright/test';

test.describe('demo page, every method', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(process.env.DEMO_URL!);
    await expect(page.getByRole('status').first()).toContainText('Stand-in auth server');
  });

  test('completes a signed phone OTP sign-in with the code from the page’s outbox', async ({ page }) => {
    const login = page.locator('jwt-login[data-demo="wunder-signed"]');
    await login.getByLabel(/^tenant$/i).fill('acme');
    await login.getByLabel(/phone/i).fill('+43 664 765 4321');
    await login.getByRole('button', { name: /send code/i }).click();
    await expect(login.getByLabel(/code/i)).toBeFocused();
    const message = page.locator('#outbox li', { hasText: '+436647654321' }).first();
    const code = (await message.locator('.otp-code').textContent())!;
    await page.keyboard.type(code);
    await page.keyboard.press('Enter');
    await expect(login.locator('[part="session"]')).toBeVisible();
    await expect(page.locator('#events li[data-event="otp-sent"]').first()).toContainText('+436647654321');
  });

  test('signs an API client in from the API key tab', async ({ page }) => {
    const login = page.locator('jwt-login[data-demo="wunder"]');
    await login.getByRole('tab', { name: /api key/i }).click();
    await login.getByLabel(/client id/i).fill('demo-client');
    await login.getByLabel(/client key/i).fill('demo-client-key');
    await login.getByRole('button', { name: /sign in/i }).click();
    await expect(login.locator('[part="session"]')).toContainText('Demo API client');
  });

  test('signs in to datarhei with the simulated Auth0 login', async ({ page }) => {
    await page.getByRole('button', { name: /auth0/i }).click();
    await expect(page.locator('jwt-login[data-demo="datarhei"]').locator('[part="session"]')).toContainText('auth0|demo-reader');
  });

  test('signs in to an API that is no preset, wired with endpoints and headers', async ({ page }) => {
    const login = page.locator('jwt-login[data-demo="example-id"]');
    await login.getByLabel(/user ?name/i).fill('ada');
    await login.getByLabel(/password/i).fill('lovelace-1815');
    await login.getByRole('button', { name: /sign in/i }).click();
    await expect(login.locator('[part="session"]')).toContainText('Ada Lovelace');
  });

  test('signs in, refreshes by cookie and signs out with an API configured in JSON alone', async ({ page }) => {
    const login = page.locator('jwt-login[data-demo="generic-session"]');
    await login.getByLabel(/e-?mail/i).fill('grace@example.com');
    await login.getByLabel(/password/i).fill('cobol-1959');
    await login.getByRole('button', { name: /sign in/i }).click();
    await expect(login.locator('[part="session"]')).toContainText('Grace Hopper');
    const first = await login.evaluate((element: HTMLElement & { session: { accessToken: string } | null }) => element.session!.accessToken);
    await page.waitForTimeout(1100); // the next token has another iat
    const refreshed = await login.evaluate(async (element: HTMLElement & { refreshTokens(): Promise<{ accessToken: string }> }) =>
      (await element.refreshTokens()).accessToken,
    );
    expect(refreshed).not.toBe(first);
    const cookies = await page.context().cookies();
    expect(cookies.find((cookie) => cookie.name === 'generic_refresh')?.httpOnly).toBe(true);
    await login.getByRole('button', { name: /sign out/i }).click();
    await expect(login.getByLabel(/e-?mail/i)).toBeVisible();
    await expect.poll(async () => (await page.context().cookies()).some((cookie) => cookie.name === 'generic_refresh')).toBe(false);
  });
});
