/**
 * Requests per login, and the headers they carry: each of the four methods signs in
 * against the stand-in (wunder, tenant acme, which wants the OTP requests signed) on a
 * fresh page configured as the demo does (`signing-key`, `branch-id`); the stand-in's
 * request log says what arrived, counted from the page load to the signed-in view.
 *
 * A header is accounted for when the browser adds it itself (BROWSER_HEADERS) or the
 * preset and the page configured it for that call: Content-Type for a JSON body, the
 * three signature headers on the signed OTP request. Anything else is reported. A
 * preflight's Access-Control-Request-Headers (the headers the script set that are not
 * CORS-safelisted) is checked the same way. Names alone cannot tell a script's
 * `Accept` or `Accept-Language` (safelisted, so never preflighted) from the browser's:
 * their values, seen by Playwright, must be the browser's own (those of the page's
 * navigation request for Accept-Language, the fetch default "any type" for Accept).
 */
import type { Browser, Locator } from 'playwright';
import type { AuthServer, LoggedRequest } from '../../demo/server/index.js';
import { DEMO_CREDENTIALS } from '../../demo/server/index.js';
import { assetPath, elementHtml, page, type PageServer } from './serve.js';

export type MethodName = 'password' | 'api-key' | 'phone-otp' | 'email-otp';

export interface MethodRequests {
  method: MethodName;
  /** API requests (preflights apart). */
  requests: number;
  expected: number;
  /** CORS preflights the browser sent before them. */
  preflights: number;
  /** `POST …/acme/auth/sign-in-email 200`, … (the path after the base URL's, and the status) */
  calls: string[];
  /** Header names no one configured, with the call that carried them. */
  extraHeaders: string[];
  /** Signed calls that lacked a signature header. */
  missingSignature: string[];
}

/** What Chromium adds to a cross-origin `fetch` (and its preflight) on its own. */
export const BROWSER_HEADERS = new Set([
  'host',
  'connection',
  'content-length',
  'origin',
  'referer',
  'user-agent',
  'accept',
  'accept-encoding',
  'accept-language',
  'sec-ch-ua',
  'sec-ch-ua-mobile',
  'sec-ch-ua-platform',
  'sec-fetch-site',
  'sec-fetch-mode',
  'sec-fetch-dest',
  'sec-fetch-storage-access',
  'pragma',
  'cache-control',
  'priority',
  'access-control-request-method',
  'access-control-request-headers',
  'access-control-request-private-network',
]);

/** What a fetch sends as Accept unless a script sets it. */
const ANY_TYPE = '*/*';
const SIGNATURE_HEADERS = ['x-timestamp', 'x-nonce', 'x-signature'];
/** The contract's signed calls: wunder's OTP requests. */
const isSignedCall = (path: string) => /\/front\/customers\/create-or-sign-in-with-/.test(path);
const configuredHeaders = (path: string) => ['content-type', ...(isSignedCall(path) ? SIGNATURE_HEADERS : [])];

const EXPECTED: Record<MethodName, number> = { password: 1, 'api-key': 1, 'phone-otp': 2, 'email-otp': 2 };
const PATH = '/requests.html';

type Drive = (login: Locator, auth: AuthServer) => Promise<void>;

const field = (login: Locator, name: string) => login.locator(`input[name="${name}"]`);
const submit = (login: Locator) => login.locator('[part="submit"]').click();

async function enterCode(login: Locator, auth: AuthServer, to: string): Promise<void> {
  await field(login, 'code').waitFor();
  const code = auth.outbox.latest(to);
  if (!code) throw new Error(`no code in the stand-in's outbox for ${to}`);
  await field(login, 'code').fill(code);
  await submit(login);
}

const { wunder } = DEMO_CREDENTIALS;
const DRIVE: Record<MethodName, Drive> = {
  password: async (login) => {
    await field(login, 'email').fill(wunder.email);
    await field(login, 'password').fill(wunder.password);
    await submit(login);
  },
  'api-key': async (login) => {
    await login.locator('#jwt-login-tab-api-key').click();
    await field(login, 'clientId').fill(wunder.clientId);
    await field(login, 'clientKey').fill(wunder.clientKey);
    await submit(login);
  },
  'phone-otp': async (login, auth) => {
    await login.locator('#jwt-login-tab-phone-otp').click();
    await field(login, 'phoneNumber').fill(wunder.phoneNumber);
    await submit(login);
    await enterCode(login, auth, wunder.phoneNumber);
  },
  'email-otp': async (login, auth) => {
    await login.locator('#jwt-login-tab-email-otp').click();
    await field(login, 'email').fill(wunder.email);
    await submit(login);
    await enterCode(login, auth, wunder.email);
  },
};

