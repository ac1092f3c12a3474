import { msg, str } from '@lit/localize';

// The signed-in view's texts, in its chunk: added to the element's defaults when it arrives.
// Keyed as in messages.ts, by the @lit/localize id without `jwt-login.`.
export const SESSION_TEXTS = {
  'session.heading': () => msg('Signed in', { id: 'jwt-login.session.heading' }),
  'session.anonymous': () => msg('You are signed in.', { id: 'jwt-login.session.anonymous' }),
  'session.who': ({ who }: { who: string }) => msg(str`Signed in as ${who}.`, { id: 'jwt-login.session.who' }),
  'session.expired': () => msg('Expired', { id: 'jwt-login.session.expired' }),
  'session.expires-in-hours': ({ hours, minutes }: { hours: string; minutes: string }) =>
    msg(str`Expires in ${hours} h ${minutes} min`, { id: 'jwt-login.session.expires-in-hours' }),
  'session.expires-in-minutes': ({ minutes }: { minutes: string }) =>
    msg(str`Expires in ${minutes} min`, { id: 'jwt-login.session.expires-in-minutes' }),
  'session.expires-in-seconds': ({ secs }: { secs: string }) =>
    msg(str`Expires in ${secs} s`, { id: 'jwt-login.session.expires-in-seconds' }),
  'session.until': ({ until }: { until: string }) => msg(str`Access valid until ${until}.`, { id: 'jwt-login.session.until' }),
  'session.method': () => msg('Sign-in method', { id: 'jwt-login.session.method' }),
  'session.method-external-token': () => msg('External token', { id: 'jwt-login.session.method-external-token' }),
  'session.tenant': () => msg('Tenant', { id: 'jwt-login.session.tenant' }),
  'session.issued': () => msg('Issued', { id: 'jwt-login.session.issued' }),
  'session.copy-token': () => msg('Copy access token', { id: 'jwt-login.session.copy-token' }),
  'session.copy-header': () => msg('Copy Authorization header', { id: 'jwt-login.session.copy-header' }),
  'session.copied-token': () => msg('Access token copied.', { id: 'jwt-login.session.copied-token' }),
  'session.copy-curl': () => msg('Copy as curl', { id: 'jwt-login.session.copy-curl' }),
  'session.copied-header': () => msg('Authorization header copied.', { id: 'jwt-login.session.copied-header' }),
  'session.copied-curl': () => msg('curl command copied.', { id: 'jwt-login.session.copied-curl' }),
  'session.copy-failed': () =>
    msg('Copying failed: select and copy the token instead.', { id: 'jwt-login.session.copy-failed' }),
  'session.token-label': () => msg('Access token', { id: 'jwt-login.session.token-label' }),
  'session.claims': () => msg('Token claims', { id: 'jwt-login.session.claims' }),
  'session.sign-out': () => msg('Sign out', { id: 'jwt-login.session.sign-out' }),
};
