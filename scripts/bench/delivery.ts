/**
 * What the split build (dist/cdn/) makes a browser download, counted by what the page
 * actually requests rather than by a list of files: a request log of every script from
 * the page's own origin, each counted at `gzip -9` of the bytes served (as size.ts).
 *
 * - first form: a page with `<script type="module" src="/cdn/jwt-login.js">` and
 *   `<jwt-login preset=wunder tenant=acme methods=password>` against the stand-in, English,
 *   until the form holds an input with a box (stamped in the page, MessageChannel poll);
 *   the scripts whose fetch started before that moment (resource timing);
 * - signed in: the same page goes on, signs in with the demo's password and waits for the
 *   signed-in view (`[part~=session]`); every script requested since the page loaded;
 * - per locale: the same page with `<html lang=xx>`, until its form is rendered in that
 *   language and no request has been under way for 500 ms; the scripts beyond those
 *   the English page requested by the same point.
 */
import type { Browser, Page } from 'playwright';
import type { AuthServer } from '../../demo/server/index.js';
import { DEMO_CREDENTIALS } from '../../demo/server/index.js';
import { initScript } from './page-script.js';
import { elementHtml, page, type PageServer } from './serve.js';
import { measureSize } from './size.js';

export const SPLIT_PREFIX = '/cdn';
export const SPLIT_ENTRY = `${SPLIT_PREFIX}/jwt-login.js`;
export const LOCALES = ['de', 'fr', 'es', 'ar'] as const;

export interface ScriptFile {
  /** Path on the page's origin, e.g. `/cdn/chunks/de-….js`. */
  path: string;
  gzip: number;
}

export interface ScriptSet {
  files: ScriptFile[];
  /** Sum of the files' `gzip -9` bytes. */
  gzip: number;
}

export interface LocaleDelivery extends ScriptSet {
  locale: string;
  /** Whether the form's submit button read otherwise than in English. */
  translated: boolean;
  submitText: string;
}

export interface DeliveryResult {
  firstForm: ScriptSet;
  signedIn: ScriptSet;
  /** What the English page had requested once quiet (the locales' baseline). */
  englishSettled: ScriptSet;
  englishSubmitText: string;
  locales: LocaleDelivery[];
}

/** The scripts a page requested from `origin`, in order, and whether any is still under way. */
class ScriptLog {
  readonly paths: string[] = [];
  inFlight = 0;
  lastChange = performance.now();
  readonly failures: string[] = [];

  constructor(tab: Page, origin: string, server: PageServer) {
    tab.on('request', (request) => {
      this.inFlight += 1;
      this.lastChange = performance.now();
      const url = new URL(request.url());
      if (url.origin !== origin || request.resourceType() !== 'script') return;
      this.paths.push(url.pathname);
      if (!server.script(url.pathname)) this.failures.push(`${url.pathname}: not a script the server has`);
    });
    const done = () => {
      this.inFlight -= 1;
      this.lastChange = performance.now();
    };
    tab.on('requestfinished', done);
    tab.on('requestfailed', (request) => {
      done();
      this.failures.push(`${request.url()}: ${request.failure()?.errorText ?? 'failed'}`);
    });
    tab.on('response', (response) => {
      if (response.status() >= 400) this.failures.push(`${response.url()}: HTTP ${response.status()}`);
    });
  }

