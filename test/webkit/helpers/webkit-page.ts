// The WebKit smoke's page: the single-file bundle on a docs-like page of its own origin, the
// stand-in auth server cross-origin, and MiniBrowser driven over WebKitWebDriver by WebdriverIO.
import { after, before } from 'node:test';
import { remote } from 'webdriverio';
import { startAuthServer, type AuthServer, type AuthServerOptions } from '../../../demo/server/index.js';
import { webkitRemoteOptions } from '../../../scripts/test-webkit/webkit.mjs';
import { DEMO_EMAIL, DEMO_PASSWORD, serveBundlePages, widgetPage } from '../../e2e/helpers/bundle-page.js';
import type { LocalServer } from '../../helpers/local-server.js';

export interface WebKitPage {
  auth: AuthServer;
  /** The page with one `<jwt-login persist="local" tenant="globex">` of the wunder preset. */
  url: string;
  browser: WebdriverIO.Browser;
}

/**
 * Starts the stand-in server, the page and a MiniBrowser session before the spec's tests,
 * and stops them after; the fields are set once `before` has run.
 */
export function useWebKitPage(options: AuthServerOptions = {}): WebKitPage {
  const state = {} as WebKitPage;
  let pages: LocalServer | undefined;
  before(async () => {
    state.auth = await startAuthServer(options);
    const attributes = { 'base-url': state.auth.baseUrls.wunder, tenant: 'globex', persist: 'local' };
    pages = await serveBundlePages({ '/': widgetPage({ attributes }) });
    state.url = pages.url;
    state.browser = await remote(webkitRemoteOptions());
  });
  after(async () => {
    await state.browser?.deleteSession();
    await pages?.close();
    await state.auth?.close();
  });
  return state;
}

/** An element of the widget's shadow root. */
export const inWidget = (browser: WebdriverIO.Browser, selector: string) => browser.$('jwt-login').shadow$(selector);

export interface RecordedEvent {
  type: string;
  /** When the page received it, ms since epoch. */
  at: number;
  detail: Record<string, unknown>;
}

/** Loads the page, starts recording the widget's events (`recordedEvents`), and waits for the form. */
export async function openWidget(browser: WebdriverIO.Browser, url: string): Promise<void> {
  await browser.url(url);
  await browser.execute(() => {
    const log: RecordedEvent[] = [];
    (window as unknown as { recorded: typeof log }).recorded = log;
    for (const type of ['login', 'logout', 'token-refresh', 'otp-sent', 'login-error']) {
      document.addEventListener(type, (event) => log.push({ type, at: Date.now(), detail: (event as CustomEvent).detail }));
    }
  });
  await inWidget(browser, '[part="tab"], [part="form"]').waitForExist();
}

/** The widget events of the current tab since it was opened, in order. */
export function recordedEvents(browser: WebdriverIO.Browser): Promise<RecordedEvent[]> {
  return browser.execute(() => (window as unknown as { recorded: RecordedEvent[] }).recorded);
}

/** Waits until the current tab has recorded an event of `type`; returns the first. */
export async function waitForEvent(browser: WebdriverIO.Browser, type: string, timeout = 10_000): Promise<RecordedEvent> {
  let found: RecordedEvent | undefined;
  await browser.waitUntil(
    async () => {
      found = (await recordedEvents(browser)).find((event) => event.type === type);
      return found !== undefined;
    },
    { timeout, timeoutMsg: `no ${type} event within ${timeout} ms` },
  );
  return found!;
}

/** Signs the demo account in through the password form. */
export async function signInAsDemo(browser: WebdriverIO.Browser): Promise<void> {
  await inWidget(browser, 'input[name="email"]').setValue(DEMO_EMAIL);
  await inWidget(browser, 'input[name="password"]').setValue(DEMO_PASSWORD);
  await inWidget(browser, '[part="submit"]').click();
}
