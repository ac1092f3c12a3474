import { expect, test, type Locator, type Page } from '@playwright/test';

/** Presses Tab until `target` has focus (a reader moving through the page), at most `limit` times. */
async function tabTo(page: Page, target: Locator, limit = 25): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    if (await target.evaluate((node) => node.matches(':focus'))) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

test.describe('keyboard alone', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(process.env.DEMO_URL!);
    await expect(page.getByRole('status').first()).toContainText('Stand-in auth server');
  });

  test('completes the phone OTP flow: tabs, number, code, sign-out', async ({ page }) => {
    const login = page.locator('jwt-login[data-demo="wunder"]');
    await tabTo(page, login.getByRole('tab', { name: 'Password' }));
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(login.getByRole('tab', { name: 'Phone' })).toBeFocused();
    await expect(login.getByRole('tab', { name: 'Phone' })).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Tab');
    const phone = `+43664${Math.floor(Math.random() * 1e7).toString().padStart(7, '0')}`;
    await expect(login.getByLabel(/phone/i)).toBeFocused();
    await page.keyboard.type(phone);
    await page.keyboard.press('Enter');
    await expect(login.getByLabel(/code/i)).toBeFocused();
    const code = (await page.locator('#outbox li', { hasText: phone }).first().locator('.otp-code').textContent())!;
    await page.keyboard.type(code);
    await page.keyboard.press('Enter');
    await expect(login.getByRole('heading', { name: /signed in/i })).toBeFocused();
    await tabTo(page, login.getByRole('button', { name: /sign out/i }));
    await page.keyboard.press('Enter');
    await expect(login.getByRole('tab', { name: 'Password' })).toBeVisible();
  });

  test('completes the API key flow and reaches the copy buttons', async ({ page }) => {
    const login = page.locator('jwt-login[data-demo="wunder"]');
    await tabTo(page, login.getByRole('tab', { name: 'Password' }));
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect(login.getByRole('tab', { name: 'API key' })).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.type('demo-client');
    await page.keyboard.press('Tab');
    await page.keyboard.type('demo-client-key');
    await page.keyboard.press('Enter');
    await expect(login.getByRole('heading', { name: /signed in/i })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(login.getByRole('button', { name: /copy access token/i })).toBeFocused();
  });
});
