import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import type { JwtLogin } from '../../src/components/login/login.js';
import { createHmacSigner } from '../../src/core/signature.js';
import type { LoginErrorEvent } from '../../src/events/login-error-event.js';
import type { LoginEvent } from '../../src/events/login-event.js';
import type { OtpSentEvent } from '../../src/events/otp-sent-event.js';
import {
  api,
  countingFetches,
  latestCode,
  part,
  shadow,
  typeInto,
  uniqueEmail,
  uniquePhoneNumber,
  visibleButton,
  visibleInput,
} from '../helpers/widget.js';

async function phoneWidget(attributes: { tenant?: string; signingKey?: string } = {}): Promise<JwtLogin> {
  return fixture<JwtLogin>(html`<jwt-login
    base-url=${api.wunder}
    tenant=${attributes.tenant ?? 'globex'}
    signing-key=${attributes.signingKey ?? ''}
    branch-id="42"
    methods="phone-otp"
  ></jwt-login>`);
}

async function requestPhoneCode(element: JwtLogin, typed: string): Promise<OtpSentEvent> {
  const sent = oneEvent(element, 'otp-sent') as Promise<OtpSentEvent>;
  await typeInto(visibleInput(element, /phone/i), typed);
  visibleButton(element, /send code/i).click();
  const event = await sent;
  await element.updateComplete;
  return event;
}

describe('phone OTP', () => {
  it('signs in with two requests: the code request and the code', async () => {
    const element = await phoneWidget();
    const phone = uniquePhoneNumber();
    const { result: login, urls } = await countingFetches(async () => {
      await requestPhoneCode(element, phone);
      const login = oneEvent(element, 'login') as Promise<LoginEvent>;
      await typeInto(visibleInput(element, /code/i), await latestCode(phone));
      visibleButton(element, /verify/i).click();
      return login;
    });
    expect(urls.filter((url) => url.includes('/wunder/'))).to.have.length(2);
    expect(login.detail.method).to.equal('phone-otp');
    expect(login.detail.claims['phoneNumber']).to.equal(phone);
  });

  it('fires otp-sent with the number in E.164 and moves focus to the code field', async () => {
    const element = await phoneWidget();
    const phone = uniquePhoneNumber();
    const typed = `00${phone.slice(1, 3)} (${phone.slice(3, 6)}) ${phone.slice(6, 9)}-${phone.slice(9)}`;
    const { detail } = await requestPhoneCode(element, typed);
    expect(detail).to.deep.equal({ channel: 'sms', to: phone });
    const code = visibleInput(element, /code/i);
    expect(shadow(element).activeElement).to.equal(code);
    expect(code.autocomplete).to.equal('one-time-code');
    expect(code.inputMode).to.equal('numeric');
    expect(part(element, 'otp-sent')!.textContent).to.contain(phone);
  });

  it('refuses what cannot be a phone number before the network', async () => {
    const element = await phoneWidget();
    const { urls } = await countingFetches(async () => {
      await typeInto(visibleInput(element, /phone/i), '0664 123');
      visibleButton(element, /send code/i).click();
      await element.updateComplete;
    });
    expect(urls).to.deep.equal([]);
    expect(part(element, 'field-error')!.textContent).to.match(/country code/);
  });

  it('reports a wrong code as invalid-code, clears and focuses the field and stays on the code step', async () => {
    const element = await phoneWidget();
    const phone = uniquePhoneNumber();
    await requestPhoneCode(element, phone);
    const right = await latestCode(phone);
    const failure = oneEvent(element, 'login-error') as Promise<LoginErrorEvent>;
    await typeInto(visibleInput(element, /code/i), right === '000000' ? '111111' : '000000');
    visibleButton(element, /verify/i).click();
    expect((await failure).detail.code).to.equal('invalid-code');
    await element.updateComplete;
    const code = visibleInput(element, /code/i);
    expect(code.value).to.equal('');
    expect(shadow(element).activeElement).to.equal(code);
    await expect(element).to.be.accessible();
  });

  it('offers "send again" only after a visible countdown', async () => {
    const element = await phoneWidget();
    await requestPhoneCode(element, uniquePhoneNumber());
    const resend = visibleButton(element, /send again/i);
    expect(resend.textContent).to.match(/send again in (29|30) s/i);
    expect(resend.getAttribute('aria-disabled')).to.equal('true');
    const { urls } = await countingFetches(async () => {
      resend.click();
      await element.updateComplete;
    });
    expect(urls).to.deep.equal([]);
  });

  it('goes back to the number with what was typed kept', async () => {
    const element = await phoneWidget();
    const phone = uniquePhoneNumber();
    await requestPhoneCode(element, phone);
    visibleButton(element, /use another number/i).click();
    await element.updateComplete;
    const input = visibleInput(element, /phone/i);
    expect(input.value).to.equal(phone);
    expect(shadow(element).activeElement).to.equal(input);
  });

  it('is accessible on the code step', async () => {
    const element = await phoneWidget();
    await requestPhoneCode(element, uniquePhoneNumber());
    await expect(element).to.be.accessible();
  });
});

