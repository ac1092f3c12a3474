import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inWidget, openWidget, signInAsDemo, useWebKitPage, waitForEvent } from './helpers/webkit-page.js';

// persist="local": the tabs of the origin share one session (Web Locks, BroadcastChannel, storage).
const page = useWebKitPage();

test('a sign-in in one tab signs the other in, a sign-out in the other signs the first out', async () => {
  const { browser } = page;
  await openWidget(browser, page.url);
  const first = await browser.getWindowHandle();
  const second = (await browser.newWindow('about:blank', { type: 'tab' })).handle;
  await openWidget(browser, page.url);

  await browser.switchToWindow(first);
  await signInAsDemo(browser);
  await inWidget(browser, '[part="session"]').waitForDisplayed();

  await browser.switchToWindow(second);
  await waitForEvent(browser, 'login');
  await inWidget(browser, '[part="session"]').waitForDisplayed();
  await inWidget(browser, '[part="sign-out"]').click();
  await inWidget(browser, 'input[name="email"]').waitForDisplayed();

  await browser.switchToWindow(first);
  const { detail } = await waitForEvent(browser, 'logout');
  assert.deepEqual(detail, { reason: 'user' });
  await inWidget(browser, 'input[name="email"]').waitForDisplayed();
});
