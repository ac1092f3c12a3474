import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { JwtLogin } from '../../src/components/login/login.js';
import type { LoginErrorEvent } from '../../src/events/login-error-event.js';
import type { LoginEvent } from '../../src/events/login-event.js';
import type { LogoutEvent } from '../../src/events/logout-event.js';
import { api, button, countingFetches, inputByLabel, part, shadow, typeInto, unreachable, submitCredentials } from '../helpers/widget.js';

async function wunder(): Promise<JwtLogin> {
  return fixture<JwtLogin>(html`<jwt-login base-url=${api.wunder} tenant="acme" methods="password"></jwt-login>`);
}

async function signInWunder(element: JwtLogin, password = 'demo-password'): Promise<void> {
  await typeInto(inputByLabel(element, /e-?mail/i), 'demo@example.com');
  await typeInto(inputByLabel(element, /password/i), password);
  button(element, /sign in/i).click();
}

describe('<jwt-login> configuration', () => {
  it('shows a config error naming base-url when it is missing, and fires config-error', async () => {
    const errors: LoginErrorEvent[] = [];
    const element = await fixture<JwtLogin>(html`<jwt-login @login-error=${(e: LoginErrorEvent) => errors.push(e)}></jwt-login>`);
    expect(part(element, 'error')!.getAttribute('role')).to.equal('alert');
    expect(part(element, 'error')!.textContent).to.contain('base-url is missing');
    expect(errors.map((event) => event.detail.code)).to.deep.equal(['config-error']);
    expect(errors[0]!.bubbles && errors[0]!.composed).to.equal(true);
  });

  it('shows a config error naming preset when it is unknown', async () => {
    const element = await fixture<JwtLogin>(html`<jwt-login base-url=${api.wunder} preset="okta"></jwt-login>`);
    expect(part(element, 'error')!.textContent).to.contain('preset "okta"');
    expect(shadow(element).querySelector('form')).to.equal(null);
  });

  it('shows a config error naming methods when the preset cannot do one', async () => {
    const element = await fixture<JwtLogin>(html`<jwt-login base-url=${api.datarhei} preset="datarhei" methods="phone-otp"></jwt-login>`);
    expect(part(element, 'error')!.textContent).to.contain('methods');
  });

  it('recovers from a config error when the attribute is fixed', async () => {
    const element = await fixture<JwtLogin>(html`<jwt-login tenant="acme" methods="password"></jwt-login>`);
    element.baseUrl = api.wunder;
    await element.updateComplete;
    expect(part(element, 'error')).to.equal(null);
    expect(inputByLabel(element, /e-?mail/i)).to.be.instanceOf(HTMLInputElement);
  });
});

describe('<jwt-login> password form', () => {
  it('asks wunder users for e-mail and password with autocomplete hints', async () => {
    const element = await wunder();
    const email = inputByLabel(element, /e-?mail/i);
    const password = inputByLabel(element, /password/i);
    expect(email.type).to.equal('email');
    expect(email.autocomplete).to.equal('username');
    expect(email.getAttribute('autocapitalize')).to.equal('none');
    expect(password.type).to.equal('password');
    expect(password.autocomplete).to.equal('current-password');
    expect(shadow(element).querySelector('form')).to.be.instanceOf(HTMLFormElement);
  });

  it('asks for the tenant when the preset needs one and none is set', async () => {
    const element = await fixture<JwtLogin>(html`<jwt-login base-url=${api.wunder} methods="password"></jwt-login>`);
    expect(inputByLabel(element, /^tenant$/i).name).to.equal('tenant');
  });

  it('asks datarhei users for a user name', async () => {
    const element = await fixture<JwtLogin>(html`<jwt-login base-url=${api.datarhei} preset="datarhei"></jwt-login>`);
    expect(inputByLabel(element, /user ?name/i).autocomplete).to.equal('username');
    expect(shadow(element).querySelector('input[name="tenant"]')).to.equal(null);
  });

  it('tells auth-login users that the user name may also be an e-mail or phone number', async () => {
    const element = await fixture<JwtLogin>(html`<jwt-login base-url=${api.authLogin} preset="auth-login"></jwt-login>`);
    const input = inputByLabel(element, /user ?name/i);
    const hint = shadow(element).getElementById(input.getAttribute('aria-describedby')!);
    expect(hint!.textContent).to.match(/e-mail address or phone number/);
  });

  it('is accessible', async () => {
    await expect(await wunder()).to.be.accessible();
  });
});

