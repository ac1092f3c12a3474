// A React app using the wrapper from `jwt-login-widget/react`.
import { useRef, type ComponentProps } from 'react';
import type { LoginErrorDetail, TokenSet } from 'jwt-login-widget';
import { JwtLogin, type JwtLoginElement, type JwtLoginProps } from 'jwt-login-widget/react';
import type { Equal, Expect } from './assert.js';

type _Props = Expect<Equal<JwtLoginProps, ComponentProps<typeof JwtLogin>>>;

export function SignIn({ onToken }: { onToken: (token: string) => void }) {
  const ref = useRef<JwtLoginElement>(null);
  return (
    <JwtLogin
      ref={ref}
      baseUrl="https://go.api.gourban.services/v1"
      tenant="acme"
      preset="wunder"
      timeout={5000}
      headers={{ 'X-Client': 'docs' }}
      signer={async ({ method, url }) => ({ 'X-Signature': `${method} ${url}` })}
      className="login"
      onLogin={(event) => {
        type _Detail = Expect<Equal<typeof event.detail, TokenSet>>;
        onToken(event.detail.accessToken);
      }}
      onTokenRefresh={(event) => onToken(event.detail.accessToken)}
      onLogout={(event) => {
        type _Reason = Expect<Equal<typeof event.detail.reason, 'user' | 'expired' | 'refresh-failed'>>;
        if (event.detail.reason !== 'user') onToken('');
      }}
      onLoginError={(event) => {
        type _Detail = Expect<Equal<typeof event.detail, LoginErrorDetail>>;
        console.warn(event.detail.code, event.detail.traceId);
      }}
      onOtpSent={(event) => {
        type _Channel = Expect<Equal<typeof event.detail.channel, 'sms' | 'email'>>;
        console.info(`Code sent to ${event.detail.to}`);
      }}
    />
  );
}

export async function currentToken(element: JwtLoginElement): Promise<string | null> {
  return element.getAccessToken();
}

// @ts-expect-error timeout is a number of milliseconds
export const wrongTimeout = <JwtLogin timeout="soon" />;
// @ts-expect-error the wrapper's handlers are camelCase (onLogin)
export const wrongHandler = <JwtLogin onlogin={() => undefined} />;
