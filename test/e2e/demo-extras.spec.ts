import { expect, test, type Page } from '@playwright/test';

// The demo's language switch and its "bring your own API" card.
const widget = (page: Page, id: string) => page.locator(`jwt-login[data-demo="${id}"]`);

test.beforeEach(async ({ page }) => {
  await page.goto(process.env.DEMO_URL!);
  await expect(page.getByRole('status')).toContainText('Stand-in auth server');
});

test.describe('language switch', () => {
  test('sets lang on every widget, which re-render in place and keep what was typed', async ({ page }) => {
    const wunder = widget(page, 'wunder');
    await wunder.getByLabel(/e-?mail/i).fill('demo@example.com');
    await page.getByLabel('Widget language').selectOption('de');
    await expect(wunder.getByRole('button', { name: 'Anmelden' })).toBeVisible();
    await expect(widget(page, 'datarhei').getByRole('button', { name: 'Anmelden' })).toBeVisible();
    await expect(widget(page, 'byo-api')).toHaveAttribute('lang', 'de');
    await expect(wunder.getByLabel(/e-?mail/i)).toHaveValue('demo@example.com');

    await page.getByLabel('Widget language').selectOption('ar');
    await expect(wunder.locator('[part="base"]')).toHaveAttribute('dir', 'rtl');

    await page.getByLabel('Widget language').selectOption('');
    await expect(wunder).not.toHaveAttribute('lang', /.*/);
    await expect(wunder.getByRole('button', { name: /sign in/i })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });
});

test.describe('bring your own API', () => {
  test('signs in against the stand-in with the example configuration', async ({ page }) => {
    const login = widget(page, 'byo-api');
    await login.getByLabel(/e-?mail/i).fill('grace@example.com');
    await login.getByLabel(/password/i).fill('cobol-1959');
    await login.getByRole('button', { name: /sign in/i }).click();
    await expect(login.locator('[part="session"]')).toContainText('Grace Hopper');
    await expect(page.locator('#events li[data-event="login"]')).toContainText('[byo-api]');
  });

  test('follows a pasted configuration live, and shows the widget’s own config error', async ({ page }) => {
    const login = widget(page, 'byo-api');
    const config = page.getByLabel('Configuration (JSON)');
    await config.fill('{ "methods": { "password": { "submit": { "bdy": {} } } } }');
    await expect(login.getByRole('alert')).toContainText('endpoints.methods.password.submit.bdy is not a known key');
    await expect(page.locator('#events li[data-event="login-error"]').first()).toContainText('config-error');

    await page.getByLabel('Example').selectOption({ label: 'API key, no refresh' });
    await expect(config).toHaveValue(/keys\/sign-in/);
    await login.getByLabel(/client id/i).fill('docs-key');
    await login.getByLabel(/client key/i).fill('docs-key-secret');
    await login.getByRole('button', { name: /sign in/i }).click();
    await expect(login.locator('[part="session"]')).toBeVisible();
  });

  test('says when the text is not JSON and keeps the widget on the last configuration that parsed', async ({ page }) => {
    const login = widget(page, 'byo-api');
    await page.getByLabel('Configuration (JSON)').fill('{ "methods": ');
    await expect(page.locator('#byo-problem')).toContainText('Not JSON yet');
    await expect(page.getByLabel('Configuration (JSON)')).toHaveAttribute('aria-invalid', 'true');
    await expect(login.getByLabel(/password/i)).toBeVisible();
  });

  test('takes the base URL and the preset from its inputs', async ({ page }) => {
    const login = widget(page, 'byo-api');
    await page.getByLabel('base-url').fill('');
    await expect(login.getByRole('alert')).toContainText('base-url');
    await page.getByLabel('Configuration (JSON)').fill('');
    await page.getByLabel('preset', { exact: true }).selectOption('datarhei');
    await page.getByLabel('base-url').fill(new URL('/datarhei', process.env.AUTH_SERVER_URL).href);
    await expect(login.getByLabel(/user ?name/i)).toBeVisible();
  });
});