describe('<jwt-login> bad input', () => {
  it('catches an empty e-mail before the network and focuses it', async () => {
    const element = await wunder();
    const { urls } = await countingFetches(async () => {
      await typeInto(inputByLabel(element, /password/i), 'demo-password');
      button(element, /sign in/i).click();
      await element.updateComplete;
    });
    const email = inputByLabel(element, /e-?mail/i);
    expect(urls).to.deep.equal([]);
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(shadow(element).getElementById(email.getAttribute('aria-describedby')!)!.textContent).to.match(/e-mail/i);
    expect(shadow(element).activeElement).to.equal(email);
  });

  it('reports bad input as login-error invalid-input naming the field, never its value', async () => {
    const element = await wunder();
    const failure = oneEvent(element, 'login-error') as Promise<LoginErrorEvent>;
    await typeInto(inputByLabel(element, /e-?mail/i), 'not-an-address');
    button(element, /sign in/i).click();
    const { detail } = await failure;
    expect(detail).to.include({ code: 'invalid-input', field: 'email', method: 'password' });
    expect(JSON.stringify(detail)).not.to.contain('not-an-address');
  });

  it('catches a malformed e-mail before the network', async () => {
    const element = await wunder();
    const { urls } = await countingFetches(async () => {
      await typeInto(inputByLabel(element, /e-?mail/i), 'demo@example');
      await typeInto(inputByLabel(element, /password/i), 'demo-password');
      button(element, /sign in/i).click();
      await element.updateComplete;
    });
    expect(urls).to.deep.equal([]);
    expect(part(element, 'field-error')!.textContent).to.contain('name@example.com');
  });

  it('catches an empty password before the network and keeps the e-mail', async () => {
    const element = await wunder();
    const { urls } = await countingFetches(async () => {
      await typeInto(inputByLabel(element, /e-?mail/i), 'demo@example.com');
      button(element, /sign in/i).click();
      await element.updateComplete;
    });
    const password = inputByLabel(element, /password/i);
    expect(urls).to.deep.equal([]);
    expect(password.getAttribute('aria-invalid')).to.equal('true');
    expect(shadow(element).activeElement).to.equal(password);
    expect(inputByLabel(element, /e-?mail/i).value).to.equal('demo@example.com');
  });

  it('is accessible while showing field errors', async () => {
    const element = await wunder();
    button(element, /sign in/i).click();
    await element.updateComplete;
    await expect(element).to.be.accessible();
  });
});

describe('<jwt-login> signing in', () => {
  it('signs in against the wunder stand-in and fires login with the tokens', async () => {
    const element = await wunder();
    const login = oneEvent(element, 'login') as Promise<LoginEvent>;
    await signInWunder(element);
    const { detail } = await login;
    expect(detail.tokenType).to.equal('Bearer');
    expect(detail.accessToken.split('.')).to.have.length(3);
    expect(detail.refreshToken).to.be.a('string');
    expect(detail.claims['email']).to.equal('demo@example.com');
    expect(detail.expiresAt).to.be.greaterThan(Date.now());
    expect(detail).to.include({ method: 'password', preset: 'wunder', tenant: 'acme' });
    expect(element.session).to.equal(detail);
  });

  it('shows who is signed in and focuses the signed-in view', async () => {
    const element = await wunder();
    const login = oneEvent(element, 'login');
    await signInWunder(element);
    await login;
    await element.updateComplete;
    expect(part(element, 'session')!.textContent).to.contain('Dana Demo');
    expect(shadow(element).activeElement).to.equal(part(element, 'session-heading'));
    await expect(element).to.be.accessible();
  });

  it('submits with Enter', async () => {
    const element = await wunder();
    const login = oneEvent(element, 'login');
    await typeInto(inputByLabel(element, /e-?mail/i), 'demo@example.com');
    await typeInto(inputByLabel(element, /password/i), 'demo-password');
    await sendKeys({ press: 'Enter' });
    expect((await login).type).to.equal('login');
  });

  it('sends one request however often the form is submitted while busy', async () => {
    const element = await wunder();
    const { urls } = await countingFetches(async () => {
      const login = oneEvent(element, 'login');
      await typeInto(inputByLabel(element, /e-?mail/i), 'demo@example.com');
      await typeInto(inputByLabel(element, /password/i), 'demo-password');
      const submit = button(element, /sign in/i);
      submit.click();
      submit.click();
      await sendKeys({ press: 'Enter' });
      await login;
    });
    expect(urls).to.have.length(1);
  });

  it('signs in with the tenant typed into the form', async () => {
    const element = await fixture<JwtLogin>(html`<jwt-login base-url=${api.wunder} methods="password"></jwt-login>`);
    const login = oneEvent(element, 'login') as Promise<LoginEvent>;
    await typeInto(inputByLabel(element, /^tenant$/i), 'globex');
    await signInWunder(element);
    expect((await login).detail.tenant).to.equal('globex');
  });

  it('signs in against datarhei with a user name', async () => {
    const element = await fixture<JwtLogin>(html`<jwt-login base-url=${api.datarhei} preset="datarhei"></jwt-login>`);
    const login = oneEvent(element, 'login') as Promise<LoginEvent>;
    await submitCredentials(element, /user ?name/i, 'admin', 'datarhei');
    const { detail } = await login;
    expect(detail.claims['usefor']).to.equal('access');
    expect(detail.expiresAt).to.equal(((detail.claims.iat as number) + 600) * 1000);
  });

  it('signs in against auth-login and keeps the extra jwt_token in the response', async () => {
    const element = await fixture<JwtLogin>(html`<jwt-login base-url=${api.authLogin} preset="auth-login"></jwt-login>`);
    const login = oneEvent(element, 'login') as Promise<LoginEvent>;
    await submitCredentials(element, /user ?name/i, 'demo@example.com', 'demo-password');
    const { detail } = await login;
    expect((detail.response as Record<string, unknown>)['jwt_token']).to.be.a('string');
  });
});

