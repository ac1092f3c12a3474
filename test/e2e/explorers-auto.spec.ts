import { expect, test, type Page } from '@playwright/test';
import { createServer } from 'node:http';
import { startAuthServer, type AuthServer } from '../../demo/server/index.js';
import { readVendorFile } from '../../demo/docs/vendor-files.js';
import { distAsset, signInAsDemo, WIDGET_SCRIPT } from './helpers/bundle-page.js';
import { EXPLORERS, tryIt, type ExplorerDriver } from './helpers/explorer-drivers.js';
import { listenLocally, type LocalServer } from '../helpers/local-server.js';

// `<jwt-login connect>`: a static page with the widget's script, the explorer's own files as
// its npm package ships them, and one <jwt-login> tag: no script of the page's own. Served
// with the widget's strict CSP (Trusted Types required), relaxed only where an explorer's own
// code needs it (PAGES), and the strict one reported for the widget's scripts all the same.
let auth: AuthServer;
let site: LocalServer;

/** The widget's strict policy (test/e2e/csp.spec.ts) with the API's origin; `null` drops a directive. */
const WIDGET_CSP: Record<string, string | null> = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self'",
  'require-trusted-types-for': "'script'",
};

/** One explorer's no-script page: its files, its markup, and what its code needs beyond the widget's CSP. */
interface ExplorerPage {
  head: (api: string) => string;
  body: (api: string) => string;
  /** What the explorer's own code needs, over the widget's policy (`null` drops a directive). */
  needs: Record<string, string | null>;
}

const PAGES: Record<string, ExplorerPage> = {
  // Swagger UI's standard index.html: its bundle, its standalone preset and its initializer,
  // which creates the instance on `load` and keeps it in window.ui.
  'swagger-ui.html': {
    head: () => '<link rel="stylesheet" href="/vendor/swagger-ui-dist/swagger-ui.css" />',
    body: () => `<div id="swagger-ui"></div>
      <script src="/vendor/swagger-ui-dist/swagger-ui-bundle.js"></script>
      <script src="/vendor/swagger-ui-dist/swagger-ui-standalone-preset.js"></script>
      <script src="/vendor/swagger-ui-dist/swagger-initializer.js"></script>`,
    needs: { 'style-src': "'self' 'unsafe-inline'", 'img-src': "'self' data:", 'require-trusted-types-for': null },
  },
  'stoplight-elements.html': {
    head: () => `<link rel="stylesheet" href="/vendor/@stoplight/elements/styles.min.css" />
      <script src="/vendor/@stoplight/elements/web-components.min.js"></script>`,
    body: (api) => `<elements-api apiDescriptionUrl="${api}/openapi.json" router="hash" layout="sidebar"></elements-api>`,
    needs: { 'style-src': "'self' 'unsafe-inline'", 'require-trusted-types-for': null },
  },
  // Scalar's HTML API: the standalone script mounts the reference in front of #api-reference.
  'scalar.html': {
    head: () => '',
    body: (api) => `<div id="reference"><script id="api-reference" data-url="${api}/openapi.json"
      data-configuration='{"withDefaultFonts":false,"showDeveloperTools":"never"}'></script></div>
      <script src="/vendor/@scalar/api-reference/dist/browser/standalone.js"></script>`,
    needs: { 'style-src': "'self' 'unsafe-inline'", 'require-trusted-types-for': null },
  },
  'rapidoc.html': {
    head: () => '<script type="module" src="/vendor/rapidoc/dist/rapidoc-min.js"></script>',
    body: (api) =>
      `<rapi-doc spec-url="${api}/openapi.json" render-style="read" show-header="false" allow-authentication="true" load-fonts="false"></rapi-doc>`,
    needs: { 'style-src': "'self' 'unsafe-inline'" },
  },
};

const policy = (directives: Record<string, string | null>) =>
  Object.entries({ ...directives, 'connect-src': `'self' ${new URL(auth.url).origin}` })
    .flatMap(([name, value]) => (value === null ? [] : [`${name} ${value}`]))
    .join('; ');

/**
 * Enforced: the widget's policy with what the explorer needs. Reported only: the widget's
 * whole policy, so a break of it by the widget or its connector still shows as a violation.
 */
const cspHeaders = (explorer: ExplorerPage) => ({
  'Content-Security-Policy': policy({ ...WIDGET_CSP, ...explorer.needs }),
  'Content-Security-Policy-Report-Only': policy(WIDGET_CSP),
});

