/**
 * Submit event to the `fetch` call: how long the widget takes between a person pressing
 * "Sign in" and the request leaving (reading the form, checking it, building and, where
 * needed, signing the request). A capture listener on the shadow root stamps the
 * `submit` (it runs before the form's own listener); a wrapper around `window.fetch`,
 * installed before the bundle loads, stamps the call. One page, a password login
 * against the stand-in (wunder, tenant acme) repeated, signed out with `logout()` between.
 */
import type { Browser, Page } from 'playwright';
import type { AuthServer } from '../../demo/server/index.js';
import { DEMO_CREDENTIALS } from '../../demo/server/index.js';
import { initScript } from './page-script.js';
import { assetPath, elementHtml, page, type PageServer } from './serve.js';
import { summarize, type Summary } from './stats.js';

export interface SubmitLatencyResult {
  /** ms from the `submit` event to the `fetch` call, per login. */
  submitToFetch: Summary;
  /** The first login's, apart: code paths not yet compiled by the JIT. */
  first: number;
}

interface Stamps {
  submits: number[];
  fetches: number[];
}

declare global {
  interface Window {
    __benchStamps?: Stamps;
  }
}

const PATH = '/submit-latency.html';

/** Runs before any page script: fetch is wrapped before the widget could keep a reference to it. */
function stampFetch(): void {
  const stamps: Stamps = { submits: [], fetches: [] };
  window.__benchStamps = stamps;
  const original = window.fetch;
  window.fetch = function (this: unknown, ...args: Parameters<typeof fetch>) {
    stamps.fetches.push(performance.now());
    return original.apply(this, args);
  } as typeof fetch;
}

async function stampSubmits(tab: Page): Promise<void> {
  await tab.evaluate(() => {
    const login = document.querySelector('jwt-login')!;
    login.shadowRoot!.addEventListener('submit', () => window.__benchStamps!.submits.push(performance.now()), {
      capture: true,
    });
  });
}

export async function measureSubmitLatency(
  browser: Browser,
  server: PageServer,
  auth: AuthServer,
  runs: number,
): Promise<SubmitLatencyResult> {
  const attributes = { 'base-url': auth.baseUrls.wunder, tenant: DEMO_CREDENTIALS.wunder.tenants.signed };
  server.setPage(PATH, page(elementHtml('jwt-login', attributes), `<script type="module" src="${assetPath('jwt-login')}"></script>`));
  const context = await browser.newContext();
  try {
    await context.addInitScript(initScript(stampFetch));
    const tab = await context.newPage();
    await tab.goto(server.origin + PATH);
    const login = tab.locator('jwt-login');
    await login.locator('input[name="email"]').waitFor();
    await stampSubmits(tab);

    const latencies: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      await tab.evaluate(() => {
        window.__benchStamps!.submits.length = 0;
        window.__benchStamps!.fetches.length = 0;
      });
      await login.locator('input[name="email"]').fill(DEMO_CREDENTIALS.wunder.email);
      await login.locator('input[name="password"]').fill(DEMO_CREDENTIALS.wunder.password);
      await login.locator('[part="submit"]').click();
      await login.locator('[part="session"]').waitFor();
      const stamps = await tab.evaluate(() => window.__benchStamps!);
      if (stamps.submits.length !== 1 || stamps.fetches.length !== 1) {
        throw new Error(`login ${run + 1}: ${stamps.submits.length} submit events and ${stamps.fetches.length} fetch calls, expected 1 and 1`);
      }
      latencies.push(stamps.fetches[0]! - stamps.submits[0]!);
      await tab.evaluate(() => document.querySelector('jwt-login')!.logout());
      await login.locator('input[name="email"]').waitFor();
    }
    return { submitToFetch: summarize(latencies), first: latencies[0]! };
  } finally {
    await context.close();
  }
}
