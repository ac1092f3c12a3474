import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { call, claimsOf, startTestServer, UUID, type TestServer } from './harness.js';

const WRONG_CREDENTIALS = {
  code: 401,
  message: 'Unauthorized',
  details: ['Invalid authorization credentials: invalid username or password'],
};
const INVALID_JWT = { code: 401, message: 'Unauthorized', details: ['Missing or invalid JWT token'] };
const FAIL_DELAY_MS = 150;

describe('datarhei login', () => {
  let server: TestServer;
  let base: string;

  before(async () => {
    server = await startTestServer({ datarheiFailDelayMs: FAIL_DELAY_MS });
    base = server.baseUrls.datarhei;
  });
  after(() => server.close());

  const login = (username = 'admin', password = 'datarhei') =>
    call(`${base}/api/login`, { json: { username, password } });
  const withBearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  test('user name and password sign in with snake_case access_token and refresh_token', async () => {
    const answer = await login();
    assert.equal(answer.status, 200);
    assert.deepEqual(Object.keys(answer.body).sort(), ['access_token', 'refresh_token']);
  });

  test('the access token has datarhei claims and a 600 s lifetime', async () => {
    const claims = claimsOf((await login()).body.access_token);
    assert.equal(claims.iss, 'datarhei-core');
    assert.equal(claims.sub, 'admin');
    assert.equal(claims.usefor, 'access');
    assert.equal(claims.exi, 600);
    assert.equal(claims.exp! - claims.iat!, 600);
    assert.match(String(claims.jti), UUID);
  });

  test('the refresh token is marked for refresh and lives 86400 s', async () => {
    const claims = claimsOf((await login()).body.refresh_token);
    assert.equal(claims.usefor, 'refresh');
    assert.equal(claims.exi, 86_400);
    assert.equal(claims.exp! - claims.iat!, 86_400);
  });

  test('configured lifetimes show in exp and exi', async () => {
    const short = await startTestServer({ ttl: { datarhei: { access: 4 } } });
    try {
      const answer = await call(`${short.baseUrls.datarhei}/api/login`, {
        json: { username: 'admin', password: 'datarhei' },
      });
      const claims = claimsOf(answer.body.access_token);
      assert.equal(claims.exi, 4);
      assert.equal(claims.exp! - claims.iat!, 4);
    } finally {
      await short.close();
    }
  });

  test('a wrong password is answered 401 with the datarhei error body', async () => {
    const answer = await login('admin', 'wrong');
    assert.equal(answer.status, 401);
    assert.deepEqual(answer.body, WRONG_CREDENTIALS);
  });

  test('a wrong user name is answered only after the configured delay', async () => {
    const started = performance.now();
    const answer = await login('root', 'datarhei');
    assert.equal(answer.status, 401);
    assert.ok(performance.now() - started >= FAIL_DELAY_MS - 5, 'answered before the delay');
  });

  test('a correct login is answered without the delay', async () => {
    const slow = await startTestServer({ datarheiFailDelayMs: 2000 });
    try {
      const started = performance.now();
      await call(`${slow.baseUrls.datarhei}/api/login`, { json: { username: 'admin', password: 'datarhei' } });
      assert.ok(performance.now() - started < 1000);
    } finally {
      await slow.close();
    }
  });

  test('an Auth0 token from the demo helper is exchanged for datarhei tokens', async () => {
    const { token } = (await call(`${server.url}/_demo/auth0-token?sub=auth0%7Calice`)).body;
    assert.equal(claimsOf(token).iss, 'https://demo-tenant.auth0.local/');
    assert.equal(claimsOf(token).aud, 'datarhei-core');
    const answer = await call(`${base}/api/login`, { method: 'POST', headers: withBearer(token) });
    assert.equal(answer.status, 200);
    assert.equal(claimsOf(answer.body.access_token).sub, 'auth0|alice');
    assert.equal(typeof answer.body.refresh_token, 'string');
  });

  test('an expired Auth0 token is refused with the datarhei error shape', async () => {
    const token = await server.issueAuth0Token('auth0|late', 1);
    server.clock.advance(2000);
    const answer = await call(`${base}/api/login`, { method: 'POST', headers: withBearer(token) });
    assert.equal(answer.status, 401);
    assert.equal(answer.body.code, 401);
    assert.equal(answer.body.message, 'Unauthorized');
    assert.ok(Array.isArray(answer.body.details));
  });

  test('a datarhei token is not accepted as an Auth0 token', async () => {
    const { access_token } = (await login()).body;
    const answer = await call(`${base}/api/login`, { method: 'POST', headers: withBearer(access_token) });
    assert.equal(answer.status, 401);
  });

  test('a refresh answers a new access_token and no refresh_token', async () => {
    const { refresh_token } = (await login()).body;
    const answer = await call(`${base}/api/login/refresh`, { headers: withBearer(refresh_token) });
    assert.equal(answer.status, 200);
    assert.deepEqual(Object.keys(answer.body), ['access_token']);
    assert.equal(claimsOf(answer.body.access_token).usefor, 'access');
  });

  test('the same refresh token can be used again until it expires', async () => {
    const { refresh_token } = (await login()).body;
    await call(`${base}/api/login/refresh`, { headers: withBearer(refresh_token) });
    const again = await call(`${base}/api/login/refresh`, { headers: withBearer(refresh_token) });
    assert.equal(again.status, 200);
  });

  test('an access token used as refresh token is answered 401 Missing or invalid JWT token', async () => {
    const { access_token } = (await login()).body;
    const answer = await call(`${base}/api/login/refresh`, { headers: withBearer(access_token) });
    assert.equal(answer.status, 401);
    assert.deepEqual(answer.body, INVALID_JWT);
  });

  test('an expired refresh token is answered 401 Missing or invalid JWT token', async () => {
    const { refresh_token } = (await login()).body;
    server.clock.advance(86_401 * 1000);
    const answer = await call(`${base}/api/login/refresh`, { headers: withBearer(refresh_token) });
    assert.equal(answer.status, 401);
    assert.deepEqual(answer.body, INVALID_JWT);
  });

  test('a refresh without a token is answered 401', async () => {
    const answer = await call(`${base}/api/login/refresh`);
    assert.deepEqual(answer.body, INVALID_JWT);
  });

  test('the protected about endpoint answers a valid access token', async () => {
    const { access_token } = (await login()).body;
    const answer = await call(`${base}/api/v3/about`, { headers: withBearer(access_token) });
    assert.equal(answer.status, 200);
    assert.equal(answer.body.app, 'datarhei-core');
  });

  test('the protected about endpoint refuses a refresh token', async () => {
    const { refresh_token } = (await login()).body;
    const answer = await call(`${base}/api/v3/about`, { headers: withBearer(refresh_token) });
    assert.equal(answer.status, 401);
  });
});
