import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/define.js';
import type { JwtLogin } from '../../src/components/login/login.js';
import { api, part, submitCredentials } from '../helpers/widget.js';

async function widget(style: string): Promise<JwtLogin> {
  return fixture<JwtLogin>(html`<jwt-login style=${style} base-url=${api.wunder} tenant="globex"></jwt-login>`);
}

describe('theming', () => {
  it('is light when the page forces light', async () => {
    const element = await widget('color-scheme: light');
    expect(getComputedStyle(element).color).to.equal('rgb(31, 41, 55)');
    expect(getComputedStyle(element).backgroundColor).to.equal('rgb(255, 255, 255)');
  });

  it('is dark when the page forces dark', async () => {
    const element = await widget('color-scheme: dark');
    expect(getComputedStyle(element).color).to.equal('rgb(229, 231, 235)');
    expect(getComputedStyle(element).backgroundColor).to.equal('rgb(30, 41, 59)');
  });

  it('lets custom properties override the defaults in dark too', async () => {
    const element = await widget('color-scheme: dark; --jwt-login-color-primary: rgb(200, 0, 100)');
    expect(getComputedStyle(part(element, 'submit')!).backgroundColor).to.equal('rgb(200, 0, 100)');
  });

  it('is accessible in dark with field errors', async () => {
    const element = await widget('color-scheme: dark');
    part(element, 'submit')!.click();
    await element.updateComplete;
    await expect(element).to.be.accessible();
  });

  it('is accessible in dark with a server error', async () => {
    const element = await widget('color-scheme: dark');
    const failure = oneEvent(element, 'login-error');
    await submitCredentials(element, /e-?mail/i, 'demo@example.com', 'wrong-password');
    await failure;
    await element.updateComplete;
    await expect(element).to.be.accessible();
  });

  it('is accessible in dark when signed in', async () => {
    const element = await widget('color-scheme: dark');
    const login = oneEvent(element, 'login');
    await submitCredentials(element, /e-?mail/i, 'demo@example.com', 'demo-password');
    await login;
    await element.updateComplete;
    await expect(element).to.be.accessible();
  });

  describe('when the reader prefers dark', () => {
    beforeEach(() => emulateMedia({ colorScheme: 'dark' }));
    afterEach(() => emulateMedia({ colorScheme: 'light' }));

    it('stays light on a page that declares no color-scheme', async () => {
      const element = await widget('');
      expect(getComputedStyle(element).colorScheme).to.equal('normal');
      expect(getComputedStyle(element).backgroundColor).to.equal('rgb(255, 255, 255)');
    });

    it('stays light on a light-only page', async () => {
      const page = await fixture<HTMLElement>(html`<div style="color-scheme: light"><jwt-login base-url=${api.wunder}></jwt-login></div>`);
      expect(getComputedStyle(page.querySelector('jwt-login')!).backgroundColor).to.equal('rgb(255, 255, 255)');
    });

    it('turns dark on a page that supports dark', async () => {
      const page = await fixture<HTMLElement>(html`<div style="color-scheme: light dark"><jwt-login base-url=${api.wunder}></jwt-login></div>`);
      expect(getComputedStyle(page.querySelector('jwt-login')!).backgroundColor).to.equal('rgb(30, 41, 59)');
    });

    it('turns dark when a theme opts in on a light-only page', async () => {
      const element = await widget('color-scheme: light dark');
      expect(getComputedStyle(element).backgroundColor).to.equal('rgb(30, 41, 59)');
    });
  });
});

describe('field errors', () => {
  for (const [lang, width] of [
    ['en', '28rem'],
    ['de', '320px'],
    ['ar', '320px'],
  ] as const) {
    it(`move nothing when they show (${lang}, ${width})`, async () => {
      const element = await fixture<JwtLogin>(
        html`<jwt-login lang=${lang} style=${`inline-size: ${width}`} base-url=${api.wunder} methods="password phone-otp"></jwt-login>`,
      );
      await waitUntil(() => lang === 'en' || !/sign in/i.test(part(element, 'submit')!.textContent!), `${lang} texts`);
      for (const method of ['password', 'phone-otp']) {
        element.shadowRoot!.querySelector<HTMLElement>(`[role="tab"][aria-controls$="${method}"]`)!.click();
        await element.updateComplete;
        const submit = part(element, 'submit')!;
        const before = submit.getBoundingClientRect();
        const height = element.getBoundingClientRect().height;
        submit.click();
        await element.updateComplete;
        expect(element.shadowRoot!.querySelectorAll('[part="field-error"]').length, method).to.be.greaterThan(0);
        expect(submit.getBoundingClientRect().top, method).to.equal(before.top);
        expect(element.getBoundingClientRect().height, method).to.equal(height);
      }
    });
  }
});
