import { expect, test } from '@playwright/test';
import { serveFolder, wunderApi } from '../../test/packaging/fixture-app.js';
import { signInAsDemo } from '../../test/e2e/helpers/bundle-page.js';
import type { LocalServer } from '../../test/helpers/local-server.js';
import { buildFrameworkApp } from './build.js';
import { FRAMEWORKS, readmeCode, readmeSection, toolchainSpec } from './frameworks.js';

for (const framework of FRAMEWORKS) {
  test(`README ## ${framework.readme.heading} shows the ${framework.name} app's code`, () => {
    const section = readmeSection(framework.readme.heading);
    for (const file of framework.readme.files) expect(section, file).toContain(readmeCode(framework, file));
  });

  test.describe(`${framework.name} ${toolchainSpec(framework).version}`, () => {
    let app: LocalServer;

    test.beforeAll(async () => {
      // The npm build and the framework's own build, on a shared two-core machine.
      test.setTimeout(240_000);
      app = await serveFolder(await buildFrameworkApp(framework));
    });

    test.afterAll(() => app?.close());

    test('binds base-url, signs in and hands the tokens to the login handler, the sign-out to the logout handler', async ({ page }) => {
      // Whatever the framework or the element throws or logs as an error fails the test.
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') pageErrors.push(message.text());
      });
      await page.goto(`${app.url}?${new URLSearchParams({ api: wunderApi() })}`);
      const login = page.locator('jwt-login');
      await expect.poll(() => login.evaluate((element) => (element as HTMLElement & { baseUrl: string }).baseUrl)).toBe(wunderApi());
      await signInAsDemo(login);
      await expect(login.locator('[part="session"]')).toContainText('Dana Demo');
      const accessToken = await login.evaluate((element) => (element as HTMLElement & { session: { accessToken: string } }).session.accessToken);
      await expect(page.locator('#token')).toHaveText(accessToken);
      await page.screenshot({ path: test.info().outputPath(`${framework.name}-signed-in.png`) });
      await login.locator('[part="sign-out"]').click();
      await expect(page.locator('#signed-out')).toHaveText('user');
      expect(pageErrors).toEqual([]);
    });
  });
}
