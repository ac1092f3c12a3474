import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { JwtLogin } from '../../src/components/login/login.js';
import type { LoginErrorEvent } from '../../src/events/login-error-event.js';
import type { LoginEvent } from '../../src/events/login-event.js';
import { makeJwt } from '../helpers/jwt.js';
import {
  api,
  clearFaults,
  countingFetches,
  injectFault,
  part,
  shadow,
  submitCredentials,
  tab,
  typeInto,
  unreachable,
  visibleButton,
  visibleInput,
} from '../helpers/widget.js';

const PASSWORD_PATH = '/auth/sign-in-email';

async function widget(options: { baseUrl?: string; timeout?: number } = {}): Promise<JwtLogin> {
  return fixture<JwtLogin>(
    html`<jwt-login base-url=${options.baseUrl ?? api.wunder} tenant="globex" timeout=${options.timeout ?? 15000}></jwt-login>`,
  );
}

/** Signs in against an injected fault and returns the error the widget reported. */
async function failWith(element: JwtLogin, password = 'demo-password'): Promise<LoginErrorEvent['detail']> {
  const failure = oneEvent(element, 'login-error') as Promise<LoginErrorEvent>;
  await submitCredentials(element, /e-?mail/i, 'demo@example.com', password);
  const { detail } = await failure;
  await element.updateComplete;
  return detail;
}

function alertText(element: JwtLogin): string {
  return part(element, 'error')?.textContent?.trim() ?? '';
}

/** After every fault the form is usable and keeps what was typed. */
function expectUsableWithValues(element: JwtLogin): void {
  expect(visibleButton(element, /sign in/i).getAttribute('aria-disabled')).to.equal('false');
  expect(visibleInput(element, /e-?mail/i).value).to.equal('demo@example.com');
}

describe('fault matrix', () => {
  afterEach(clearFaults);

  it('429 with Retry-After: 7 is rate-limited, with the submit disabled and a visible countdown', async () => {
    const element = await widget();
    await injectFault({ match: PASSWORD_PATH, status: 429, headers: { 'Retry-After': '7' }, body: '{"message":"Slow down"}' });
    const detail = await failWith(element);
    expect(detail).to.include({ code: 'rate-limited', retryAfter: 7 });
    const submit = visibleButton(element, /try again in [67] s/i);
    expect(submit.getAttribute('aria-disabled')).to.equal('true');
    const { urls } = await countingFetches(async () => {
      submit.click();
      await element.updateComplete;
    });
    expect(urls).to.deep.equal([]);
    expect(visibleInput(element, /e-?mail/i).value).to.equal('demo@example.com');
  });

  it('is usable again once the Retry-After countdown has run out', async () => {
    const element = await widget();
    await injectFault({ match: PASSWORD_PATH, status: 429, headers: { 'Retry-After': '1' } });
    await failWith(element);
    await waitUntil(() => visibleButton(element, /sign in|try again/i).getAttribute('aria-disabled') === 'false', 'usable again', {
      timeout: 3000,
    });
    const login = oneEvent(element, 'login');
    visibleButton(element, /sign in/i).click();
    expect((await login).type).to.equal('login');
  });

  it('500 with an HTML body is server-error with a message of ours, never the HTML', async () => {
    const element = await widget();
    await injectFault({ match: PASSWORD_PATH, status: 500, body: '<!doctype html><title>Oops</title><h1>Internal Server Error</h1>' });
    expect((await failWith(element)).code).to.equal('server-error');
    expect(alertText(element)).to.match(/has a problem/);
    expect(alertText(element)).not.to.match(/<|Oops|Internal Server Error/);
    expect(shadow(element).activeElement).to.equal(part(element, 'error'));
    expectUsableWithValues(element);
  });

  for (const [name, body] of [
    ['a body that is not JSON', 'all good'],
    ['a body without the token fields', '{"token":"x"}'],
    ['a token that is not a JWT', '{"accessToken":"opaque-session-id","refreshToken":"r"}'],
  ]) {
    it(`200 with ${name} is invalid-response`, async () => {
      const element = await widget();
      await injectFault({ match: PASSWORD_PATH, status: 200, body });
      expect((await failWith(element)).code).to.equal('invalid-response');
      expect(element.session).to.equal(null);
      expectUsableWithValues(element);
    });
  }

  it('no answer is timeout after the configured time, the request aborted', async () => {
    const element = await widget({ timeout: 400 });
    await injectFault({ match: PASSWORD_PATH, hang: true });
    const started = performance.now();
    const detail = await failWith(element);
    const elapsed = performance.now() - started;
    expect(detail.code).to.equal('timeout');
    expect(elapsed).to.be.within(350, 3000);
    expectUsableWithValues(element);
  });

  it('a refused connection is network-error, with a hint for the developer in the console', async () => {
    const element = await widget({ baseUrl: unreachable });
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      expect((await failWith(element)).code).to.equal('network-error');
    } finally {
      console.warn = original;
    }
    expect(warnings.join('\n')).to.match(/CORS/);
    expect(warnings.join('\n')).not.to.contain('demo-password');
    expectUsableWithValues(element);
  });

  it('says so when the browser is offline', async () => {
    const element = await widget({ baseUrl: unreachable });
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      expect((await failWith(element)).code).to.equal('network-error');
      expect(alertText(element)).to.match(/offline/i);
    } finally {
      delete (navigator as unknown as Record<string, unknown>)['onLine'];
    }
  });

  it('401 whose message carries markup is bad-credentials, shown as text, running no script', async () => {
    const element = await widget();
    const markup = '<img src=x onerror="window.__jwtLoginXss = true">';
    await injectFault({ match: PASSWORD_PATH, status: 401, body: JSON.stringify({ message: markup }) });
    const detail = await failWith(element);
    expect(detail).to.include({ code: 'bad-credentials', serverMessage: markup });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(shadow(element).querySelector('img')).to.equal(null);
    expect((window as unknown as Record<string, unknown>)['__jwtLoginXss']).to.equal(undefined);
    expectUsableWithValues(element);
  });

  it('403 is forbidden', async () => {
    const element = await widget();
    await injectFault({ match: PASSWORD_PATH, status: 403, body: '{"message":"Forbidden"}' });
    expect((await failWith(element)).code).to.equal('forbidden');
    expectUsableWithValues(element);
  });

  it('404 on a login path is not-found and says the base URL or tenant is probably wrong', async () => {
    const element = await widget();
    await injectFault({ match: PASSWORD_PATH, status: 404, body: '{"message":"Not Found"}' });
    expect((await failWith(element)).code).to.equal('not-found');
    expect(alertText(element)).to.match(/address or tenant may be wrong/);
  });

  it('a CORS refusal is network-error', async () => {
    const element = await widget();
    await injectFault({ match: PASSWORD_PATH, headers: { 'Access-Control-Allow-Origin': 'https://elsewhere.example' } });
    expect((await failWith(element)).code).to.equal('network-error');
    expectUsableWithValues(element);
  });
});

