// Writes the README's pictures of <jwt-login> to docs/screenshots/, from the single-file
// bundle on a plain page (and on the Swagger UI docs page) against the stand-in auth server:
//   npx vite build && npx tsx scripts/readme-screenshots.ts
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { startAuthServer } from '../demo/server/index.js';
import { openWidget, reachState, serveBundlePages, signInAsDemo, type WidgetState, widgetPage } from '../test/e2e/helpers/bundle-page.js';
import { serveDocsSite } from '../test/e2e/helpers/docs-site.js';
import { EXPLORERS } from '../test/e2e/helpers/explorer-drivers.js';
import { chromiumLaunchOptions } from './browser.mjs';

const OUT = 'docs/screenshots';

interface Shot {
  file: string;
  colorScheme: 'light' | 'dark';
  lang: 'en' | 'ar';
  state: WidgetState;
}

const SHOTS: Shot[] = [
  { file: 'light.png', colorScheme: 'light', lang: 'en', state: 'password' },
  { file: 'dark.png', colorScheme: 'dark', lang: 'en', state: 'password' },
  { file: 'rtl.png', colorScheme: 'light', lang: 'ar', state: 'password' },
  { file: 'otp-code.png', colorScheme: 'light', lang: 'en', state: 'phone-code' },
  { file: 'signed-in.png', colorScheme: 'light', lang: 'en', state: 'signed-in' },
];

// The widget's own default surface colours: its rounded corners then melt into the picture.
const PAGE_CSS = 'body { background: light-dark(#ffffff, #1e293b); }';

const auth = await startAuthServer();
const attributes = { 'base-url': auth.baseUrls.wunder, tenant: 'globex' };
const pages = await serveBundlePages({
  '/': widgetPage({ attributes, css: PAGE_CSS }),
  '/ar': widgetPage({ lang: 'ar', dir: 'rtl', attributes, css: PAGE_CSS }),
});
const docs = await serveDocsSite(auth.url);
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  mkdirSync(OUT, { recursive: true });
  for (const shot of SHOTS) {
    const page = await browser.newPage({
      viewport: { width: 480, height: 1000 },
      deviceScaleFactor: 2,
      colorScheme: shot.colorScheme,
      locale: shot.lang === 'ar' ? 'ar' : 'en-US',
    });
    const login = await openWidget(page, pages.url + (shot.lang === 'en' ? '' : shot.lang), shot.lang);
    await reachState(login, shot.state, { phoneNumber: '+43 664 1234567' });
    const path = join(OUT, shot.file);
    await login.screenshot({ path, animations: 'disabled', caret: 'hide' });
    await page.close();
    console.log(`wrote ${path}`);
  }
  // A docs site: signed in once, Swagger UI's Try-it answered with the widget's token.
  const swaggerUI = EXPLORERS.find((explorer) => explorer.page === 'swagger-ui.html')!;
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, colorScheme: 'light' });
  await page.goto(`${docs.url}docs/${swaggerUI.page}`);
  await swaggerUI.ready(page);
  const login = page.locator('jwt-login');
  await signInAsDemo(login);
  await login.locator('[part="session"]').waitFor();
  await swaggerUI.send(page);
  const answer = page.locator('#operations-Customers-getCurrentCustomer .live-responses-table');
  await answer.getByText('200', { exact: true }).first().waitFor();
  // From the widget down to the answer: the sign-in and the request it authorized.
  const bottom = await answer.evaluate((table) => table.getBoundingClientRect().bottom + window.scrollY);
  const path = join(OUT, 'explorer-swagger-ui.png');
  await page.screenshot({ path, fullPage: true, clip: { x: 0, y: 0, width: 1100, height: bottom + 16 }, animations: 'disabled', caret: 'hide' });
  console.log(`wrote ${path}`);
} finally {
  await browser.close();
  await docs.close();
  await pages.close();
  await auth.close();
}
