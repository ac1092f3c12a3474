/** @jsxImportSource solid-js */
// <jwt-login> in Solid's JSX, with `import type {} from 'jwt-login-widget/solid'`.
import type {} from 'jwt-login-widget/solid';
import 'jwt-login-widget/define.js';
import type { JwtLogin, LoginErrorDetail, LogoutReason, TokenSet } from 'jwt-login-widget';
import { type Equal, type Expect, exactly } from './assert.js';

export function SignIn(props: { onToken: (token: string) => void; onElement: (element: JwtLogin) => void }) {
  return (
    <jwt-login
      ref={props.onElement}
      base-url="https://go.api.gourban.services/v1"
      tenant="acme"
      preset="datarhei"
      lang="de"
      timeout={5000}
      prop:headers={{ 'X-Client': 'docs' }}
      prop:signer={async ({ method, url }) => ({ 'X-Signature': `${method} ${url}` })}
      on:login={(event) => {
        type _Detail = Expect<Equal<typeof event.detail, TokenSet>>;
        props.onToken(event.detail.accessToken);
      }}
      on:token-refresh={(event) => exactly<TokenSet>()(event.detail)}
      on:logout={(event) => exactly<LogoutReason>()(event.detail.reason)}
      on:login-error={(event) => exactly<LoginErrorDetail>()(event.detail)}
      on:otp-sent={(event) => exactly<'sms' | 'email'>()(event.detail.channel)}
    />
  );
}

// @ts-expect-error timeout is a number of milliseconds
export const wrongTimeout = <jwt-login timeout="soon" />;
// @ts-expect-error the detail is a TokenSet, which has no `accesToken`
export const typo = <jwt-login on:login={(event) => event.detail.accesToken} />;
// @ts-expect-error Solid's event handlers on a custom element are `on:login`, not `onLogin`
export const wrongHandler = <jwt-login onLogin={() => undefined} />;
