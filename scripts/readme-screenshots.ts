// Writes the README's pictures of <jwt-login> to docs/screenshots/, from the single-file
// bundle on a plain page against the stand-in auth server:
//   npx vite build && npx tsx scripts/readme-screenshots.ts
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { startAuthServer } from '../demo/server/index.js';
import { openWidget, reachState, serveBundlePages, type WidgetState, widgetPage } from '../test/e2e/helpers/bundle-page.js';
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
} finally {
  await browser.close();
  await pages.close();
  await auth.close();
}
