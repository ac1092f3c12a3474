import { expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { JwtLogin } from '../../src/components/login/login.js';
import type { LoginErrorEvent } from '../../src/events/login-error-event.js';
import type { LoginEvent } from '../../src/events/login-event.js';
import type { LogoutEvent } from '../../src/events/logout-event.js';
import type { TokenRefreshEvent } from '../../src/events/token-refresh-event.js';
import { api, clearFaults, countingFetches, injectFault, inputByLabel, part, typeInto, visibleButton, submitCredentials } from '../helpers/widget.js';

async function signedIn(template = html`<jwt-login base-url=${api.wunder} tenant="globex" methods="password"></jwt-login>`) {
  const element = await fixture<JwtLogin>(template);
  const login = oneEvent(element, 'login') as Promise<LoginEvent>;
  await typeInto(inputByLabel(element, /e-?mail/i), 'demo@example.com');
  await typeInto(inputByLabel(element, /password/i), 'demo-password');
  visibleButton(element, /sign in/i).click();
  await login;
  await element.updateComplete;
  return element;
}

function storedKeys(): string[] {
  return [...Object.keys(localStorage), ...Object.keys(sessionStorage)].filter((key) => key.startsWith('jwt-login'));
}

describe('session', () => {
  afterEach(async () => {
    fixtureCleanup();
    localStorage.clear();
    sessionStorage.clear();
    await clearFaults();
  });

  it('keeps tokens in memory only by default', async () => {
    await signedIn();
    expect(storedKeys()).to.deep.equal([]);
  });

  it('restores the signed-in view from sessionStorage with persist="session"', async () => {
    const logins: string[] = [];
    const template = () =>
      html`<jwt-login
        base-url=${api.wunder}
        tenant="globex"
        methods="password"
        persist="session"
        @login=${(event: LoginEvent) => logins.push(event.detail.accessToken)}
      ></jwt-login>`;
    const first = await signedIn(template());
    const token = first.session!.accessToken;
    first.remove();
    const restored = await fixture<JwtLogin>(template());
    await waitUntil(() => logins.length === 2, 'the restored session fires login');
    await restored.updateComplete;
    expect(logins[1]).to.equal(token);
    expect(restored.session!.accessToken).to.equal(token);
    expect(part(restored, 'session')).to.not.equal(null);
  });

  it('never mixes the sessions of two APIs on one page', async () => {
    await signedIn(html`<jwt-login base-url=${api.wunder} tenant="globex" methods="password" persist="local"></jwt-login>`);
    const other = await fixture<JwtLogin>(html`<jwt-login base-url=${api.wunder} tenant="acme" methods="password" persist="local"></jwt-login>`);
    await other.updateComplete;
    expect(other.session).to.equal(null);
    expect(storedKeys()).to.have.length(1);
  });

  it('keeps the session (memory) when the element is moved to another place on the page', async () => {
    const element = await signedIn();
    const token = element.session!.accessToken;
    const logouts: string[] = [];
    element.addEventListener('logout', (event) => logouts.push((event as LogoutEvent).detail.reason));
    const elsewhere = document.createElement('section');
    element.parentElement!.after(elsewhere);
    elsewhere.append(element);
    await waitUntil(() => element.session !== null, 'the moved element is signed in');
    await element.updateComplete;
    expect(element.session!.accessToken).to.equal(token);
    expect(part(element, 'session')).to.not.equal(null);
    expect(logouts).to.deep.equal([]);
    elsewhere.remove();
  });

  it('getAccessToken gives the token when signed in and null when signed out', async () => {
    const element = await signedIn();
    expect(await element.getAccessToken()).to.equal(element.session!.accessToken);
    element.logout();
    expect(await element.getAccessToken()).to.equal(null);
  });

  it('refreshTokens shares one request among concurrent calls and fires token-refresh', async () => {
    const element = await signedIn();
    const refreshed = oneEvent(element, 'token-refresh') as Promise<TokenRefreshEvent>;
    const { result, urls } = await countingFetches(() => Promise.all([element.refreshTokens(), element.refreshTokens()]));
    expect(urls.filter((url) => url.endsWith('/auth/refresh'))).to.have.length(1);
    expect(result[0]).to.equal(result[1]);
    expect((await refreshed).detail).to.equal(element.session);
  });

  it('keeps datarhei’s refresh token, which its refresh answer does not renew', async () => {
    const element = await fixture<JwtLogin>(html`<jwt-login base-url=${api.datarhei} preset="datarhei"></jwt-login>`);
    const login = oneEvent(element, 'login') as Promise<LoginEvent>;
    await submitCredentials(element, /user ?name/i, 'admin', 'datarhei');
    const first = (await login).detail;
    const refreshed = await element.refreshTokens();
    expect(refreshed.refreshToken).to.equal(first.refreshToken);
    expect(refreshed.accessToken).not.to.equal(first.accessToken);
  });

  it('ends the session with reason refresh-failed when the server refuses the refresh', async () => {
    const element = await signedIn();
    await injectFault({ match: '/auth/refresh', status: 401, body: '{"message":"Invalid refresh token"}' });
    const logout = oneEvent(element, 'logout') as Promise<LogoutEvent>;
    const failure = oneEvent(element, 'login-error') as Promise<LoginErrorEvent>;
    await element.refreshTokens().catch(() => undefined);
    expect((await logout).detail.reason).to.equal('refresh-failed');
    expect((await failure).detail.code).to.equal('refresh-failed');
    await element.updateComplete;
    expect(part(element, 'error')!.textContent).to.match(/could not be renewed/);
    expect(inputByLabel(element, /e-?mail/i)).to.be.instanceOf(HTMLInputElement);
  });

  it('keeps the session when a refresh fails for a passing reason', async () => {
    const element = await signedIn();
    await injectFault({ match: '/auth/refresh', status: 503 });
    const before = element.session;
    const error = await element.refreshTokens().catch((failure: unknown) => failure);
    expect((error as { code: string }).code).to.equal('server-error');
    expect(element.session).to.equal(before);
  });

  it('shows a live expiry countdown and copy buttons in the signed-in view', async () => {
    const element = await signedIn();
    expect(part(element, 'session-countdown')!.textContent).to.match(/expires in (4 h 59|5 h 0) min/i);
    expect(visibleButton(element, /copy access token/i)).to.be.instanceOf(HTMLButtonElement);
    expect(visibleButton(element, /authorization header/i)).to.be.instanceOf(HTMLButtonElement);
    expect(visibleButton(element, /copy as curl/i)).to.be.instanceOf(HTMLButtonElement);
    await expect(element).to.be.accessible();
  });

  // The clipboard itself is tested in session-view.test.ts with a real click and paste; here,
  // what the element hands it: the command with the element's own base URL and token.
  it('copies a curl command with its base URL and the access token, and says so', async () => {
    const element = await signedIn();
    const written: string[] = [];
    const clipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard')!;
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (text: string) => void written.push(text) } });
    try {
      visibleButton(element, /copy as curl/i).click();
      await waitUntil(() => part(element, 'copy-status')!.textContent!.trim() === 'curl command copied.');
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
      expect(Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard')).to.deep.equal(clipboard);
    }
    expect(written).to.deep.equal([`curl -H 'Authorization: Bearer ${element.session!.accessToken}' '${new URL(api.wunder).href}'`]);
  });
});
