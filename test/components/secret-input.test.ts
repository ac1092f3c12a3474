import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { JwtLogin } from '../../src/components/login/login.js';
import { api, inputByLabel, part, typeInto, visibleButton } from '../helpers/widget.js';

async function wunder(): Promise<JwtLogin> {
  return fixture<JwtLogin>(html`<jwt-login base-url=${api.wunder} tenant="globex" methods="password"></jwt-login>`);
}

function press(input: HTMLInputElement, capsLock: boolean): void {
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'A', modifierCapsLock: capsLock, bubbles: true, composed: true }));
}

describe('secret inputs', () => {
  it('shows the password in clear text while the toggle is pressed, keeping it', async () => {
    const element = await wunder();
    const password = inputByLabel(element, /password/i);
    await typeInto(password, 'demo-password');
    const toggle = visibleButton(element, /^\s*show\s*$/i);
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    expect(toggle.getAttribute('aria-controls')).to.equal(password.id);
    toggle.click();
    await element.updateComplete;
    expect(password.type).to.equal('text');
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    toggle.click();
    await element.updateComplete;
    expect(password.type).to.equal('password');
    expect(password.value).to.equal('demo-password');
  });

  it('leaves one input named Password: the toggle is named Show and described by the label', async () => {
    const element = await wunder();
    const toggle = visibleButton(element, /show/i);
    expect(toggle.getAttribute('aria-label')).to.equal(null);
    expect(element.shadowRoot!.getElementById(toggle.getAttribute('aria-describedby')!)!.textContent).to.match(/password/i);
  });

  it('says when Caps Lock is on, tied to the input', async () => {
    const element = await wunder();
    const password = inputByLabel(element, /password/i);
    press(password, true);
    await element.updateComplete;
    const hint = part(element, 'caps-lock')!;
    expect(hint.textContent).to.match(/caps lock is on/i);
    expect(password.getAttribute('aria-describedby')).to.contain(hint.id);
    press(password, false);
    await element.updateComplete;
    expect(part(element, 'caps-lock')).to.equal(null);
  });

  it('is accessible with the password shown and Caps Lock on', async () => {
    const element = await wunder();
    press(inputByLabel(element, /password/i), true);
    visibleButton(element, /show/i).click();
    await element.updateComplete;
    await expect(element).to.be.accessible();
  });
});
