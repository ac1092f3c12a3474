import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { JwtLogin } from '../../src/components/login/login.js';
import { setWidgetLocale } from '../../src/localization.js';
import { api, button, inputByLabel, part, typeInto } from '../helpers/widget.js';

function labels(element: JwtLogin): string[] {
  return [...element.shadowRoot!.querySelectorAll('label')].map((label) => label.textContent!.trim());
}

describe('localization', () => {
  // The default language of widgets without any lang: put English back for the other suites.
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

  it('renders its own lang from the first render once that language is loaded, whatever the document says', async () => {
    expect(document.documentElement.lang || 'en').to.equal('en');
    const first = await fixture<JwtLogin>(html`<jwt-login lang="de" base-url=${api.wunder} tenant="globex" methods="password"></jwt-login>`);
    await waitUntil(() => labels(first).includes('Passwort'), 'German texts');
    const element = await fixture<JwtLogin>(html`<jwt-login lang="de" base-url=${api.wunder} tenant="globex" methods="password"></jwt-login>`);
    expect(labels(element)).to.include('Passwort');
  });

  it('lets two widgets on one page speak two languages', async () => {
    const container = await fixture<HTMLElement>(html`
      <div>
        <jwt-login lang="de" base-url=${api.wunder} tenant="globex" methods="password"></jwt-login>
        <jwt-login lang="ar" base-url=${api.wunder} tenant="globex" methods="password"></jwt-login>
        <jwt-login base-url=${api.wunder} tenant="globex" methods="password"></jwt-login>
      </div>
    `);
    const [german, arabic, english] = [...container.querySelectorAll<JwtLogin>('jwt-login')];
    await waitUntil(() => labels(german!).includes('Passwort') && labels(arabic!).includes('كلمة المرور'), 'German and Arabic texts');
    expect(labels(english!)).to.include('Password');
    expect(part(arabic!, 'base')!.getAttribute('dir')).to.equal('rtl');
    expect(part(german!, 'base')!.getAttribute('dir')).to.equal('ltr');
  });

  it('takes the nearest ancestor’s lang, and its own lang wins over it', async () => {
    const container = await fixture<HTMLElement>(html`
      <section lang="fr">
        <jwt-login base-url=${api.wunder} tenant="globex" methods="password"></jwt-login>
        <jwt-login lang="es" base-url=${api.wunder} tenant="globex" methods="password"></jwt-login>
      </section>
    `);
    const [french, spanish] = [...container.querySelectorAll<JwtLogin>('jwt-login')];
    await waitUntil(() => labels(french!).includes('Mot de passe') && labels(spanish!).includes('Contraseña'), 'French and Spanish texts');
  });

  it('follows a change of an ancestor’s lang', async () => {
    const container = await fixture<HTMLElement>(html`
      <section lang="en"><jwt-login base-url=${api.wunder} tenant="globex" methods="password"></jwt-login></section>
    `);
    const element = container.querySelector<JwtLogin>('jwt-login')!;
    container.setAttribute('lang', 'de');
    await waitUntil(() => labels(element).includes('Passwort'), 'German texts');
  });
});
