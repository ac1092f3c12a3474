import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { build } from 'vite';
import { REPO, tempFolder } from '../packaging/package-build.js';
import { serveFolder } from '../packaging/fixture-app.js';
import type { LocalServer } from '../helpers/local-server.js';

// How `<jwt-login connect>` reads docusaurus-openapi-docs' store out of React's tree and
// vitepress-openapi's components out of Vue's, on real React 19 and Vue 3 trees in their
// production builds (test/fixtures/explorer-trees). The explorers themselves are driven by
// `npm run test:examples`, in the real Docusaurus and VitePress sites.
let site: LocalServer;

test.beforeAll(async () => {
  test.setTimeout(60_000);
  const outDir = tempFolder('jwt-login-explorer-trees');
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: join(REPO, 'test', 'fixtures', 'explorer-trees'), configFile: false, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  site = await serveFolder(outDir);
});

test.afterAll(() => site?.close());

type Trees = Record<string, () => unknown>;
const scenario = (name: string) => async ({ page }: { page: import('@playwright/test').Page }) => {
  await page.goto(site.url);
  return page.evaluate((which) => (window as unknown as { trees: Trees }).trees[which]!(), name);
};

test("the Docusaurus finder reads the store of the page's current render, not the one the panel's kept fiber remembers", async ({ page }) => {
  expect(await scenario('reactRenderedAgain')({ page })).toEqual({ samePanel: true, before: 'first', after: 'second', keptFiberSays: 'first' });
});

test('the Docusaurus finder finds nothing while the auth slice is empty (the server-rendered store) or without a store', async ({ page }) => {
  expect(await scenario('reactNotReady')({ page })).toEqual({ empty: null, none: null });
});

test('connect hands the token to the store of each API page shown at once, and lets go of the pages and stores replaced', async ({ page }) => {
  expect(await scenario('reactConnected')({ page })).toEqual({
    firstSignedIn: 't1',
    secondAtOnce: 't1',
    againAtOnce: 't1',
    refreshed: { first: 't1', second: 't1', again: 't2' },
    signedOut: null,
  });
});

test("vueComponentsAbove lists the components from the app's root to the one rendering an element, in a production build", async ({ page }) => {
  const operation = { name: 'Operation', label: null, openapi: true };
  const root = { name: 'App', label: null, openapi: false };
  expect(await scenario('vueAbove')({ page })).toEqual({
    before: [root, operation, { name: 'Field', label: 'Token', openapi: false }],
    after: [root, operation, { name: 'Field', label: 'Bearer token', openapi: false }],
    named: true,
    developmentOnlyKey: false,
    outside: 0,
  });
});
