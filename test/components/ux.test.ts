import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { JwtLogin } from '../../src/components/login/login.js';
import { errorMessage } from '../../src/components/login/messages.js';
import { api, part, shadow, submitCredentials, typeInto, uniquePhoneNumber, visibleButton, visibleInput } from '../helpers/widget.js';

/** Replaces fetch for one test: `answer` gets each request and its signal. */
function stubFetch(answer: (url: string, init: RequestInit) => Promise<Response>): () => void {
  const original = window.fetch;
  window.fetch = (input, init = {}) => answer(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, init);
  return () => (window.fetch = original);
}

/** A server that never answers: the request ends only when aborted. */
const never = (_url: string, init: RequestInit) =>
  new Promise<Response>((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(init.signal!.reason)));

async function passwordWidget(): Promise<JwtLogin> {
  return fixture<JwtLogin>(html`<jwt-login base-url=${api.wunder} tenant="globex" methods="password"></jwt-login>`);
}

async function startSlowSignIn(element: JwtLogin): Promise<string[]> {
  const errors: string[] = [];
  element.addEventListener('login-error', (event) => errors.push(event.detail.code));
  await submitCredentials(element, /e-?mail/i, 'demo@example.com', 'demo-password');
  await element.updateComplete;
  return errors;
}

describe('the form, as a reader uses it', () => {
  let restore: (() => void) | undefined;
  afterEach(() => {
    restore?.();
    restore = undefined;
  });

  it('names the reveal toggle "Hide" while the secret is shown, and keeps aria-pressed', async () => {
    const element = await passwordWidget();
    const toggle = part(element, 'reveal') as HTMLButtonElement;
    expect(toggle.textContent!.trim()).to.equal('Show');
    toggle.click();
    await element.updateComplete;
    expect(toggle.textContent!.trim()).to.equal('Hide');
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    toggle.click();
    await element.updateComplete;
    expect(toggle.textContent!.trim()).to.equal('Show');
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
  });

  it('moves focus to the first input of the form after "Sign out"', async () => {
    const element = await passwordWidget();
    const login = oneEvent(element, 'login');
    await submitCredentials(element, /e-?mail/i, 'demo@example.com', 'demo-password');
    await login;
    await element.updateComplete;
    visibleButton(element, /sign out/i).click();
    await element.updateComplete;
    await element.updateComplete;
    expect(shadow(element).activeElement).to.equal(visibleInput(element, /e-?mail/i));
  });

  it('offers Cancel once a sign-in is slow, and Cancel aborts it quietly, the form as typed', async () => {
    const element = await passwordWidget();
    restore = stubFetch(never);
    const errors = await startSlowSignIn(element);
    expect(part(element, 'form')!.getAttribute('aria-busy')).to.equal('true');
    const cancel = visibleButton(element, /cancel/i);
    const shown = () => cancel.checkVisibility({ visibilityProperty: true });
    // A quick answer would show no flash of it: it appears after --jwt-login-cancel-delay (1 s).
    expect(shown()).to.equal(false);
    await waitUntil(shown, 'Cancel shows once the call is slow', { timeout: 2000 });
    await expect(element).to.be.accessible();
    cancel.focus();
    cancel.click();
    await waitUntil(() => part(element, 'form')!.getAttribute('aria-busy') === 'false', 'the request aborted');
    await element.updateComplete;
    expect(part(element, 'cancel')).to.equal(null);
    expect(part(element, 'error')).to.equal(null);
    expect(errors).to.deep.equal([]);
    expect(visibleInput(element, /e-?mail/i).value).to.equal('demo@example.com');
    expect(visibleInput(element, /password/i).value).to.equal('demo-password');
    expect(shadow(element).activeElement).to.equal(part(element, 'submit'));
  });

  it('cancels a sign-in in flight on Escape', async () => {
    const element = await passwordWidget();
    restore = stubFetch(never);
    const errors = await startSlowSignIn(element);
    visibleInput(element, /password/i).focus();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => part(element, 'form')!.getAttribute('aria-busy') === 'false', 'the request aborted');
    expect(errors).to.deep.equal([]);
    expect(element.session).to.equal(null);
  });

  it('describes the code input by "We sent a code to …"', async () => {
    const element = await fixture<JwtLogin>(html`<jwt-login base-url=${api.wunder} tenant="globex" branch-id="42" methods="phone-otp"></jwt-login>`);
    const phone = uniquePhoneNumber();
    await typeInto(visibleInput(element, /phone/i), phone);
    const sent = oneEvent(element, 'otp-sent');
    visibleButton(element, /send code/i).click();
    await sent;
    await element.updateComplete;
    const described = visibleInput(element, /code/i).getAttribute('aria-describedby')!.split(' ');
    const intro = part(element, 'otp-sent')!;
    expect(described).to.include(intro.id);
    expect(intro.textContent).to.contain('We sent a code to');
  });

  it('announces in a status that "Send again" sent a new code', async () => {
    // The resend countdown runs on Date.now: a clock 31 s ahead lets "Send again" through at once.
    const realNow = Date.now;
    let ahead = 0;
    Date.now = () => realNow() + ahead;
    restore = stubFetch(async () => new Response('{}', { status: 200, headers: { 'Content-Type': 'application/json' } }));
    try {
      const element = await fixture<JwtLogin>(html`<jwt-login base-url=${api.wunder} tenant="globex" methods="phone-otp"></jwt-login>`);
      await typeInto(visibleInput(element, /phone/i), '+436641234567');
      const first = oneEvent(element, 'otp-sent');
      visibleButton(element, /send code/i).click();
      await first;
      await element.updateComplete;
      expect(part(element, 'otp-sent')!.textContent).to.not.contain('new code');
      ahead = 31_000;
      element.requestUpdate();
      await element.updateComplete;
      const again = oneEvent(element, 'otp-sent');
      visibleButton(element, /^\s*send again\s*$/i).click();
      await again;
      await element.updateComplete;
      const status = part(element, 'otp-sent')!;
      expect(status.getAttribute('role')).to.equal('status');
      expect(status.textContent).to.contain('We sent a new code to +436641234567.');
    } finally {
      Date.now = realNow;
    }
  });

  it('tells the reader of a rejected signature what to check, not to reload the page', () => {
    const text = errorMessage({ code: 'signature-rejected', message: 'Unauthorized', method: 'phone-otp', status: 401 });
    expect(text).to.not.match(/reload/i);
    expect(text).to.match(/clock/i);
  });
});