describe('e-mail OTP', () => {
  it('signs in with a code sent by e-mail', async () => {
    const element = await fixture<JwtLogin>(html`<jwt-login base-url=${api.wunder} tenant="globex" methods="email-otp"></jwt-login>`);
    const email = uniqueEmail();
    const sent = oneEvent(element, 'otp-sent') as Promise<OtpSentEvent>;
    const input = visibleInput(element, /e-?mail/i);
    expect(input.autocomplete).to.equal('email');
    await typeInto(input, email);
    visibleButton(element, /send code/i).click();
    expect((await sent).detail).to.deep.equal({ channel: 'email', to: email });
    await element.updateComplete;
    const login = oneEvent(element, 'login') as Promise<LoginEvent>;
    await typeInto(visibleInput(element, /code/i), await latestCode(email));
    visibleButton(element, /verify/i).click();
    expect((await login).detail.claims['email']).to.equal(email);
  });
});

describe('request signature', () => {
  it('signs the code request with signing-key where the tenant requires it', async () => {
    const element = await phoneWidget({ tenant: 'acme', signingKey: 'demo-signing-key' });
    const { detail } = await requestPhoneCode(element, uniquePhoneNumber());
    expect(detail.channel).to.equal('sms');
  });

  it('reports a missing signature as signature-rejected', async () => {
    const element = await phoneWidget({ tenant: 'acme' });
    const failure = oneEvent(element, 'login-error') as Promise<LoginErrorEvent>;
    await typeInto(visibleInput(element, /phone/i), uniquePhoneNumber());
    visibleButton(element, /send code/i).click();
    expect((await failure).detail.code).to.equal('signature-rejected');
  });

  it('reports a signature made with the wrong key as signature-rejected', async () => {
    const element = await phoneWidget({ tenant: 'acme', signingKey: 'not-the-key' });
    const failure = oneEvent(element, 'login-error') as Promise<LoginErrorEvent>;
    await typeInto(visibleInput(element, /phone/i), uniquePhoneNumber());
    visibleButton(element, /send code/i).click();
    expect((await failure).detail.code).to.equal('signature-rejected');
  });

  it('uses the signer property instead of signing-key', async () => {
    const element = await phoneWidget({ tenant: 'acme' });
    const signed: string[] = [];
    const sign = createHmacSigner('demo-signing-key');
    element.signer = async (request) => {
      signed.push(request.url);
      return sign(request);
    };
    await requestPhoneCode(element, uniquePhoneNumber());
    expect(signed).to.have.length(1);
    expect(signed[0]).to.match(/\/acme\/front\/customers\/create-or-sign-in-with-phone-number$/);
  });
});
