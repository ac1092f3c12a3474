import { fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import type { JwtLogin } from '../../src/components/login/login.js';
import { api, latestCode, tab, typeInto, uniqueEmail, uniquePhoneNumber, visibleButton, visibleInput } from '../helpers/widget.js';
import { describeSharedFormBehaviour } from './form-suite.js';

async function wunderOn(tabName: RegExp): Promise<JwtLogin> {
  const element = await fixture<JwtLogin>(html`<jwt-login base-url=${api.wunder} tenant="globex"></jwt-login>`);
  tab(element, tabName).click();
  await element.updateComplete;
  return element;
}

describeSharedFormBehaviour({
  name: 'password',
  open: () => wunderOn(/password/i),
  async fill(element) {
    await typeInto(visibleInput(element, /e-?mail/i), 'demo@example.com');
    await typeInto(visibleInput(element, /password/i), 'demo-password');
  },
  firstLabel: /e-?mail/i,
  submit: /sign in/i,
  path: '/auth/sign-in-email',
  kept: { label: /e-?mail/i, value: () => 'demo@example.com' },
});

describeSharedFormBehaviour({
  name: 'API key',
  open: () => wunderOn(/api key/i),
  async fill(element) {
    await typeInto(visibleInput(element, /client id/i), 'demo-client');
    await typeInto(visibleInput(element, /client key/i), 'demo-client-key');
  },
  firstLabel: /client id/i,
  submit: /sign in/i,
  path: '/auth/sign-in-api-client',
  kept: { label: /client id/i, value: () => 'demo-client' },
});

let phone = '';
describeSharedFormBehaviour({
  name: 'phone OTP code request',
  open: () => wunderOn(/phone/i),
  async fill(element) {
    phone = uniquePhoneNumber();
    await typeInto(visibleInput(element, /phone/i), phone);
  },
  firstLabel: /phone/i,
  submit: /send code/i,
  path: '/create-or-sign-in-with-phone-number',
  kept: { label: /phone/i, value: () => phone },
});

let email = '';
describeSharedFormBehaviour({
  name: 'e-mail OTP code request',
  open: () => wunderOn(/e-mail code/i),
  async fill(element) {
    email = uniqueEmail();
    await typeInto(visibleInput(element, /e-?mail/i), email);
  },
  firstLabel: /e-?mail/i,
  submit: /send code/i,
  path: '/create-or-sign-in-with-email-code',
  kept: { label: /e-?mail/i, value: () => email },
});

let codePhone = '';
let typedCode = '';
describeSharedFormBehaviour({
  name: 'phone OTP code',
  async open() {
    const element = await wunderOn(/phone/i);
    codePhone = uniquePhoneNumber();
    await typeInto(visibleInput(element, /phone/i), codePhone);
    const sent = oneEvent(element, 'otp-sent');
    visibleButton(element, /send code/i).click();
    await sent;
    await element.updateComplete;
    return element;
  },
  async fill(element) {
    typedCode = await latestCode(codePhone);
    await typeInto(visibleInput(element, /code/i), typedCode);
  },
  firstLabel: /code/i,
  submit: /verify/i,
  path: '/auth/sign-in-phone-number',
  kept: { label: /code/i, value: () => typedCode },
});

