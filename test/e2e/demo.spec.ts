import { expect, test, type Page } from '@playwright/test';

const demoUrl = () => process.env.DEMO_URL!;

function widget(page: Page, preset: string) {
  return page.locator(`jwt-login[data-demo="${preset}"]`);
}

const presets = [
  { preset: 'wunder', identifier: /e-?mail/i, user: 'demo@example.com', password: 'demo-password', who: 'Dana Demo' },
  { preset: 'datarhei', identifier: /user ?name/i, user: 'admin', password: 'datarhei', who: 'admin' },
  { preset: 'auth-login', identifier: /user ?name/i, user: 'demo', password: 'demo-password', who: 'demo' },
];

test.describe('demo page', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(demoUrl());
    await expect(page.getByRole('status')).toContainText('Stand-in auth server');
  });

  for (const { preset, identifier, user, password, who } of presets) {
    test(`signs in with ${preset} and shows the session and the login event`, async ({ page }) => {
      const login = widget(page, preset);
      await login.getByLabel(identifier).fill(user);
      await login.getByLabel(/password/i).fill(password);
      await login.getByRole('button', { name: /sign in/i }).click();
      await expect(login.locator('[part="session"]')).toContainText(who);
      await expect(page.locator('#events li[data-event="login"]')).toContainText(`[${preset}]`);
    });
  }

  test('shows a wrong password as an alert and keeps the user name', async ({ page }) => {
    const login = widget(page, 'datarhei');
    await login.getByLabel(/user ?name/i).fill('admin');
    await login.getByLabel(/password/i).fill('not-the-password');
    await login.getByRole('button', { name: /sign in/i }).click();
    await expect(login.getByRole('alert')).toContainText(/not accepted/);
    await expect(login.getByLabel(/user ?name/i)).toHaveValue('admin');
    await expect(page.locator('#events li[data-event="login-error"]')).toContainText('bad-credentials');
  });

  test('signs in and out by keyboard alone', async ({ page }) => {
    const login = widget(page, 'wunder');
    await login.getByLabel(/e-?mail/i).focus();
    await page.keyboard.type('demo@example.com');
    await page.keyboard.press('Tab');
    await page.keyboard.type('demo-password');
    await page.keyboard.press('Enter');
    const heading = login.getByRole('heading', { name: /signed in/i });
    await expect(heading).toBeFocused();
    const signOut = login.getByRole('button', { name: /sign out/i });
    for (let presses = 0; presses < 8 && !(await signOut.evaluate((button) => button.matches(':focus'))); presses += 1) {
      await page.keyboard.press('Tab');
    }
    await expect(signOut).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(login.getByLabel(/e-?mail/i)).toBeVisible();
    await expect(page.locator('#events li[data-event="logout"]').first()).toContainText('"reason":"user"');
  });
});
