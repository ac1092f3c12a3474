import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { call, claimsOf, startTestServer, type TestServer } from './harness.js';

describe('wunder password, API-key and refresh', () => {
  let server: TestServer;
  let base: string;

  before(async () => {
    server = await startTestServer({ accessTtl: { wunder: 120 }, refreshTtl: { wunder: 3600 } });
    base = server.baseUrls.wunder;
  });
  after(() => server.close());

  const signIn = () =>
    call(`${base}/globex/auth/sign-in-email`, { json: { email: 'demo@example.com', password: 'demo-password' } });
  const refresh = (refreshToken: string) => call(`${base}/globex/auth/refresh`, { json: { refreshToken } });

  test('e-mail and password sign in with camelCase accessToken and refreshToken', async () => {
    const answer = await signIn();
    assert.equal(answer.status, 200);
    assert.deepEqual(Object.keys(answer.body).sort(), ['accessToken', 'refreshToken']);
  });

  test('the access token carries the user, the tenant and the configured lifetime', async () => {
    const claims = claimsOf((await signIn()).body.accessToken);
    assert.equal(claims.email, 'demo@example.com');
    assert.equal(claims.name, 'Dana Demo');
    assert.equal(claims.tenant, 'globex');
    assert.equal(claims.use, 'access');
    assert.equal(typeof claims.sub, 'string');
    assert.equal(typeof claims.jti, 'string');
    assert.equal(claims.exp! - claims.iat!, 120);
  });

  test('the refresh token has the configured refresh lifetime', async () => {
    const claims = claimsOf((await signIn()).body.refreshToken);
    assert.equal(claims.use, 'refresh');
    assert.equal(claims.exp! - claims.iat!, 3600);
  });

  test('access tokens last five hours by default', async () => {
    const defaults = await startTestServer();
    try {
      const answer = await call(`${defaults.baseUrls.wunder}/acme/auth/sign-in-email`, {
        json: { email: 'demo@example.com', password: 'demo-password' },
      });
      const claims = claimsOf(answer.body.accessToken);
      assert.equal(claims.exp! - claims.iat!, 18_000);
    } finally {
      await defaults.close();
    }
  });

  test('a wrong password is answered 401 with the wunder error body', async () => {
    const answer = await call(`${base}/globex/auth/sign-in-email`, {
      json: { email: 'demo@example.com', password: 'nope' },
    });
    assert.equal(answer.status, 401);
    assert.deepEqual(answer.body, { message: 'Invalid e-mail or password', status: 401 });
  });

  test('an unknown tenant is answered 404', async () => {
    const answer = await call(`${base}/initech/auth/sign-in-email`, {
      json: { email: 'demo@example.com', password: 'demo-password' },
    });
    assert.equal(answer.status, 404);
    assert.equal(answer.body.message, 'Unknown tenant');
  });

  test('a body without the password is answered 400', async () => {
    const answer = await call(`${base}/globex/auth/sign-in-email`, { json: { email: 'demo@example.com' } });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.message, 'password is required');
  });

  test('a body that is not a JSON object is answered 400', async () => {
    const answer = await call(`${base}/globex/auth/sign-in-email`, {
      raw: '["demo@example.com"]',
      headers: { 'Content-Type': 'application/json' },
    });
    assert.equal(answer.status, 400);
  });

  test('the demo API client signs in with clientId and clientKey', async () => {
    const answer = await call(`${base}/globex/auth/sign-in-api-client`, {
      json: { clientId: 'demo-client', clientKey: 'demo-client-key' },
    });
    assert.equal(answer.status, 200);
    assert.equal(claimsOf(answer.body.accessToken).name, 'Demo API client');
  });

  test('a wrong client key is answered 401', async () => {
    const answer = await call(`${base}/globex/auth/sign-in-api-client`, {
      json: { clientId: 'demo-client', clientKey: 'guess' },
    });
    assert.equal(answer.status, 401);
    assert.equal(answer.body.status, 401);
  });

  test('a refresh returns a new access and refresh token for the same user', async () => {
    const first = (await signIn()).body;
    const answer = await refresh(first.refreshToken);
    assert.equal(answer.status, 200);
    assert.notEqual(answer.body.refreshToken, first.refreshToken);
    assert.equal(claimsOf(answer.body.accessToken).email, 'demo@example.com');
  });

  test('a refresh token that was already used is refused and revokes its whole family', async () => {
    const first = (await signIn()).body;
    const second = (await refresh(first.refreshToken)).body;
    const reuse = await refresh(first.refreshToken);
    assert.equal(reuse.status, 401);
    const afterTheft = await refresh(second.refreshToken);
    assert.equal(afterTheft.status, 401);
  });

  test('revoking one family leaves other sessions working', async () => {
    const stolen = (await signIn()).body;
    const other = (await signIn()).body;
    await refresh(stolen.refreshToken);
    await refresh(stolen.refreshToken);
    assert.equal((await refresh(other.refreshToken)).status, 200);
  });

  test('an access token is refused as a refresh token', async () => {
    const answer = await refresh((await signIn()).body.accessToken);
    assert.equal(answer.status, 401);
  });

  test('an expired refresh token is refused', async () => {
    const tokens = (await signIn()).body;
    server.clock.advance(3601 * 1000);
    try {
      assert.equal((await refresh(tokens.refreshToken)).status, 401);
    } finally {
      server.clock.advance(-3601 * 1000);
    }
  });

  test('a refresh token of another tenant is refused', async () => {
    const tokens = (await signIn()).body;
    const answer = await call(`${base}/acme/auth/refresh`, { json: { refreshToken: tokens.refreshToken } });
    assert.equal(answer.status, 401);
  });

  test('the protected customer endpoint answers a valid access token', async () => {
    const { accessToken } = (await signIn()).body;
    const answer = await call(`${base}/globex/front/customers/me`, {
      headers: { Authorization: `Bearer ${accessToken}` },
    });
    assert.equal(answer.status, 200);
    assert.equal(answer.body.email, 'demo@example.com');
  });

  test('the protected customer endpoint refuses a request without a token', async () => {
    assert.equal((await call(`${base}/globex/front/customers/me`)).status, 401);
  });

  test("the orders endpoint answers the customer's orders for a valid token and 401 for the placeholder", async () => {
    const { accessToken } = (await signIn()).body;
    const answer = await call(`${base}/globex/front/customers/me/orders`, {
      headers: { Authorization: `Bearer ${accessToken}` },
    });
    assert.equal(answer.status, 200);
    assert.equal(answer.body.length, 3);
    const placeholder = await call(`${base}/globex/front/customers/me/orders`, { headers: { Authorization: 'Bearer 123' } });
    assert.equal(placeholder.status, 401);
  });

  test('the OpenAPI document names this server and a bearer scheme that secures the customer calls', async () => {
    const answer = await call(`${base}/openapi.json`);
    assert.equal(answer.status, 200);
    assert.equal(answer.body.servers[0].url, `${base}/acme`);
    assert.deepEqual(answer.body.components.securitySchemes.bearerAuth, {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description: 'The access token from the widget.',
    });
    assert.deepEqual(answer.body.security, [{ bearerAuth: [] }]);
    assert.deepEqual(answer.body.paths['/auth/sign-in-email'].post.security, []);
  });
});
