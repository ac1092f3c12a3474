import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { render } from 'lit';
import '../../src/define.js';
import type { JwtLogin } from '../../src/components/login/login.js';
import { Texts } from '../../src/components/login/messages.js';
import { renderCodeSentIntro } from '../../src/components/login/otp-code-step.js';
import { setWidgetLocale } from '../../src/localization.js';
import { api, button, inputByLabel } from '../helpers/widget.js';

function submitText(element: JwtLogin): string {
  return element.shadowRoot!.querySelector('[part="submit"] [data-active]')!.textContent!.trim();
}

describe('per-element texts (i18n)', () => {
  afterEach(() => setWidgetLocale('en'));

  it('changes a label on one element and leaves the others as they were', async () => {
    const [custom, plain] = [
      ...(
        await fixture<HTMLElement>(html`<div>
          <jwt-login base-url=${api.wunder} tenant="globex" methods="password" .i18n=${{ 'field.email': 'Work e-mail' }}></jwt-login>
          <jwt-login base-url=${api.wunder} tenant="globex" methods="password"></jwt-login>
        </div>`)
      ).querySelectorAll('jwt-login'),
    ] as JwtLogin[];
    await plain!.updateComplete;
    expect(inputByLabel(custom!, /work e-mail/i).name).to.equal('email');
    expect(inputByLabel(plain!, /^e-mail$/i).name).to.equal('email');
  });

  it('names the method tabs and the tab list from the overrides too', async () => {
    const element = await fixture<JwtLogin>(
      html`<jwt-login base-url=${api.wunder} tenant="globex" .i18n=${{ 'method.api-key': 'Service account', 'tabs.label': 'How to sign in' }}></jwt-login>`,
    );
    const tabs = element.shadowRoot!.querySelector('[role="tablist"]')!;
    expect(tabs.getAttribute('aria-label')).to.equal('How to sign in');
    expect([...tabs.querySelectorAll('[role="tab"]')].map((tab) => tab.textContent!.trim())).to.include('Service account');
  });

  it('re-renders when the overrides change, keeping what was typed', async () => {
    const element = await fixture<JwtLogin>(html`<jwt-login base-url=${api.wunder} tenant="globex" methods="password"></jwt-login>`);
    inputByLabel(element, /e-?mail/i).value = 'demo@example.com';
    element.i18n = { 'submit.sign-in': 'Log in to the docs' };
    await element.updateComplete;
    expect(button(element, /log in to the docs/i)).to.be.instanceOf(HTMLButtonElement);
    expect(inputByLabel(element, /e-?mail/i).value).to.equal('demo@example.com');
  });

  it("uses a language's own overrides in that language, over the overrides for every language", async () => {
    const i18n = { 'submit.sign-in': 'Go', de: { 'submit.sign-in': 'Los' } };
    const element = await fixture<JwtLogin>(html`<jwt-login lang="de-AT" base-url=${api.wunder} tenant="globex" methods="password" .i18n=${i18n}></jwt-login>`);
    await waitUntil(() => submitText(element) === 'Los', 'the German override');
    element.setAttribute('lang', 'es');
    await waitUntil(() => submitText(element) === 'Go', 'the override for every language');
  });

  it('keeps the translated default for a text it does not override', async () => {
    const element = await fixture<JwtLogin>(html`<jwt-login lang="de" base-url=${api.wunder} tenant="globex" methods="password" .i18n=${{ 'field.email': 'Dienst-E-Mail' }}></jwt-login>`);
    await waitUntil(() => submitText(element) === 'Anmelden', 'German defaults');
    expect(inputByLabel(element, /dienst-e-mail/i).name).to.equal('email');
  });

  it('puts the values of a text into its override', () => {
    const texts = new Texts({ 'otp.sent-to': 'Your code is on its way to {to}.' });
    const host = document.createElement('div');
    render(renderCodeSentIntro({ key: 'phone-otp:submit-code', method: 'phone-otp', to: '+43 664 1234567', resendIn: 0, blocked: false, onResend() {}, onChangeRecipient() {}, texts }), host);
    expect(host.textContent!.trim()).to.equal('Your code is on its way to +43 664 1234567.');
  });
});
