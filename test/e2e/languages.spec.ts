import { expect, test } from '@playwright/test';
import type { LocalServer } from '../helpers/local-server.js';
import { serveBundlePages, widgetPage } from './helpers/bundle-page.js';

// A docs page in English with widgets that say otherwise: each widget's own lang wins,
// from the first frame the reader sees, and two languages live side by side.
let server: LocalServer;

test.beforeAll(async () => {
  const api = `${process.env.AUTH_SERVER_URL}/wunder/v1`;
  // Runs after the bundle (module scripts run in order), and reads the widgets just before each
  // paint until every one shows a label: what the reader sees first. The single file has every
  // language inlined (the first frame); the split build waits for a language's chunk and shows
  // no text until then, never English in its place.
  const probe = `<script type="module">
    window.framesWithoutLabels = 0;
    const read = () => {
      const labels = [...document.querySelectorAll('jwt-login')].map(
        (login) => [...login.shadowRoot.querySelectorAll('label')].pop()?.textContent.trim(),
      );
      if (labels.every(Boolean)) window.firstFrame = labels;
      else (window.framesWithoutLabels += 1), requestAnimationFrame(read);
    };
    requestAnimationFrame(read);
  </script>`;
  server = await serveBundlePages({
    '/': widgetPage({
      lang: 'en',
      attributes: { 'base-url': api, tenant: 'globex', methods: 'password', lang: 'de' },
      after: `<section lang="fr"><jwt-login base-url="${api}" tenant="globex" methods="password"></jwt-login></section>
        <jwt-login base-url="${api}" tenant="globex" methods="password" lang="ar"></jwt-login>
        <jwt-login base-url="${api}" tenant="globex" methods="password"></jwt-login>${probe}`,
    }),
  });
});

test.afterAll(() => server.close());

test('each widget speaks its own lang (else its ancestor’s) from the first frame, on an English page', async ({ page }) => {
  await page.goto(server.url);
  await page.waitForFunction(() => 'firstFrame' in window);
  expect(await page.evaluate(() => (window as unknown as { firstFrame: string[] }).firstFrame)).toEqual([
    'Passwort',
    'Mot de passe',
    'كلمة المرور',
    'Password',
  ]);
  if (process.env.JWT_LOGIN_DELIVERY !== 'split') {
    expect(await page.evaluate(() => (window as unknown as { framesWithoutLabels: number }).framesWithoutLabels)).toBe(0);
  }
  const widgets = page.locator('jwt-login');
  await expect(widgets.nth(0).getByLabel(/passwort/i)).toBeVisible();
  await expect(widgets.nth(2).locator('[part="base"]')).toHaveAttribute('dir', 'rtl');
  await expect(widgets.nth(3).getByLabel(/password/i)).toBeVisible();
});

test('a change of one widget’s lang leaves the others as they are', async ({ page }) => {
  await page.goto(server.url);
  const widgets = page.locator('jwt-login');
  await widgets.nth(0).getByLabel(/e-?mail/i).fill('demo@example.com');
  await widgets.nth(0).evaluate((login) => login.setAttribute('lang', 'es'));
  await expect(widgets.nth(0).getByRole('button', { name: 'Iniciar sesión' })).toBeVisible();
  await expect(widgets.nth(0).getByLabel(/correo/i)).toHaveValue('demo@example.com');
  await expect(widgets.nth(1).getByRole('button', { name: 'Se connecter' })).toBeVisible();
  await expect(widgets.nth(3).getByRole('button', { name: 'Sign in' })).toBeVisible();
});