describe('guards', () => {
  afterEach(clearFaults);

  it('sends one request at a time, even when another method is submitted meanwhile', async () => {
    const element = await widget();
    await injectFault({ match: PASSWORD_PATH, delayMs: 2000 });
    const { urls } = await countingFetches(async () => {
      const login = oneEvent(element, 'login');
      await submitCredentials(element, /e-?mail/i, 'demo@example.com', 'demo-password');
      tab(element, /api key/i).click();
      await element.updateComplete;
      await typeInto(visibleInput(element, /client id/i), 'demo-client');
      await typeInto(visibleInput(element, /client key/i), 'demo-client-key');
      visibleButton(element, /sign in/i).click();
      await login;
    });
    expect(urls).to.have.length(1);
  });

  it('leaks no token into the URL, an attribute, the console or storage, and no password anywhere', async () => {
    const element = await widget();
    const logged: string[] = [];
    const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
    const originals = methods.map((name) => console[name]);
    for (const name of methods) console[name] = (...args: unknown[]) => logged.push(args.map(String).join(' '));
    const errors: string[] = [];
    element.addEventListener('login-error', (event) => errors.push(JSON.stringify(event.detail)));
    let token: string;
    try {
      await failWith(element, 'wrong-password');
      visibleInput(element, /password/i).value = '';
      const login = oneEvent(element, 'login') as Promise<LoginEvent>;
      await typeInto(visibleInput(element, /password/i), 'demo-password');
      visibleButton(element, /sign in/i).click();
      token = (await login).detail.accessToken;
      await element.updateComplete;
    } finally {
      methods.forEach((name, index) => (console[name] = originals[index]!));
    }
    const attributes = [element, ...shadow(element).querySelectorAll('*')].flatMap((node) =>
      [...node.attributes].map((attribute) => attribute.value),
    );
    for (const secret of [token, 'demo-password', 'wrong-password']) {
      expect(location.href).not.to.contain(secret);
      expect(attributes.join(' ')).not.to.contain(secret);
      expect(logged.join(' ')).not.to.contain(secret);
      expect(JSON.stringify({ ...localStorage, ...sessionStorage })).not.to.contain(secret);
    }
    expect(errors.join(' ')).not.to.contain('wrong-password');
  });

  it('never fires login without a decodable access token', async () => {
    const element = await widget();
    let logins = 0;
    element.addEventListener('login', () => (logins += 1));
    await injectFault({ match: PASSWORD_PATH, status: 200, body: JSON.stringify({ accessToken: makeJwt({}).slice(0, 20) }) });
    expect((await failWith(element)).code).to.equal('invalid-response');
    expect(logins).to.equal(0);
  });
});
