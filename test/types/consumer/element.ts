// A page script using <jwt-login> with nothing but the package's own types (no React).
import { type LoginErrorCode, LOGIN_ERROR_CODES, PRESET_NAMES } from 'jwt-login-widget/core';
import 'jwt-login-widget/define.js';
import { JwtLogin, type LoginErrorDetail, type LoginEvent, type TokenSet } from 'jwt-login-widget';
import type { Equal, Expect } from './assert.js';

// HTMLElementTagNameMap: the tag name gives the class, not a bare Element.
const found = document.querySelector('jwt-login');
type _Found = Expect<Equal<typeof found, JwtLogin | null>>;
const login = document.createElement('jwt-login');
type _Created = Expect<Equal<typeof login, JwtLogin>>;
export const isWidget: boolean = found instanceof JwtLogin;

// GlobalEventHandlersEventMap: each listener gets its event class and detail.
login.addEventListener('login', (event) => {
  type _Event = Expect<Equal<typeof event, LoginEvent>>;
  type _Detail = Expect<Equal<typeof event.detail, TokenSet>>;
  const accessToken: string = event.detail.accessToken;
  // @ts-expect-error the detail is a TokenSet, not `any`
  void event.detail.accesToken;
  void accessToken;
});
login.addEventListener('token-refresh', (event) => {
  type _Detail = Expect<Equal<typeof event.detail, TokenSet>>;
  const expiresAt: number | undefined = event.detail.expiresAt;
  void expiresAt;
});
login.addEventListener('logout', (event) => {
  type _Reason = Expect<Equal<typeof event.detail.reason, 'user' | 'expired' | 'refresh-failed'>>;
  if (event.detail.reason === 'expired') login.hidden = true;
});
login.addEventListener('login-error', (event) => {
  type _Detail = Expect<Equal<typeof event.detail, LoginErrorDetail>>;
  type _Code = Expect<Equal<typeof event.detail.code, LoginErrorCode>>;
  const retryAfter: number | undefined = event.detail.retryAfter;
  void retryAfter;
});
login.addEventListener('otp-sent', (event) => {
  type _Channel = Expect<Equal<typeof event.detail.channel, 'sms' | 'email'>>;
  const to: string = event.detail.to;
  void to;
});
// The events bubble out of the element (composed), and the page may listen further up.
document.addEventListener('login', (event) => void event.detail.claims);

// Properties and methods.
login.baseUrl = 'https://go.api.gourban.services/v1';
login.tenant = 'acme';
login.timeout = 5000;
// @ts-expect-error timeout is a number of milliseconds
login.timeout = '5000';
login.headers = { 'X-Client': 'docs' };
login.signer = async ({ method, url, body }) => ({ 'X-Signature': `${method} ${url} ${body}` });
login.endpoints = { refresh: { path: '/{tenant}/auth/refresh', method: 'POST' } };
const session: TokenSet | null = login.session;
const accessToken: Promise<string | null> = login.getAccessToken();
const refreshed: Promise<TokenSet> = login.refreshTokens();
const exchanged: Promise<TokenSet> = login.loginWithToken('external-token');
login.logout();
void [session, accessToken, refreshed, exchanged];

// The DOM-free core, a subpath of its own.
type _Presets = Expect<Equal<(typeof PRESET_NAMES)[number], 'wunder' | 'datarhei' | 'auth-login' | 'directus' | 'strapi' | 'custom'>>;
type _Codes = Expect<Equal<(typeof LOGIN_ERROR_CODES)[number], LoginErrorCode>>;
