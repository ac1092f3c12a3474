import assert from 'node:assert/strict';
import { test } from 'node:test';
import { freshPhoneNumber } from '../e2e/helpers/bundle-page.js';
import { inWidget, openWidget, useWebKitPage, waitForEvent } from './helpers/webkit-page.js';

const page = useWebKitPage();

test('signs in with a phone OTP: the code request, then the code the server sent', async () => {
  const phoneNumber = freshPhoneNumber();
  await openWidget(page.browser, page.url);
  await inWidget(page.browser, '#jwt-login-tab-phone-otp').click();
  await inWidget(page.browser, 'input[name="phoneNumber"]').setValue(phoneNumber);
  await inWidget(page.browser, '[part="submit"]').click();
  const { detail: sent } = await waitForEvent(page.browser, 'otp-sent');
  assert.deepEqual(sent, { channel: 'sms', to: phoneNumber });
  // What the demo page shows as the "sent" SMS: the stand-in's outbox.
  const code = page.auth.outbox.latest(phoneNumber);
  assert.ok(code, `no code was sent to ${phoneNumber}`);
  const codeInput = inWidget(page.browser, 'input[name="code"]');
  await codeInput.waitForDisplayed();
  await codeInput.setValue(code);
  await inWidget(page.browser, '[part="submit"]').click();
  const { detail: login } = await waitForEvent(page.browser, 'login');
  assert.equal(login.method, 'phone-otp');
  await inWidget(page.browser, '[part="session"]').waitForDisplayed();
});
