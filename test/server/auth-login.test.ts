import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { call, claimsOf, HEX_16, startTestServer, UUID, type TestServer } from './harness.js';

describe('auth-login', () => {
  let server: TestServer;
  let base: string;

  before(async () => {
    server = await startTestServer({ ttl: { authLogin: { access: 900, refresh: 7200 } } });
    base = server.baseUrls.authLogin;
  });
  after(() => server.close());

  const login = (username: string, password = 'demo-password') =>
    call(`${base}/auth/login`, { json: { username, password } });
  const refresh = (refresh_token: string) => call(`${base}/auth/refresh-token`, { json: { refresh_token } });

  test('a user name and password sign in with access_token, jwt_token and refresh_token', async () => {
    const answer = await login('demo');
    assert.equal(answer.status, 200);
    assert.deepEqual(Object.keys(answer.body).sort(), ['access_token', 'jwt_token', 'refresh_token']);
  });

  test('the e-mail address works as user name', async () => {
    assert.equal((await login('demo@example.com')).status, 200);
  });

  test('the phone number works as user name', async () => {
    assert.equal((await login('+436641234567')).status, 200);
  });

  test('tokens have the configured lifetimes', async () => {
    const { access_token, refresh_token } = (await login('demo')).body;
    const access = claimsOf(access_token);
    const refreshClaims = claimsOf(refresh_token);
    assert.equal(access.exp! - access.iat!, 900);
    assert.equal(refreshClaims.exp! - refreshClaims.iat!, 7200);
  });

  test('the jwt_token carries the profile', async () => {
    const profile = claimsOf((await login('demo')).body.jwt_token);
    assert.equal(profile.name, 'Dana Demo');
    assert.equal(profile.email, 'demo@example.com');
  });

  test('a wrong password is answered 401 bad-credentials with a trace id', async () => {
    const answer = await login('demo', 'wrong');
    assert.equal(answer.status, 401);
    assert.equal(answer.body.error_code, 'bad-credentials');
    assert.equal(answer.body.message, 'Invalid username and/or password');
    assert.match(answer.body.trace_id, HEX_16);
  });

  test('the X-Trace-Id header matches the trace_id of the body', async () => {
    const answer = await login('nobody');
    assert.equal(answer.headers.get('x-trace-id'), answer.body.trace_id);
  });

  test('an unvalidated account is answered 401 account-not-validated with a resend code', async () => {
    const answer = await login('unvalidated');
    assert.equal(answer.status, 401);
    assert.equal(answer.body.error_code, 'account-not-validated');
    assert.equal(answer.body.message, 'Account not validated');
    assert.match(answer.body.trace_id, HEX_16);
    assert.match(answer.body.extra_attributes.resend_code, UUID);
  });

  test('a disabled account is answered 401 inactive-account', async () => {
    const answer = await login('disabled');
    assert.equal(answer.status, 401);
    assert.equal(answer.body.error_code, 'inactive-account');
    assert.equal(answer.body.message, 'Account has been disabled');
  });

  test('a missing password is answered 400 invalid-request', async () => {
    const answer = await call(`${base}/auth/login`, { json: { username: 'demo' } });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.error_code, 'invalid-request');
    assert.match(answer.body.trace_id, HEX_16);
  });

  test('malformed JSON is answered 400 invalid-request', async () => {
    const answer = await call(`${base}/auth/login`, {
      raw: '{"username":',
      headers: { 'Content-Type': 'application/json' },
    });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.error_code, 'invalid-request');
  });

  test('a refresh answers the same three tokens', async () => {
    const { refresh_token } = (await login('demo')).body;
    const answer = await refresh(refresh_token);
    assert.equal(answer.status, 200);
    assert.deepEqual(Object.keys(answer.body).sort(), ['access_token', 'jwt_token', 'refresh_token']);
  });

  test('an expired refresh token is answered 401 token-expired', async () => {
    const { refresh_token } = (await login('demo')).body;
    server.clock.advance(7201 * 1000);
    const answer = await refresh(refresh_token);
    assert.equal(answer.status, 401);
    assert.equal(answer.body.error_code, 'token-expired');
  });

  test('a forged refresh token is answered 401 bad-credentials', async () => {
    const answer = await refresh('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLTIwMDEifQ.c2lnbmF0dXJl');
    assert.equal(answer.status, 401);
    assert.equal(answer.body.error_code, 'bad-credentials');
  });

  test('an access token is refused as refresh token', async () => {
    const { access_token } = (await login('demo')).body;
    assert.equal((await refresh(access_token)).status, 401);
  });

  test('the protected profile endpoint answers a valid access token', async () => {
    const { access_token } = (await login('demo')).body;
    const answer = await call(`${base}/users/me`, { headers: { Authorization: `Bearer ${access_token}` } });
    assert.equal(answer.status, 200);
    assert.equal(answer.body.username, 'demo');
  });
});
