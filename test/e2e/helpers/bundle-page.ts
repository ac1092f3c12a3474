import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, normalize } from 'node:path';
import type { Locator, Page } from 'playwright';
import { listenLocally, type LocalServer } from '../../helpers/local-server.js';

/** A docs-like page with nothing but the single-file bundle and one `<jwt-login>`. */
export interface WidgetPageOptions {
  /** `<html lang>`; the bundle takes the widget's language from it. Default `en`. */
  lang?: string;
  /** `<html dir>`. Default: none (left to right). */
  dir?: 'ltr' | 'rtl';
  /** The `<jwt-login>` attributes, e.g. `{ 'base-url': '…', tenant: 'globex' }`. */
  attributes: Record<string, string>;
  /** Extra CSS for the page. */
  css?: string;
  /** HTML after the widget (a paragraph the widget could push down, say). */
  after?: string;
}

/**
 * Which delivery the pages load: the single file, or with `JWT_LOGIN_DELIVERY=split` the
 * split build's entry, whose chunks load themselves (`npm run test:e2e:split`).
 */
export const WIDGET_SCRIPT = process.env.JWT_LOGIN_DELIVERY === 'split' ? '/assets/cdn/jwt-login.js' : '/assets/jwt-login.bundle.js';

/** A script of dist/ served under /assets/, never a file outside dist/. */
export function distAsset(urlPath: string): Buffer | undefined {
  const path = normalize(join('dist', decodeURIComponent(urlPath.slice('/assets/'.length))));
  return urlPath.startsWith('/assets/') && path.startsWith('dist/') && path.endsWith('.js') && existsSync(path)
    ? readFileSync(path)
    : undefined;
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * The page's background follows the page's colour scheme and stays close to the
 * widget's default surface, so a cropped screenshot of the widget has no odd corners.
 */
export function widgetPage(options: WidgetPageOptions): string {
  const attributes = Object.entries(options.attributes)
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
  return `<!doctype html>
<html lang="${options.lang ?? 'en'}"${options.dir ? ` dir="${options.dir}"` : ''}><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>jwt-login</title>
<style>
  :root { color-scheme: light dark; }
  body { margin: 0; font-family: system-ui, sans-serif; background: light-dark(#f1f5f9, #0f172a); color: light-dark(#1f2937, #e5e7eb); }
  ${options.css ?? ''}
</style>
<script type="module" src="${WIDGET_SCRIPT}"></script></head>
<body><jwt-login${attributes}></jwt-login>${options.after ?? ''}</body></html>`;
}

/**
 * Serves `dist/jwt-login.bundle.js` at `/assets/jwt-login.bundle.js` (and the split build
 * under `/assets/cdn/`) and each page of `pages` at its path (`/`, `/ar`, …), on an origin
 * of its own: the API is cross-origin.
 */
export async function serveBundlePages(
  pages: Record<string, string>,
  bundlePath = 'dist/jwt-login.bundle.js',
): Promise<LocalServer> {
  const bundle = readFileSync(bundlePath);
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === '/assets/jwt-login.bundle.js') {
      response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(bundle);
    } else if (distAsset(path)) {
      response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(distAsset(path));
    } else if (pages[path] !== undefined) {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(pages[path]);
    } else {
      response.writeHead(404).end();
    }
  });
  return listenLocally(server);
}

/** The looks of the widget the screenshots cover, each reached from a freshly loaded page. */
export const WIDGET_STATES = [
  'password',
  'field-errors',
  'error',
  'api-key',
  'phone-request',
  'phone-code',
  'email-request',
  'signed-in',
] as const;
export type WidgetState = (typeof WIDGET_STATES)[number];

export interface ReachOptions {
  /** The number the phone OTP is requested for (each request starts a resend countdown on the server). */
  phoneNumber: string;
}

const tab = (login: Locator, method: string) => login.locator(`#jwt-login-tab-${method}`);
const input = (login: Locator, name: string) => login.locator(`input[name="${name}"]`);
const part = (login: Locator, name: string) => login.locator(`[part="${name}"]`);

// By name and part, not by label: the right-to-left page's labels are Arabic.
const REACH: Record<WidgetState, (login: Locator, options: ReachOptions) => Promise<Locator[]>> = {
  password: async () => [],
  'field-errors': async (login) => {
    await part(login, 'submit').click();
    await part(login, 'field-error').nth(1).waitFor();
    return [];
  },
  error: async (login) => {
    await input(login, 'email').fill(DEMO_EMAIL);
    await input(login, 'password').fill('wrong-password');
    await part(login, 'submit').click();
    await part(login, 'error').waitFor();
    return [];
  },
  'api-key': async (login) => {
    await tab(login, 'api-key').click();
    await input(login, 'clientId').waitFor();
    return [];
  },
  'phone-request': async (login) => {
    await tab(login, 'phone-otp').click();
    await input(login, 'phoneNumber').waitFor();
    return [];
  },
  'phone-code': async (login, { phoneNumber }) => {
    await tab(login, 'phone-otp').click();
    await input(login, 'phoneNumber').fill(phoneNumber);
    await part(login, 'submit').click();
    await input(login, 'code').waitFor();
    // The number and the "Send again in 30 s" countdown change from run to run and second to second.
    return [part(login, 'otp-sent'), part(login, 'resend')];
  },
  'email-request': async (login) => {
    await tab(login, 'email-otp').click();
    await input(login, 'email').waitFor();
    return [];
  },
  'signed-in': async (login) => {
    await input(login, 'email').fill(DEMO_EMAIL);
    await input(login, 'password').fill(DEMO_PASSWORD);
    await part(login, 'submit').click();
    await part(login, 'session').waitFor();
    // The live countdown, the absolute expiry time and the issue time change with the clock.
    return [part(login, 'session-countdown'), part(login, 'session-expiry'), part(login, 'session-details').locator('time')];
  },
};

export const DEMO_EMAIL = 'demo@example.com';
export const DEMO_PASSWORD = 'demo-password';

/** Signs the demo account in through an English `<jwt-login>`'s password form. */
export async function signInAsDemo(login: Locator): Promise<void> {
  await login.getByLabel(/e-?mail/i).fill(DEMO_EMAIL);
  await login.getByLabel(/password/i).fill(DEMO_PASSWORD);
  await login.getByRole('button', { name: /sign in/i }).click();
}

/** The text of the password tab once the widget speaks the page's language. */
const PASSWORD_TAB: Record<string, string> = { en: 'Password', de: 'Passwort', ar: 'كلمة المرور' };

/** Loads `url` and waits until the widget is rendered in `lang` and the fonts are in. */
export async function openWidget(page: Page, url: string, lang = 'en'): Promise<Locator> {
  await page.goto(url);
  const login = page.locator('jwt-login');
  await tab(login, 'password').filter({ hasText: PASSWORD_TAB[lang] ?? PASSWORD_TAB.en! }).waitFor();
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return login;
}

/** Drives a freshly opened widget to `state`; returns what changes between runs, to mask. */
export function reachState(login: Locator, state: WidgetState, options: ReachOptions): Promise<Locator[]> {
  return REACH[state](login, options);
}

/** A phone number no earlier run has used: `+43664` and seven random digits. */
export function freshPhoneNumber(): string {
  return `+43664${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
}
