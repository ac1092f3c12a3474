// A page that runs @lit/localize itself, configured before the widget loads: the widget stands
// aside and follows the page's one locale. A file of its own: localization is configured once per page.
import { configureLocalization } from '@lit/localize';
import { expect, fixture, html } from '@open-wc/testing';
import type { JwtLogin } from '../../src/components/login/login.js';
import { api } from '../helpers/widget.js';

const { setLocale } = configureLocalization({
  sourceLocale: 'en',
  targetLocales: ['de'],
  loadLocale: () => import('../../src/generated/locales/de.js'),
});

const labels = (element: JwtLogin) => [...element.shadowRoot!.querySelectorAll('label')].map((label) => label.textContent!.trim());

describe('localization on a page that runs @lit/localize itself', () => {
  before(() => import('../../src/define.js'));

  it('follows the page’s locale as the page switches it', async () => {
    const element = await fixture<JwtLogin>(html`<jwt-login base-url=${api.wunder} tenant="globex" methods="password"></jwt-login>`);
    expect(labels(element)).to.include('Password');
    await setLocale('de');
    await element.updateComplete;
    expect(labels(element)).to.include('Passwort');
  });
});