/** Safelisted headers whose value must be the browser's default. */
interface SentValues {
  path: string;
  accept?: string;
  acceptLanguage?: string;
}

function account(
  method: MethodName,
  logged: LoggedRequest[],
  sent: SentValues[],
  browserLanguage: string | undefined,
  basePath: string,
): MethodRequests {
  const api = logged.filter((request) => request.method !== 'OPTIONS');
  const preflights = logged.filter((request) => request.method === 'OPTIONS');
  const path = (request: LoggedRequest) => request.path.split('?')[0]!;
  const extraHeaders = new Set<string>();
  const missingSignature: string[] = [];
  for (const request of api) {
    const allowed = new Set([...BROWSER_HEADERS, ...configuredHeaders(path(request))]);
    for (const name of request.headerNames) if (!allowed.has(name)) extraHeaders.add(`${name} (${path(request)})`);
    if (isSignedCall(path(request)) && !SIGNATURE_HEADERS.every((name) => request.headerNames.includes(name))) {
      missingSignature.push(path(request));
    }
  }
  for (const request of sent) {
    if (request.accept !== undefined && request.accept !== ANY_TYPE) extraHeaders.add(`accept: ${request.accept} (${request.path})`);
    if (request.acceptLanguage !== undefined && request.acceptLanguage !== browserLanguage) {
      extraHeaders.add(`accept-language: ${request.acceptLanguage} (${request.path})`);
    }
  }
  for (const preflight of preflights) {
    const allowed = new Set(configuredHeaders(path(preflight)));
    const requested = (preflight.requestedHeaders ?? '').split(',').map((name) => name.trim().toLowerCase());
    for (const name of requested) if (name && !allowed.has(name)) extraHeaders.add(`${name} (preflight ${path(preflight)})`);
  }
  return {
    method,
    requests: api.length,
    expected: EXPECTED[method],
    preflights: preflights.length,
    calls: api.map((request) => `${request.method} ${path(request).replace(basePath, '…')} ${request.status ?? ''}`.trim()),
    extraHeaders: [...extraHeaders],
    missingSignature,
  };
}

export async function measureRequests(browser: Browser, server: PageServer, auth: AuthServer): Promise<MethodRequests[]> {
  const attributes = {
    'base-url': auth.baseUrls.wunder,
    tenant: wunder.tenants.signed,
    'signing-key': auth.options.signingKey,
    'branch-id': '42',
  };
  server.setPage(PATH, page(elementHtml('jwt-login', attributes), `<script type="module" src="${assetPath('jwt-login')}"></script>`));
  const results: MethodRequests[] = [];
  for (const method of Object.keys(DRIVE) as MethodName[]) {
    // A fresh context each: no preflight cached by the previous login.
    const context = await browser.newContext();
    try {
      const tab = await context.newPage();
      const sent: Promise<SentValues>[] = [];
      tab.on('request', (request) => {
        if (!request.url().startsWith(auth.url)) return;
        const path = new URL(request.url()).pathname;
        sent.push(request.allHeaders().then((headers) => ({ path, accept: headers['accept'], acceptLanguage: headers['accept-language'] })));
      });
      auth.requests.clear();
      const navigation = await tab.goto(server.origin + PATH);
      const browserLanguage = (await navigation?.request().allHeaders())?.['accept-language'];
      const login = tab.locator('jwt-login');
      await field(login, 'email').waitFor();
      await DRIVE[method](login, auth);
      await login.locator('[part="session"]').waitFor({ timeout: 10_000 });
      // Anything the widget sends after signing in would count too.
      await tab.waitForTimeout(250);
      const basePath = new URL(auth.baseUrls.wunder).pathname;
      results.push(account(method, auth.requests.list(), await Promise.all(sent), browserLanguage, basePath));
    } finally {
      await context.close();
    }
  }
  return results;
}