  /** Resolves once nothing has been under way for `quietMs`. */
  async settle(quietMs = 500, timeoutMs = 10_000): Promise<void> {
    const started = performance.now();
    while (this.inFlight > 0 || performance.now() - this.lastChange < quietMs) {
      if (performance.now() - started > timeoutMs) throw new Error(`requests still under way after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  check(): void {
    if (this.failures.length > 0) throw new Error(`split build: ${this.failures.join('; ')}`);
  }
}

function scriptSet(server: PageServer, paths: Iterable<string>): ScriptSet {
  const files = [...new Set(paths)].map((path) => ({ path, gzip: measureSize(server.script(path)!).gzip }));
  return { files, gzip: files.reduce((total, file) => total + file.gzip, 0) };
}

declare global {
  interface Window {
    /** `performance.now()` when the widget's form first held an input with a box. */
    __benchFormAt?: number;
  }
}

/**
 * Runs before any page script: polls (MessageChannel, not rAF) until the widget's form
 * holds an input with a non-zero box and stamps the time, so that what counts as "needed
 * for the first form" is exactly what was requested before that moment.
 */
function stampFirstForm(): void {
  const poll = new MessageChannel();
  const started = performance.now();
  const check = () => {
    const input = document.querySelector('jwt-login')?.shadowRoot?.querySelector('form input');
    const box = input?.getBoundingClientRect();
    if (box && box.width > 0 && box.height > 0) window.__benchFormAt = performance.now();
    else if (performance.now() - started < 15_000) poll.port2.postMessage(0);
  };
  poll.port1.onmessage = check;
  check();
}

/** Same-origin scripts by when the page started to fetch them (resource timing), ms since navigation. */
async function scriptStarts(tab: Page, origin: string): Promise<{ path: string; startTime: number }[]> {
  const entries = await tab.evaluate(() =>
    performance.getEntriesByType('resource').map((entry) => ({ name: entry.name, startTime: entry.startTime })),
  );
  return entries
    .filter((entry) => new URL(entry.name).origin === origin)
    .map((entry) => ({ path: new URL(entry.name).pathname, startTime: entry.startTime }));
}

/** Waits until the widget's form holds an input with a non-zero box; returns the submit button's text. */
async function formRendered(tab: Page): Promise<string> {
  const handle = await tab.waitForFunction(
    () => {
      const form = document.querySelector('jwt-login')?.shadowRoot?.querySelector('form');
      const input = form?.querySelector('input');
      if (!form || !input) return false;
      const box = input.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) return false;
      return form.querySelector('[part~="submit"]')?.textContent?.trim() ?? '';
    },
    undefined,
    { timeout: 15_000, polling: 'raf' },
  );
  return (await handle.jsonValue()) as string;
}

const PATH = (lang: string) => `/delivery/${lang}.html`;

export async function measureDelivery(browser: Browser, server: PageServer, auth: AuthServer): Promise<DeliveryResult> {
  const attributes = {
    'base-url': auth.baseUrls.wunder,
    preset: 'wunder',
    tenant: DEMO_CREDENTIALS.wunder.tenants.signed,
    methods: 'password',
  };
  for (const lang of ['en', ...LOCALES]) {
    server.setPage(
      PATH(lang),
      page(elementHtml('jwt-login', attributes), `<script type="module" src="${SPLIT_ENTRY}"></script>`, lang),
    );
  }

  const open = async (lang: string) => {
    const context = await browser.newContext();
    await context.addInitScript(initScript(stampFirstForm));
    const tab = await context.newPage();
    const errors: string[] = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    const log = new ScriptLog(tab, server.origin, server);
    await tab.goto(server.origin + PATH(lang));
    await formRendered(tab);
    await log.settle();
    const settled = [...log.paths];
    const formAt = await tab.evaluate(() => window.__benchFormAt);
    if (formAt === undefined) throw new Error(`${PATH(lang)}: the form-render stamp is missing`);
    const scripts = new Set(settled);
    const atForm = (await scriptStarts(tab, server.origin))
      .filter((entry) => scripts.has(entry.path) && entry.startTime <= formAt)
      .map((entry) => entry.path);
    // Once quiet: a language's texts come a moment after the first (English) render.
    const submitText = await formRendered(tab);
    if (errors.length > 0) throw new Error(`${PATH(lang)}: ${errors.join('; ')}`);
    log.check();
    return { context, tab, log, submitText, atForm, settled };
  };

  const english = await open('en');
  let signedIn: ScriptSet;
  try {
    const login = english.tab.locator('jwt-login');
    await login.locator('input[name="email"]').fill(DEMO_CREDENTIALS.wunder.email);
    await login.locator('input[name="password"]').fill(DEMO_CREDENTIALS.wunder.password);
    await login.locator('[part~="submit"]').click();
    await login.locator('[part~="session"]').waitFor({ timeout: 15_000 });
    signedIn = scriptSet(server, english.log.paths);
    english.log.check();
  } finally {
    await english.context.close();
  }
  const englishSettled = new Set(english.settled);

  const locales: LocaleDelivery[] = [];
  for (const locale of LOCALES) {
    const opened = await open(locale);
    try {
      const extra = opened.log.paths.filter((path) => !englishSettled.has(path));
      locales.push({
        locale,
        ...scriptSet(server, extra),
        submitText: opened.submitText,
        translated: opened.submitText !== english.submitText,
      });
    } finally {
      await opened.context.close();
    }
  }
  return {
    firstForm: scriptSet(server, english.atForm),
    signedIn,
    englishSettled: scriptSet(server, englishSettled),
    englishSubmitText: english.submitText,
    locales,
  };
}
