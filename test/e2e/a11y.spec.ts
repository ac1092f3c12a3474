import { expect, test, type Page } from '@playwright/test';
import { createRequire } from 'node:module';

// axe-core (WCAG 2.0, 2.1 and 2.2, A and AA) over the whole demo page, shadow roots included.
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((violation) => `${violation.id}: ${JSON.stringify(violation.nodes.map((node) => node.target))}`);
  }, TAGS);
}

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
