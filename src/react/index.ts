/**
 * `jwt-login-widget/react`: `<JwtLogin>`, a React component for `<jwt-login>`, made with
 * @lit/react. Properties (objects and functions too: `endpoints`, `headers`, `signer`) are
 * set on the element rather than stringified into attributes, and the element's events
 * arrive through typed `on…` props.
 *
 * Importing this module registers `<jwt-login>`: a React user should not have to know that
 * a custom element needs defining.
 */
import { type EventName, createComponent } from '@lit/react';
import * as React from 'react';
import { JwtLogin as JwtLoginElement } from '../components/login/login.js';
import '../define.js';
import type { LoginErrorEvent } from '../events/login-error-event.js';
import type { LoginEvent } from '../events/login-event.js';
import type { LogoutEvent } from '../events/logout-event.js';
import type { OtpSentEvent } from '../events/otp-sent-event.js';
import type { TokenRefreshEvent } from '../events/token-refresh-event.js';

export type { JwtLoginJsxProps } from './jsx.js';
export type { JwtLoginElement, LoginErrorEvent, LoginEvent, LogoutEvent, OtpSentEvent, TokenRefreshEvent };

/**
 * `<jwt-login>` as a React component: `<JwtLogin baseUrl="…" tenant="acme" onLogin={(e) =>
 * use(e.detail.accessToken)} />`. A `ref` gets the element, for `getAccessToken()`,
 * `refreshTokens()`, `logout()` and `loginWithToken()`.
 */
export const JwtLogin = createComponent({
  react: React,
  tagName: 'jwt-login',
  elementClass: JwtLoginElement,
  displayName: 'JwtLogin',
  events: {
    onLogin: 'login' as EventName<LoginEvent>,
    onTokenRefresh: 'token-refresh' as EventName<TokenRefreshEvent>,
    onLogout: 'logout' as EventName<LogoutEvent>,
    onLoginError: 'login-error' as EventName<LoginErrorEvent>,
    onOtpSent: 'otp-sent' as EventName<OtpSentEvent>,
  },
});

/** The props `<JwtLogin>` accepts. */
export type JwtLoginProps = React.ComponentProps<typeof JwtLogin>;
