import type { SessionSource } from '../../src/bridges/session-source.js';

/** A stand-in for `<jwt-login>` in unit tests of the bridges: the session getter and the three events they follow. */
export class FakeLogin extends EventTarget implements SessionSource {
  session: { accessToken: string } | null = null;
  signIn(accessToken: string, event: 'login' | 'token-refresh' = 'login') {
    this.session = { accessToken };
    this.dispatchEvent(new CustomEvent(event, { detail: { accessToken } }));
  }
  signOut() {
    this.session = null;
    this.dispatchEvent(new CustomEvent('logout', { detail: { reason: 'user' } }));
  }
}
