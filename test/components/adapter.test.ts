import { expect, fixture, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import type { JwtLogin } from '../../src/components/login/login.js';
import type { LoginErrorEvent } from '../../src/events/login-error-event.js';
import type { LoginEvent } from '../../src/events/login-event.js';
import type { LogoutEvent } from '../../src/events/logout-event.js';
import { clearFaults, countingFetches, injectFault, part, submitCredentials, typeInto, visibleButton, visibleInput } from '../helpers/widget.js';

const generic = `${window.AUTH_SERVER_URL}/generic`;
/**
 * The same API on the page's own site (`localhost`; ports do not make another site): a
 * SameSite cookie is only sent to an API on the page's site.
 */
const genericSameSite = generic.replace('127.0.0.1', 'localhost');
const person = { email: 'grace@example.com', password: 'cobol-1959' };

/** One of the README's JSON examples, as text, exactly as a page would embed it. */
async function example(name: 'oauth' | 'session' | 'api-key'): Promise<string> {
  const response = await fetch(new URL(`../../demo/apis/generic-${name}.json`, import.meta.url));
  return response.text();
}

/** A widget configured with no script at all: attributes and a child JSON script. */
function withInlineConfig(baseUrl: string, json: string, attributes = ''): Promise<JwtLogin> {
  return fixture<JwtLogin>(
    `<jwt-login base-url="${baseUrl}" preset="custom" ${attributes}><script type="application/json">${json}</script></jwt-login>`,
  );
}

/** Asks the server directly for a refresh with a given OAuth refresh token. */
function oauthRefresh(refreshToken: string): Promise<Response> {
  return fetch(`${generic}/oauth/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken }),
  });
}

describe('any other JWT API, configured in JSON', () => {
  it('reads its configuration from a child script: OAuth 2 password grant with a form body', async () => {
    const element = await withInlineConfig(generic, await example('oauth'));
    const login = oneEvent(element, 'login') as Promise<LoginEvent>;
    await submitCredentials(element, /e-?mail/i, person.email, person.password);
    const { detail } = await login;
    expect(detail.claims['name']).to.equal('Grace Hopper');
    expect(detail.expiresAt).to.equal((detail.claims.exp as number) * 1000);
    expect(part(element, 'session')).to.not.equal(null);
  });

  it('reports a 400 wrong password as bad-credentials with the server’s words, and keeps what was typed', async () => {
    const element = await withInlineConfig(generic, await example('oauth'));
    const failed = oneEvent(element, 'login-error') as Promise<LoginErrorEvent>;
    await submitCredentials(element, /e-?mail/i, person.email, 'wrong');
    const { detail } = await failed;
    expect(detail.code).to.equal('bad-credentials');
    expect(detail.message).to.equal('HTTP 400: Invalid username or password');
    expect(detail.serverCode).to.equal('invalid_grant');
    expect(visibleInput(element, /e-?mail/i).value).to.equal(person.email);
  });

  it('revokes the refresh token on sign-out: the server refuses it afterwards', async () => {
    const element = await withInlineConfig(generic, await example('oauth'));
    const login = oneEvent(element, 'login') as Promise<LoginEvent>;
    await submitCredentials(element, /e-?mail/i, person.email, person.password);
    const { refreshToken } = (await login).detail;
    const { urls } = await countingFetches(async () => {
      const ended = oneEvent(element, 'logout') as Promise<LogoutEvent>;
      element.logout();
      expect((await ended).detail.reason).to.equal('user');
      expect(element.session).to.equal(null, 'signed out here at once');
      await new Promise((resolve) => setTimeout(resolve, 200));
    });
    expect(urls).to.deep.equal([`${generic}/oauth/revoke`]);
    expect((await oauthRefresh(refreshToken!)).status).to.equal(400);
  });

  it('signs out here even when the sign-out call fails', async () => {
    const element = await withInlineConfig(generic, (await example('oauth')).replace('/oauth/revoke', '/no-such-route'));
    const login = oneEvent(element, 'login') as Promise<LoginEvent>;
    await submitCredentials(element, /e-?mail/i, person.email, person.password);
    await login;
    const ended = oneEvent(element, 'logout') as Promise<LogoutEvent>;
    element.logout();
    await ended;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(element.session).to.equal(null);
    expect(part(element, 'session')).to.equal(null);
    expect(visibleInput(element, /e-?mail/i).isConnected).to.equal(true);
  });

  it('keeps the refresh token in an httpOnly cookie: refreshes and signs out with credentials', async () => {
    const element = await withInlineConfig(genericSameSite, await example('session'));
    const login = oneEvent(element, 'login') as Promise<LoginEvent>;
    await submitCredentials(element, /e-?mail/i, person.email, person.password);
    const first = (await login).detail;
    expect(first.refreshToken).to.equal(undefined);
    expect(first.expiresAt).to.be.a('number');
    await new Promise((resolve) => setTimeout(resolve, 1100)); // a new token has a new iat
    const refreshed = await element.refreshTokens();
    expect(refreshed.accessToken).to.not.equal(first.accessToken);
    element.logout();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const after = await fetch(`${genericSameSite}/session/refresh`, { method: 'POST', credentials: 'include' });
    expect(after.status).to.equal(401);
  });

  it('shows a config error that names the key at fault', async () => {
    const element = await withInlineConfig(generic, '{"methods":{"password":{"submit":{"method":"POST","path":"/x","bdy":{}}}}}');
    await element.updateComplete;
    expect(part(element, 'error')?.textContent).to.contain('endpoints.methods.password.submit.bdy is not a known key');
  });

  it('follows a configuration script added after the element', async () => {
    const element = await fixture<JwtLogin>(`<jwt-login base-url="${generic}" preset="custom"></jwt-login>`);
    expect(part(element, 'error')?.textContent).to.contain('at least one sign-in method');
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = await example('api-key');
    element.append(script);
    await new Promise((resolve) => setTimeout(resolve));
    await element.updateComplete;
    expect(visibleInput(element, /client id/i).isConnected).to.equal(true);
  });

  it('an API without refresh: refreshTokens() fails but the session stays until expiry', async () => {
    const element = await withInlineConfig(generic, await example('api-key'));
    const login = oneEvent(element, 'login') as Promise<LoginEvent>;
    await typeInto(visibleInput(element, /client id/i), 'docs-key');
    await typeInto(visibleInput(element, /client key/i), 'docs-key-secret');
    visibleButton(element, /sign in/i).click();
    const { detail } = await login;
    let failure: unknown;
    await element.refreshTokens().catch((error: unknown) => (failure = error));
    expect((failure as { code: string }).code).to.equal('refresh-failed');
    expect(element.session?.accessToken).to.equal(detail.accessToken);
    expect(await element.getAccessToken()).to.equal(detail.accessToken);
  });
});

describe('tokens belong to the API that issued them', () => {
  afterEach(() => clearFaults());

  it('does not start a session when base-url changes while the sign-in is in flight', async () => {
    const element = await withInlineConfig(generic, await example('oauth'));
    await injectFault({ match: '/generic/oauth/token', delayMs: 400 });
    const failed = oneEvent(element, 'login-error') as Promise<LoginErrorEvent>;
    let signedIn = false;
    element.addEventListener('login', () => (signedIn = true));
    await submitCredentials(element, /e-?mail/i, person.email, person.password);
    element.setAttribute('base-url', genericSameSite);
    const { detail } = await failed;
    expect(detail.code).to.equal('config-error');
    expect(signedIn).to.equal(false);
    expect(element.session).to.equal(null);
  });
});