const pageHtml = (explorer: ExplorerPage, connect: string, { withExplorer = true } = {}) => {
  const api = `${auth.url}/wunder/v1`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8" /><title>No-script docs page</title>
<script type="module" src="${WIDGET_SCRIPT}"></script>
${explorer.head(api)}</head>
<body><jwt-login ${connect} base-url="${api}" tenant="acme" methods="password" persist="session"></jwt-login>
<main>${withExplorer ? explorer.body(api) : ''}</main></body></html>`;
};

test.beforeAll(async () => {
  auth = await startAuthServer({ port: 0 });
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const notFound = () => response.writeHead(404).end();
    const script = distAsset(url.pathname);
    if (script) return response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(script);
    if (url.pathname.startsWith('/vendor/')) {
      readVendorFile(url.pathname).then((file) => {
        if (!file) return notFound();
        // The docs site's copy of Swagger UI's initializer points at its own API.
        const body = url.pathname.endsWith('/swagger-initializer.js')
          ? file.body.toString('utf8').replace('https://petstore.swagger.io/v2/swagger.json', `${auth.url}/wunder/v1/openapi.json`)
          : file.body;
        response.writeHead(200, { 'Content-Type': file.type }).end(body);
      }, notFound);
      return;
    }
    const explorer = PAGES[url.pathname.slice(1)];
    if (!explorer) return notFound();
    const html = pageHtml(explorer, url.searchParams.get('connect') ?? 'connect', { withExplorer: !url.searchParams.has('later') });
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...cspHeaders(explorer) }).end(html);
  });
  site = await listenLocally(server);
});

test.afterAll(async () => {
  await site?.close();
  await auth?.close();
});

/** Opens an explorer's no-script page, recording every CSP violation with the script that caused it. */
async function openPage(page: Page, explorer: ExplorerDriver, query = ''): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { violations: string[] }).violations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.effectiveDirective} ${event.blockedURI} from ${event.sourceFile}`),
    );
  });
  await page.goto(`${site.url}${explorer.page}${query}`);
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { violations: string[] }).violations);

const login = (page: Page) => page.locator('jwt-login');

async function signIn(page: Page): Promise<string> {
  await signInAsDemo(login(page));
  await expect(login(page).locator('[part="session"]')).toBeVisible();
  return login(page).evaluate((element) => (element as HTMLElement & { session: { accessToken: string } }).session.accessToken);
}


const usesNativeFetch = (page: Page) => page.evaluate(() => window.fetch.toString().includes('[native code]'));

for (const explorer of EXPLORERS.filter((driver) => PAGES[driver.page])) {
  test(`${explorer.name}: found with no script on the page; Try-it carries the token, then the refreshed one, then none`, async ({ page }) => {
    // Three Try-it rounds, each one of explorers.spec.ts's tests in a single page load.
    test.slow();
    await openPage(page, explorer);
    await explorer.ready(page);
    const token = await signIn(page);
    let received = await tryIt(page, explorer, auth);
    expect([received.authorization, received.status]).toEqual([`Bearer ${token}`, 200]);

    const renewed = await login(page).evaluate(
      async (element) => (await (element as HTMLElement & { refreshTokens(): Promise<{ accessToken: string }> }).refreshTokens()).accessToken,
    );
    expect(renewed).not.toBe(token);
    received = await tryIt(page, explorer, auth);
    expect([received.authorization, received.status]).toEqual([`Bearer ${renewed}`, 200]);

    await login(page).getByRole('button', { name: /sign out/i }).click();
    received = await tryIt(page, explorer, auth);
    expect(received.authorization ?? '').not.toContain(renewed);
    expect(received.status).toBe(401);
    // The widget and its connector break no rule of the strict policy; the explorer's own needs are in PAGES.
    expect((await violations(page)).filter((line) => line.includes('/assets/'))).toEqual([]);
  });
}

const stoplight = EXPLORERS.find((driver) => driver.page === 'stoplight-elements.html')!;

test('an explorer named by a selector is connected, one outside it is not', async ({ page }) => {
  await openPage(page, stoplight, `?connect=${encodeURIComponent('connect="main"')}`);
  await stoplight.ready(page);
  const token = await signIn(page);
  expect((await tryIt(page, stoplight, auth)).authorization).toBe(`Bearer ${token}`);

  await page.goto(`${site.url}${stoplight.page}?connect=${encodeURIComponent('connect="#elsewhere"')}`);
  await stoplight.ready(page);
  await expect(login(page).locator('[part="session"]')).toBeVisible();
  expect((await tryIt(page, stoplight, auth)).authorization).not.toContain(token);
});

test('an explorer added after the widget is connected, and disconnected when it leaves the page', async ({ page }) => {
  await openPage(page, stoplight, '?later');
  await expect(login(page).getByLabel(/e-?mail/i)).toBeVisible();
  // As a docs site's router would: the explorer's element, created after the widget.
  await page.evaluate((api) => {
    const elements = document.createElement('elements-api');
    for (const [name, value] of Object.entries({ apiDescriptionUrl: `${api}/openapi.json`, router: 'hash', layout: 'sidebar' })) {
      elements.setAttribute(name, value);
    }
    document.querySelector('main')!.append(elements);
  }, `${auth.url}/wunder/v1`);
  await stoplight.ready(page);
  const token = await signIn(page);
  expect((await tryIt(page, stoplight, auth)).authorization).toBe(`Bearer ${token}`);
  expect(await usesNativeFetch(page)).toBe(false);

  await page.evaluate(() => document.querySelector('elements-api')!.remove());
  await expect.poll(() => usesNativeFetch(page)).toBe(true);
});

test('removing the widget disconnects the explorers', async ({ page }) => {
  await openPage(page, stoplight);
  await stoplight.ready(page);
  await expect.poll(() => usesNativeFetch(page)).toBe(false);
  await login(page).evaluate((element) => element.remove());
  expect(await usesNativeFetch(page)).toBe(true);
});
