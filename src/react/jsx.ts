/**
 * `<jwt-login>` in React's JSX without the wrapper (React 19 sets known properties and
 * listens to `on<event>` props on custom elements itself). Kept out of the main entry so
 * that only React users need @types/react; `import type {} from 'jwt-login-widget/react'`
 * brings it in.
 */
import type * as React from 'react';
import type { JwtLogin } from '../components/login/login.js';
import type { LoginErrorEvent } from '../events/login-error-event.js';
import type { LoginEvent } from '../events/login-event.js';
import type { LogoutEvent } from '../events/logout-event.js';
import type { OtpSentEvent } from '../events/otp-sent-event.js';
import type { TokenRefreshEvent } from '../events/token-refresh-event.js';

/**
 * What `<jwt-login>` takes in JSX. The configuration goes in as attributes (kebab-case, as in
 * HTML): they work even when React renders the tag before the element is defined, where a
 * camelCase property would be set as a meaningless attribute. Objects and functions can only
 * be properties, so they require the element to be defined first. React 19 takes the event
 * name verbatim from what follows `on`, hence `onlogin` and `onlogin-error`, not `onLogin`.
 */
export interface JwtLoginJsxProps extends React.DetailedHTMLProps<React.HTMLAttributes<JwtLogin>, JwtLogin> {
  'base-url'?: string;
  tenant?: string;
  preset?: 'wunder' | 'datarhei' | 'auth-login';
  methods?: string;
  'branch-id'?: string;
  'signing-key'?: string;
  persist?: 'memory' | 'session' | 'local';
  refresh?: 'auto' | 'manual';
  timeout?: number;
  endpoints?: JwtLogin['endpoints'];
  headers?: JwtLogin['headers'];
  signer?: JwtLogin['signer'];
  onlogin?: (event: LoginEvent) => void;
  'ontoken-refresh'?: (event: TokenRefreshEvent) => void;
  onlogout?: (event: LogoutEvent) => void;
  'onlogin-error'?: (event: LoginErrorEvent) => void;
  'onotp-sent'?: (event: OtpSentEvent) => void;
}

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- augmenting React's own namespace is the only way in
  namespace JSX {
    interface IntrinsicElements {
      'jwt-login': JwtLoginJsxProps;
    }
  }
}
