/** @jsxImportSource preact */
// <jwt-login> in Preact's JSX, with `import type {} from 'jwt-login-widget/preact'`.
import type {} from 'jwt-login-widget/preact';
import 'jwt-login-widget/define.js';
import type { LoginErrorDetail, LogoutReason, TokenSet } from 'jwt-login-widget';
import { type Equal, type Expect, exactly } from './assert.js';

export function SignIn({ onToken }: { onToken: (token: string) => void }) {
  return (
    <jwt-login
      base-url="https://go.api.gourban.services/v1"
      tenant="acme"
      preset="datarhei"
      lang="de"
      timeout={5000}
      headers={{ 'X-Client': 'docs' }}
      signer={async ({ method, url }) => ({ 'X-Signature': `${method} ${url}` })}
      onlogin={(event) => {
        type _Detail = Expect<Equal<typeof event.detail, TokenSet>>;
        onToken(event.detail.accessToken);
      }}
      ontoken-refresh={(event) => exactly<TokenSet>()(event.detail)}
      onlogout={(event) => exactly<LogoutReason>()(event.detail.reason)}
      onlogin-error={(event) => exactly<LoginErrorDetail>()(event.detail)}
      onotp-sent={(event) => exactly<'sms' | 'email'>()(event.detail.channel)}
    />
  );
}

// @ts-expect-error timeout is a number of milliseconds
export const wrongTimeout = <jwt-login timeout="soon" />;
// @ts-expect-error the detail is a TokenSet, which has no `accesToken`
export const typo = <jwt-login onlogin={(event) => event.detail.accesToken} />;
// @ts-expect-error Preact takes the event name as written after `on`: `onlogin`, not `onLogin`
export const wrongHandler = <jwt-login onLogin={() => undefined} />;
