// <jwt-login> straight in React's JSX (React 19 wires `on<event>` props to the element's events).
import type {} from 'jwt-login-widget/react';
import 'jwt-login-widget/define.js';
import type { LoginEvent } from 'jwt-login-widget';
import type { Equal, Expect } from './assert.js';

export function Docs() {
  return (
    <jwt-login
      base-url="https://go.api.gourban.services/v1"
      tenant="acme"
      preset="datarhei"
      methods="password api-key"
      persist="session"
      refresh="manual"
      lang="de"
      timeout={5000}
      onlogin={(event) => {
        type _Event = Expect<Equal<typeof event, LoginEvent>>;
        console.log(event.detail.accessToken);
      }}
      onlogout={(event) => console.log(event.detail.reason)}
      onlogin-error={(event) => console.log(event.detail.code)}
      ontoken-refresh={(event) => console.log(event.detail.expiresAt)}
      onotp-sent={(event) => console.log(event.detail.channel)}
    />
  );
}

// @ts-expect-error not one of the presets
export const wrongPreset = <jwt-login preset="keycloak" />;
// @ts-expect-error persist is memory, session or local
export const wrongPersist = <jwt-login persist="cookie" />;