describe('<jwt-login> failures', () => {
  it('reports a wrong password as bad-credentials, keeps the e-mail and selects the password', async () => {
    const element = await wunder();
    const failure = oneEvent(element, 'login-error') as Promise<LoginErrorEvent>;
    await signInWunder(element, 'wrong-password');
    const { detail } = await failure;
    await element.updateComplete;
    expect(detail).to.include({ code: 'bad-credentials', method: 'password', status: 401 });
    expect(part(element, 'error')!.getAttribute('role')).to.equal('alert');
    expect(part(element, 'error')!.textContent).to.match(/not accepted/);
    expect(inputByLabel(element, /e-?mail/i).value).to.equal('demo@example.com');
    const password = inputByLabel(element, /password/i);
    expect(shadow(element).activeElement).to.equal(password);
    expect([password.selectionStart, password.selectionEnd]).to.deep.equal([0, 'wrong-password'.length]);
    expect(button(element, /sign in/i).getAttribute('aria-disabled')).to.equal('false');
    await expect(element).to.be.accessible();
  });

  it('reports auth-login’s account-not-validated with its trace id', async () => {
    const element = await fixture<JwtLogin>(html`<jwt-login base-url=${api.authLogin} preset="auth-login"></jwt-login>`);
    const failure = oneEvent(element, 'login-error') as Promise<LoginErrorEvent>;
    await submitCredentials(element, /user ?name/i, 'unvalidated', 'demo-password');
    const { detail } = await failure;
    expect(detail.code).to.equal('account-not-validated');
    expect(detail.traceId).to.match(/^[0-9a-f]{16}$/);
  });

  it('reports an API that is down as network-error and stays usable', async () => {
    const element = await fixture<JwtLogin>(html`<jwt-login base-url=${unreachable} tenant="acme" methods="password"></jwt-login>`);
    const failure = oneEvent(element, 'login-error') as Promise<LoginErrorEvent>;
    await signInWunder(element);
    expect((await failure).detail.code).to.equal('network-error');
    await element.updateComplete;
    expect(button(element, /sign in/i).getAttribute('aria-disabled')).to.equal('false');
    expect(inputByLabel(element, /password/i).value).to.equal('demo-password');
  });
});

describe('<jwt-login> signing out', () => {
  it('logout() ends the session, fires logout with reason user and shows the form again', async () => {
    const element = await wunder();
    const login = oneEvent(element, 'login');
    await signInWunder(element);
    await login;
    const logout = oneEvent(element, 'logout') as Promise<LogoutEvent>;
    element.logout();
    expect((await logout).detail).to.deep.equal({ reason: 'user' });
    expect(element.session).to.equal(null);
    await element.updateComplete;
    expect(part(element, 'session')).to.equal(null);
    expect(inputByLabel(element, /e-?mail/i)).to.be.instanceOf(HTMLInputElement);
  });

  it('signs out from the sign-out button', async () => {
    const element = await wunder();
    const login = oneEvent(element, 'login');
    await signInWunder(element);
    await login;
    await element.updateComplete;
    const logout = oneEvent(element, 'logout') as Promise<LogoutEvent>;
    button(element, /sign out/i).click();
    expect((await logout).detail.reason).to.equal('user');
    await waitUntil(() => part(element, 'form'));
  });
});
