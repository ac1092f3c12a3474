import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import apiKeyApi from '../../demo/apis/generic-api-key.json' with { type: 'json' };
import oauthApi from '../../demo/apis/generic-oauth.json' with { type: 'json' };
import sessionApi from '../../demo/apis/generic-session.json' with { type: 'json' };
import { DEMO_CREDENTIALS } from '../../demo/server/index.js';
import { AuthClient } from '../../src/core/client.js';
import { parseConfig } from '../../src/core/config.js';
import { parseEndpoints } from '../../src/core/endpoints-json.js';
import { call, startTestServer, type TestServer } from './harness.js';

const { email, password, keyId, keySecret } = DEMO_CREDENTIALS.generic;

/** The widget's own client, configured from one of the README's JSON examples, as a page would. */
function clientFor(server: TestServer, endpoints: unknown): AuthClient {
  const config = parseConfig({ baseUrl: server.baseUrls.generic, preset: 'custom', endpoints: parseEndpoints(JSON.stringify(endpoints)) });
  return new AuthClient({ baseUrl: config.baseUrl, presetName: 'custom', preset: config.preset, timeout: 5000 });
}

describe('generic: the stand-in for any other JWT API', () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer({ ttl: { generic: { access: 120, refresh: 3600 } } });
  });
  afterEach(() => server.requests.clear());
  after(() => server.close());

  const me = (token: string) => call(`${server.baseUrls.generic}/me`, { headers: { Authorization: `Bearer ${token}` } });

  test('OAuth password grant: a form body with grant_type, and the token works', async () => {
    const tokens = await clientFor(server, oauthApi).signIn('password', { email, password });
    const [request] = server.requests.list();
    assert.equal(request?.body, `username=${encodeURIComponent(email)}&password=${password}&grant_type=password`);
    assert.equal((await me(tokens.accessToken)).status, 200);
    assert.equal(tokens.expiresAt, (tokens.claims.exp as number) * 1000);
  });

  test('OAuth: a wrong password is a 400 invalid_grant, reported as bad-credentials in the server’s words', async () => {
    await assert.rejects(clientFor(server, oauthApi).signIn('password', { email, password: 'nope' }), {
      code: 'bad-credentials',
      message: 'HTTP 400: Invalid username or password',
    });
  });

  test('OAuth: refresh rotates, and a spent refresh token is refused as refresh-failed', async () => {
    const client = clientFor(server, oauthApi);
    const first = await client.signIn('password', { email, password });
    const second = await client.refresh(first);
    assert.notEqual(second.refreshToken, first.refreshToken);
    await assert.rejects(client.refresh(first), { code: 'refresh-failed', message: /^HTTP 400/ });
  });

  test('OAuth: sign-out revokes the refresh token on the server', async () => {
    const client = clientFor(server, oauthApi);
    const tokens = await client.signIn('password', { email, password });
    assert.equal(await client.signOut(tokens), true);
    await assert.rejects(client.refresh(tokens), { code: 'refresh-failed' });
  });

  test('session: a nested JSON body with a constant strategy, nested token and absolute expiry', async () => {
    const tokens = await clientFor(server, sessionApi).signIn('password', { email, password });
    assert.deepEqual(JSON.parse(server.requests.list()[0]!.body ?? ''), { user: { email, password }, strategy: 'local' });
    assert.equal(tokens.refreshToken, undefined, 'the refresh token stays in the httpOnly cookie');
    assert.equal((await me(tokens.accessToken)).status, 200);
  });

  test('session: the refresh token comes as an httpOnly cookie for the session path only', async () => {
    const answer = await call(`${server.baseUrls.generic}/session`, { json: { strategy: 'local', user: { email, password } } });
    assert.match(answer.headers.get('set-cookie') ?? '', /^generic_refresh=[^;]+; Max-Age=3600; Path=\/generic\/session; HttpOnly; SameSite=Lax$/);
  });

  test('session: CORS lets a page send credentials', async () => {
    const answer = await call(`${server.baseUrls.generic}/session/refresh`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:8000', 'Access-Control-Request-Method': 'POST' },
    });
    assert.equal(answer.headers.get('access-control-allow-origin'), 'http://localhost:8000');
    assert.equal(answer.headers.get('access-control-allow-credentials'), 'true');
  });

  test('API key: a long-lived token and no refresh call, so no refresh is tried', async () => {
    const client = clientFor(server, apiKeyApi);
    const tokens = await client.signIn('api-key', { clientId: keyId, clientKey: keySecret });
    assert.equal(client.canRefresh(tokens), false);
    await assert.rejects(client.refresh(tokens), { code: 'refresh-failed' });
    assert.equal(server.requests.list().length, 1);
  });

  test('API key: a wrong key reports the server’s message', async () => {
    await assert.rejects(clientFor(server, apiKeyApi).signIn('api-key', { clientId: keyId, clientKey: 'x' }), {
      code: 'bad-credentials',
      message: 'HTTP 401: Unknown API key.',
    });
  });
});
