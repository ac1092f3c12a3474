/**
 * The docs-framework examples under examples/, one row each: what the test writes for its
 * stand-in, how the example is built, and how a reader sends the protected call from its
 * explorer. Each example's own package.json pins its toolchain; the cache installs those pins.
 */
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { EXPLORERS } from '../../test/e2e/helpers/explorer-drivers.js';
import { REPO } from '../../test/packaging/package-build.js';
import { manifestSpec, type InstallSpec } from '../test-servers/cache.js';

export interface Example {
  /** the folder under examples/, also the name in the report */
  name: string;
  /** the package whose version names the toolchain */
  main: string;
  /** the environment variable the example's build reads the API's origin from */
  apiOriginVariable: string;
  /** the example's OpenAPI document, written for the stand-in's port before the build */
  openApiFile: string;
  /** where `npm run build` leaves the static site, relative to the example */
  output: string;
  /** the page whose explorer sends GET /front/customers/me */
  page: string;
  explorer: string;
  /** Resolves once the explorer shows the operation. */
  ready(page: Page): Promise<void>;
  /** Sends GET /front/customers/me from the explorer's own Try-it. */
  send(page: Page): Promise<void>;
  /**
   * An explorer that appears after a client-side navigation (a new page of the docs, the
   * widget staying): how to get there, and how its Try-it sends `path` (below the API's base).
   */
  navigated?: { to: string; open(page: Page): Promise<void>; path: string; send(page: Page): Promise<void> };
  /**
   * A page with the widget and no explorer, for an explorer that keeps the token in storage
   * for the next page load: signed out there, the API page loaded next must send no token.
   */
  withoutExplorer?: string;
}

const rapiDoc = EXPLORERS.find((explorer) => explorer.name === 'RapiDoc')!;

export const EXAMPLES: readonly Example[] = [
  {
    name: 'docusaurus',
    main: '@docusaurus/core',
    apiOriginVariable: 'API_ORIGIN',
    openApiFile: 'openapi.json',
    output: 'build',
    page: 'api/get-current-customer',
    explorer: 'docusaurus-openapi-docs',
    // The theme's authPersistence (sessionStorage) keeps the token for the next page load.
    withoutExplorer: '',
    async ready(page) {
      await expect(page.getByRole('button', { name: 'Send API Request' })).toBeVisible({ timeout: 30_000 });
    },
    async send(page) {
      await page.getByRole('button', { name: 'Send API Request' }).click();
    },
    // Another API page: its explorer renders with a new store; so does each heading anchor
    // followed (a hash change renders the page again), which leaves the page's DOM in place.
    navigated: {
      to: 'the API page of GET /front/customers/me/orders, then one of its heading anchors',
      async open(page) {
        // The dock covers the bottom of the sidebar: a reader folds it to reach the link.
        const dock = page.locator('.jwt-login-dock > summary');
        await dock.click();
        await page.locator('.menu__link', { hasText: "List the signed-in customer's orders" }).click();
        await dock.click();
        await expect(page.getByRole('heading', { level: 1, name: "List the signed-in customer's orders" })).toBeVisible();
        await expect(page.getByRole('button', { name: 'Send API Request' })).toBeVisible({ timeout: 30_000 });
        // Shown on hover only.
        await page.locator('a.hash-link').first().evaluate((anchor) => (anchor as HTMLAnchorElement).click());
        await expect(page).toHaveURL(/#/);
      },
      path: '/front/customers/me/orders',
      async send(page) {
        await page.getByRole('button', { name: 'Send API Request' }).click();
      },
    },
  },
  {
    name: 'vitepress',
    main: 'vitepress',
    apiOriginVariable: 'VITE_API_ORIGIN',
    openApiFile: 'docs/openapi.json',
    output: 'docs/.vitepress/dist',
    page: 'api.html',
    explorer: 'vitepress-openapi',
    // The playground's storage.persistAuth (localStorage) keeps the token for the next page load.
    withoutExplorer: '',
    async ready(page) {
      await expect(page.getByRole('button', { name: 'Try it out' }).first()).toBeVisible({ timeout: 30_000 });
    },
    // The first operation of the page is GET /front/customers/me (getCurrentCustomer).
    async send(page) {
      await page.getByRole('button', { name: 'Try it out' }).first().click();
    },
    // The home page, then the API page again: its playgrounds are rendered anew.
    navigated: {
      to: 'the API page again, through the home page',
      async open(page) {
        await page.locator('.VPNavBarTitle a').click();
        await expect(page.getByRole('button', { name: 'Try it out' })).toHaveCount(0);
        await page.locator('.VPNavBar').getByRole('link', { name: 'API', exact: true }).click();
        await expect(page.getByRole('button', { name: 'Try it out' }).nth(1)).toBeVisible({ timeout: 30_000 });
      },
      path: '/front/customers/me/orders',
      // The second operation of the page is GET /front/customers/me/orders (listOrders).
      async send(page) {
        await page.getByRole('button', { name: 'Try it out' }).nth(1).click();
      },
    },
  },
  {
    name: 'starlight',
    main: 'astro',
    apiOriginVariable: 'PUBLIC_API_ORIGIN',
    openApiFile: 'public/openapi.json',
    output: 'dist',
    page: 'api/',
    // Starlight has no explorer of its own: the example embeds RapiDoc, driven as on the demo's docs page.
    explorer: 'RapiDoc',
    ready: (page) => rapiDoc.ready(page),
    send: (page) => rapiDoc.send(page),
  },
];

export const exampleFolder = (example: Example) => join(REPO, 'examples', example.name);

/** The example's pinned dependencies, as the cache installs them. */
export const toolchainSpec = (example: Example): InstallSpec => manifestSpec(exampleFolder(example), example.name, example.main);
