import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openWidget, recordedEvents, signInAsDemo, useWebKitPage, waitForEvent } from './helpers/webkit-page.js';

// 4-second access tokens: the widget refreshes them itself at 50 % to 90 % of their lifetime,
// counted from their arrival (the contract), here as the page received its events.
const LIFETIME_MS = 4000;
const page = useWebKitPage({ accessTtl: LIFETIME_MS / 1000 });

test('refreshes a short-lived token by itself, once, within 50 % to 90 % of its lifetime', async () => {
  await openWidget(page.browser, page.url);
  await signInAsDemo(page.browser);
  const login = await waitForEvent(page.browser, 'login');
  const refresh = await waitForEvent(page.browser, 'token-refresh', LIFETIME_MS * 2);
  assert.notEqual(refresh.detail.accessToken, login.detail.accessToken);
  assert.ok(Number(refresh.detail.expiresAt) > Number(login.detail.expiresAt));
  const after = refresh.at - login.at;
  // The refresh request's own round trip comes on top of the scheduled time.
  assert.ok(after >= LIFETIME_MS * 0.5 && after <= LIFETIME_MS * 0.9 + 250, `refreshed ${after} ms after the sign-in`);
  const refreshes = page.auth.requests.list().filter((request) => request.method === 'POST' && request.path.endsWith('/auth/refresh'));
  assert.equal(refreshes.length, 1);
  assert.equal((await recordedEvents(page.browser)).filter((event) => event.type === 'logout').length, 0);
});
