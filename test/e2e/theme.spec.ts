import { expect, test, type Page } from '@playwright/test';
import { violations } from './helpers/axe.js';

const themeUrl = () => `${process.env.DEMO_URL!}theme.html`;

const widget = (page: Page) => page.locator('jwt-login');
const submit = (page: Page) => widget(page).locator('[part="submit"]');
const cssBox = (page: Page) => page.getByRole('textbox', { name: 'CSS to copy' });

test.describe('theme playground', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(themeUrl());
    await expect(submit(page)).toBeVisible();
  });

  test('the primary colour control changes the submit button inside the widget', async ({ page }) => {
    await page.getByLabel('Primary', { exact: true }).fill('#c2185b');
    await expect(submit(page)).toHaveCSS('background-color', 'rgb(194, 24, 91)');
  });

  test('the CSS box shows the chosen primary colour, and Reset takes it out again', async ({ page }) => {
    await page.getByLabel('Primary', { exact: true }).fill('#c2185b');
    await expect(cssBox(page)).toHaveValue(/jwt-login \{\s*--jwt-login-color-primary: #c2185b;\s*\}/);
    await page.getByRole('button', { name: 'Reset Primary' }).click();
    await expect(cssBox(page)).not.toHaveValue(/--jwt-login-color-primary/);
    await expect(submit(page)).toHaveCSS('background-color', 'rgb(29, 78, 216)');
  });

  test('the range controls carry their units into the widget and the CSS', async ({ page }) => {
    await page.getByLabel('Corner radius', { exact: true }).fill('20');
    await expect(submit(page)).toHaveCSS('border-top-left-radius', '20px');
    await expect(cssBox(page)).toHaveValue(/--jwt-login-radius: 20px;/);
  });

  test('the Dark theme makes the widget dark', async ({ page }) => {
    await page.getByRole('button', { name: 'Dark' }).click();
    await expect(widget(page)).toHaveCSS('color-scheme', 'dark');
    await expect(widget(page)).toHaveCSS('background-color', 'rgb(30, 41, 59)');
    await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
    await expect(cssBox(page)).toHaveValue(/color-scheme: dark;/);
  });

  test('the Brand theme reshapes the submit button through ::part() and adds its rules to the CSS', async ({ page }) => {
    await expect(submit(page)).toHaveCSS('border-top-left-radius', '8px');
    await page.getByRole('button', { name: 'Brand' }).click();
    await expect(widget(page)).toHaveClass(/\bbrand\b/);
    await expect(submit(page)).toHaveCSS('border-top-left-radius', '999px');
    await expect(submit(page)).toHaveCSS('background-color', 'rgb(109, 40, 217)');
    await expect(cssBox(page)).toHaveValue(/jwt-login::part\(submit\) \{[^}]*border-radius: 999px;/);
    await expect(cssBox(page)).not.toHaveValue(/\.brand/);
    await page.getByRole('button', { name: 'Default' }).click();
    await expect(submit(page)).toHaveCSS('border-top-left-radius', '8px');
    await expect(cssBox(page)).not.toHaveValue(/::part/);
  });

  test('Copy CSS puts the CSS on the clipboard and says so', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByLabel('Primary', { exact: true }).fill('#c2185b');
    await page.getByRole('button', { name: 'Copy CSS' }).click();
    await expect(page.getByRole('status')).toHaveText(/copied/i);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('--jwt-login-color-primary: #c2185b;');
  });

  test('the ready themes work from the keyboard', async ({ page }) => {
    await page.getByRole('button', { name: 'Default' }).focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Dark' })).toHaveAttribute('aria-pressed', 'true');
    await expect(widget(page)).toHaveCSS('color-scheme', 'dark');
  });

  for (const theme of ['Default', 'Dark', 'Brand']) {
    test(`has no axe violations with the ${theme} theme`, async ({ page }) => {
      await page.getByRole('button', { name: theme }).click();
      expect(await violations(page)).toEqual([]);
    });
  }

  test('has no axe violations with the Brand theme showing a sign-in error', async ({ page }) => {
    await page.getByRole('button', { name: 'Brand' }).click();
    await widget(page).getByLabel(/e-?mail/i).fill('demo@example.com');
    await widget(page).getByLabel(/^password/i).fill('not-the-password');
    await submit(page).click();
    await expect(widget(page).getByRole('alert')).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });
});
