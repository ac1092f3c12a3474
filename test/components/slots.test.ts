import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import type { JwtLogin } from '../../src/components/login/login.js';
import { api, part, shadow, submitCredentials } from '../helpers/widget.js';

function slot(element: JwtLogin, name: string): HTMLSlotElement | null {
  return shadow(element).querySelector<HTMLSlotElement>(`slot[name="${name}"]`);
}

async function signIn(element: JwtLogin): Promise<void> {
  const login = oneEvent(element, 'login');
  await submitCredentials(element, /e-?mail/i, 'demo@example.com', 'demo-password');
  await login;
  await element.updateComplete;
}

async function widgetWithSlots(attributes = ''): Promise<JwtLogin> {
  const element = await fixture<JwtLogin>(html`<jwt-login base-url=${api.wunder} tenant="globex" methods="password">
    <div slot="header"><strong>Acme docs</strong></div>
    <p slot="footer"><a href="#forgot">Forgot password?</a></p>
    <p slot="session-footer"><a href="#account">Your account</a></p>
  </jwt-login>`);
  if (attributes) element.setAttribute('heading-level', attributes);
  await element.updateComplete;
  return element;
}

describe('slots', () => {
  it('shows the header above the form', async () => {
    const element = await widgetWithSlots();
    const header = slot(element, 'header')!;
    expect(header.assignedElements().map((node) => node.textContent)).to.deep.equal(['Acme docs']);
    expect(header.compareDocumentPosition(part(element, 'form')!) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
  });

  it('shows the footer below the form while signed out, and the session footer only when signed in', async () => {
    const element = await widgetWithSlots();
    expect(slot(element, 'footer')!.assignedElements()).to.have.length(1);
    expect(slot(element, 'session-footer')).to.equal(null);
    await expect(element).to.be.accessible();
    await signIn(element);
    expect(slot(element, 'footer')).to.equal(null);
    expect(slot(element, 'session-footer')!.assignedElements().map((node) => node.textContent)).to.deep.equal(['Your account']);
    expect(slot(element, 'header')!.assignedElements()).to.have.length(1);
    await expect(element).to.be.accessible();
  });

  it('gives the signed-in heading level 2 by default', async () => {
    const element = await widgetWithSlots();
    await signIn(element);
    expect(part(element, 'session-heading')!.tagName).to.equal('H2');
  });

  it('gives the signed-in heading the level heading-level names', async () => {
    const element = await widgetWithSlots('3');
    await signIn(element);
    expect(part(element, 'session-heading')!.tagName).to.equal('H3');
    expect(shadow(element).activeElement).to.equal(part(element, 'session-heading'));
  });

  it('falls back to level 2 for a heading-level outside 1 to 6', async () => {
    const element = await widgetWithSlots('9');
    await signIn(element);
    expect(part(element, 'session-heading')!.tagName).to.equal('H2');
  });
});
