import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inWidget, openWidget, signInAsDemo, useWebKitPage, waitForEvent } from './helpers/webkit-page.js';

const page = useWebKitPage();

test('signs in with a password from a page with only the bundle, cross-origin', async () => {
  await openWidget(page.browser, page.url);
  await signInAsDemo(page.browser);
  const { detail: login } = await waitForEvent(page.browser, 'login');
  assert.equal(String(login.accessToken).split('.').length, 3);
  assert.equal(login.method, 'password');
  const session = inWidget(page.browser, '[part="session"]');
  await session.waitForDisplayed();
  assert.match(await session.getText(), /Dana Demo/);
  assert.notEqual(new URL(page.url).origin, new URL(page.auth.url).origin);
});
