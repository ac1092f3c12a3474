import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { JwtLogin } from '../../src/components/login/login.js';
import { setWidgetLocale } from '../../src/localization.js';
import { api, button, inputByLabel, part, typeInto } from '../helpers/widget.js';

function labels(element: JwtLogin): string[] {
  return [...element.shadowRoot!.querySelectorAll('label')].map((label) => label.textContent!.trim());
}

describe('localization', () => {
  // The page has one locale: put English back for the other suites.
  afterEach(() => setWidgetLocale('en'));

  it('follows its own lang attribute', async () => {
    const element = await fixture<JwtLogin>(html`<jwt-login lang="de" base-url=${api.wunder} tenant="globex" methods="password"></jwt-login>`);
    await waitUntil(() => labels(element).includes('Passwort'), 'German texts');
    expect(button(element, /anmelden/i)).to.be.instanceOf(HTMLButtonElement);
  });

  it('takes the nearest supported locale of a regional tag', async () => {
    const element = await fixture<JwtLogin>(html`<jwt-login lang="fr-CA" base-url=${api.wunder} tenant="globex" methods="password"></jwt-login>`);
    await waitUntil(() => labels(element).includes('Mot de passe'), 'French texts');
  });

  it('re-renders in place when lang changes, keeping what was typed', async () => {
    const element = await fixture<JwtLogin>(html`<jwt-login base-url=${api.wunder} tenant="globex" methods="password"></jwt-login>`);
    await typeInto(inputByLabel(element, /e-?mail/i), 'demo@example.com');
    await typeInto(inputByLabel(element, /password/i), 'secret');
    element.setAttribute('lang', 'es');
    await waitUntil(() => labels(element).includes('Contraseña'), 'Spanish texts');
    expect(element.shadowRoot!.querySelector<HTMLInputElement>('input[name="email"]')!.value).to.equal('demo@example.com');
    expect(element.shadowRoot!.querySelector<HTMLInputElement>('input[name="password"]')!.value).to.equal('secret');
  });

  it('lays out right to left in Arabic', async () => {
    const element = await fixture<JwtLogin>(html`<jwt-login lang="ar" base-url=${api.wunder} tenant="globex"></jwt-login>`);
    await waitUntil(() => labels(element).includes('كلمة المرور'), 'Arabic texts');
    expect(part(element, 'base')!.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle(part(element, 'tabs')!).direction).to.equal('rtl');
    await expect(element).to.be.accessible();
  });

  it('falls back to English for a language it does not speak', async () => {
    const element = await fixture<JwtLogin>(html`<jwt-login lang="pt-BR" base-url=${api.wunder} tenant="globex" methods="password"></jwt-login>`);
    await element.updateComplete;
    expect(labels(element)).to.include('Password');
    expect(part(element, 'base')!.getAttribute('dir')).to.equal('ltr');
  });
});
