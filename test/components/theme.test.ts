import { expect, fixture, html, oneEvent } from '@open-wc/testing';
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
});
