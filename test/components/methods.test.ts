import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import type { JwtLogin } from '../../src/components/login/login.js';
import type { LoginErrorEvent } from '../../src/events/login-error-event.js';
import type { LoginEvent } from '../../src/events/login-event.js';
import { api, countingFetches, tab, typeInto, visibleButton, visibleInput, submitCredentials } from '../helpers/widget.js';

describe('API key sign-in', () => {
  it('signs an API client in with one request', async () => {
    const element = await fixture<JwtLogin>(html`<jwt-login base-url=${api.wunder} tenant="globex"></jwt-login>`);
    tab(element, /api key/i).click();
    await element.updateComplete;
    const { result, urls } = await countingFetches(async () => {
      const login = oneEvent(element, 'login') as Promise<LoginEvent>;
      await typeInto(visibleInput(element, /client id/i), 'demo-client');
      await typeInto(visibleInput(element, /client key/i), 'demo-client-key');
      visibleButton(element, /sign in/i).click();
      return login;
    });
    expect(urls).to.have.length(1);
    expect(result.detail.method).to.equal('api-key');
    expect(result.detail.claims['name']).to.equal('Demo API client');
  });

  it('keeps the tenant typed into the form with the session and after sign-out', async () => {
    const element = await fixture<JwtLogin>(html`<jwt-login base-url=${api.wunder} methods="api-key"></jwt-login>`);
    const login = oneEvent(element, 'login') as Promise<LoginEvent>;
    await typeInto(visibleInput(element, /^tenant$/i), 'globex');
    await typeInto(visibleInput(element, /client id/i), 'demo-client');
    await typeInto(visibleInput(element, /client key/i), 'demo-client-key');
    visibleButton(element, /sign in/i).click();
    expect((await login).detail.tenant).to.equal('globex');
    element.logout();
    await element.updateComplete;
    expect(visibleInput(element, /^tenant$/i).value).to.equal('globex');
  });
});

describe('datarhei', () => {
  it('exchanges an external (Auth0) token with loginWithToken', async () => {
    const element = await fixture<JwtLogin>(html`<jwt-login base-url=${api.datarhei} preset="datarhei"></jwt-login>`);
    const response = await fetch(`${window.AUTH_SERVER_URL}/_demo/auth0-token?sub=auth0|reader`);
    const { token } = (await response.json()) as { token: string };
    const login = oneEvent(element, 'login') as Promise<LoginEvent>;
    const tokens = await element.loginWithToken(token);
    expect((await login).detail).to.equal(tokens);
    expect(tokens.method).to.equal('external-token');
    expect(tokens.refreshToken).to.be.a('string');
    expect(element.session).to.equal(tokens);
  });

  it('rejects an invalid external token with bad-credentials and shows it', async () => {
    const element = await fixture<JwtLogin>(html`<jwt-login base-url=${api.datarhei} preset="datarhei"></jwt-login>`);
    const failure = oneEvent(element, 'login-error') as Promise<LoginErrorEvent>;
    let rejected: unknown;
    await element.loginWithToken('not-a-token').catch((error: unknown) => (rejected = error));
    expect((await failure).detail.code).to.equal('bad-credentials');
    expect((rejected as { code: string }).code).to.equal('bad-credentials');
  });
});

describe('auth-login', () => {
  it('keeps extra_attributes and the trace id on an account-not-validated error', async () => {
    const element = await fixture<JwtLogin>(html`<jwt-login base-url=${api.authLogin} preset="auth-login"></jwt-login>`);
    const failure = oneEvent(element, 'login-error') as Promise<LoginErrorEvent>;
    await submitCredentials(element, /user ?name/i, 'unvalidated', 'demo-password');
    const { detail } = await failure;
    expect(detail).to.include({ code: 'account-not-validated', serverCode: 'account-not-validated' });
    expect((detail.extra as Record<string, string>)['resend_code']).to.match(/^[0-9a-f-]{36}$/);
  });

  it('reports a disabled account as inactive-account', async () => {
    const element = await fixture<JwtLogin>(html`<jwt-login base-url=${api.authLogin} preset="auth-login"></jwt-login>`);
    const failure = oneEvent(element, 'login-error') as Promise<LoginErrorEvent>;
    await submitCredentials(element, /user ?name/i, 'disabled', 'demo-password');
    expect((await failure).detail.code).to.equal('inactive-account');
  });
});

describe('any other JWT API, through endpoints and headers', () => {
  /** Example ID: PUT /v2/sessions {login, secret} with X-Api-Version: 2 → {token, renewal, ttl}. */
  const exampleId = {
    methods: {
      password: { submit: { method: 'PUT' as const, path: '/v2/sessions', body: { username: 'login', password: 'secret' } } },
    },
    refresh: { method: 'POST' as const, path: '/v2/sessions/renew', body: { refreshToken: 'renewal' } },
    response: { accessToken: 'token', refreshToken: 'renewal', expiresIn: 'ttl' },
  };

  it('signs in with paths, method, field names and headers of its own', async () => {
    const element = await fixture<JwtLogin>(html`<jwt-login
      base-url=${api.exampleId}
      preset="auth-login"
      .endpoints=${exampleId}
      .headers=${{ 'X-Api-Version': '2' }}
    ></jwt-login>`);
    const login = oneEvent(element, 'login') as Promise<LoginEvent>;
    const before = Date.now();
    await submitCredentials(element, /user ?name/i, 'ada', 'lovelace-1815');
    const { detail } = await login;
    expect(detail.claims['name']).to.equal('Ada Lovelace');
    expect(detail.refreshToken).to.equal((detail.response as Record<string, string>)['renewal']);
    // The token has no exp: the expiry comes from the answer's ttl (900 s).
    expect(detail.expiresAt).to.be.within(before + 899_000, Date.now() + 900_000);
  });
});
