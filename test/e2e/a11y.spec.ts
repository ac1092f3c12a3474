import { expect, test } from '@playwright/test';
import { violations } from './helpers/axe.js';

// axe over the whole demo page, shadow roots included.
for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`demo page in ${colorScheme}`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(process.env.DEMO_URL!);
      await expect(page.locator('jwt-login').first()).toBeVisible();
    });

    test('has no WCAG violations as it loads', async ({ page }) => {
      expect(await violations(page)).toEqual([]);
    });

    test('has no WCAG violations with field errors, a server error, the code step and a signed-in view', async ({ page }) => {
      const wunder = page.locator('jwt-login[data-demo="wunder"]');
      await wunder.getByRole('button', { name: /sign in/i }).click();
      const auth = page.locator('jwt-login[data-demo="auth-login"]');
      await auth.getByLabel(/user ?name/i).fill('unvalidated');
      await auth.getByLabel(/password/i).fill('demo-password');
      await auth.getByRole('button', { name: /sign in/i }).click();
      await expect(auth.getByRole('alert')).toBeVisible();
      const signed = page.locator('jwt-login[data-demo="wunder-signed"]');
      await signed.getByLabel(/^tenant$/i).fill('globex');
      await signed.getByLabel(/phone/i).fill(`+43664${Math.floor(Math.random() * 1e7).toString().padStart(7, '0')}`);
      await signed.getByRole('button', { name: /send code/i }).click();
      await expect(signed.getByLabel(/code/i)).toBeVisible();
      const example = page.locator('jwt-login[data-demo="example-id"]');
      await example.getByLabel(/user ?name/i).fill('ada');
      await example.getByLabel(/password/i).fill('lovelace-1815');
      await example.getByRole('button', { name: /sign in/i }).click();
      await expect(example.locator('[part="session"]')).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });
  });
}
