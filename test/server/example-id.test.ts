import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { call, claimsOf, startTestServer, type TestServer } from './harness.js';

const PAGE = 'http://localhost:5173';
const VERSION = { 'X-Api-Version': '2' };

describe('example-id', () => {
  let server: TestServer;
  let base: string;

  before(async () => {
    server = await startTestServer({ ttl: { exampleId: { access: 300, refresh: 7200 } } });
    base = server.baseUrls.exampleId;
  });
  afterEach(() => {
    server.faults.clear();
    server.requests.clear();
  });
  after(() => server.close());

  const signIn = (json: unknown, headers: Record<string, string> = VERSION) =>
    call(`${base}/v2/sessions`, { method: 'PUT', json, headers });
  const signInAda = () => signIn({ login: 'ada', secret: 'lovelace-1815' });
  const renew = (renewal: string, headers: Record<string, string> = VERSION) =>
    call(`${base}/v2/sessions/renew`, { json: { renewal }, headers });
  const me = (token: string) => call(`${base}/v2/me`, { headers: { Authorization: `Bearer ${token}` } });

  test('the base URL is the server URL plus /example-id', () => {
    assert.equal(base, `${server.url}/example-id`);
  });

  test('a PUT with login and secret answers token, renewal and ttl', async () => {
    const answer = await signInAda();
    assert.equal(answer.status, 200);
    assert.deepEqual(Object.keys(answer.body).sort(), ['renewal', 'token', 'ttl']);
  });

  test('the ttl is the configured access lifetime in seconds', async () => {
    assert.equal((await signInAda()).body.ttl, 300);
  });

  test('the access token has no exp and no exi claim', async () => {
    const claims = claimsOf((await signInAda()).body.token);
    assert.equal(claims.exp, undefined);
    assert.equal(claims.exi, undefined);
  });

  test('the access token carries sub, name, iat, jti and use access', async () => {
    const claims = claimsOf((await signInAda()).body.token);
    assert.equal(claims.name, 'Ada Lovelace');
    assert.equal(claims.use, 'access');
    assert.equal(typeof claims.sub, 'string');
    assert.equal(typeof claims.iat, 'number');
    assert.equal(typeof claims.jti, 'string');
  });

  test('the renewal token expires after the configured refresh lifetime', async () => {
    const claims = claimsOf((await signInAda()).body.renewal);
    assert.equal(claims.exp! - claims.iat!, 7200);
  });

  test('a sign-in without X-Api-Version is answered 400 unsupported_version', async () => {
    const answer = await signIn({ login: 'ada', secret: 'lovelace-1815' }, {});
    assert.equal(answer.status, 400);
    assert.deepEqual(answer.body, { error: 'unsupported_version', error_description: 'Send X-Api-Version: 2' });
  });

  test('a sign-in with another API version is answered 400 unsupported_version', async () => {
    const answer = await signIn({ login: 'ada', secret: 'lovelace-1815' }, { 'X-Api-Version': '1' });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.error, 'unsupported_version');
  });

  test('a wrong secret is answered 401 invalid_grant', async () => {
    const answer = await signIn({ login: 'ada', secret: 'babbage' });
    assert.equal(answer.status, 401);
    assert.deepEqual(answer.body, { error: 'invalid_grant', error_description: 'Login or secret is wrong' });
  });

  test('an unknown login is answered 401 invalid_grant', async () => {
    const answer = await signIn({ login: 'charles', secret: 'lovelace-1815' });
    assert.equal(answer.status, 401);
    assert.equal(answer.body.error, 'invalid_grant');
  });

  test('a missing secret is answered 400 invalid_request', async () => {
    const answer = await signIn({ login: 'ada' });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.error, 'invalid_request');
    assert.equal(answer.body.error_description, 'secret is required');
  });

  test('malformed JSON is answered 400 invalid_request', async () => {
    const answer = await call(`${base}/v2/sessions`, {
      method: 'PUT',
      raw: '{"login":',
      headers: { ...VERSION, 'Content-Type': 'application/json' },
    });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.error, 'invalid_request');
  });

  test('a POST to the sessions path is answered 405 naming PUT', async () => {
    const answer = await call(`${base}/v2/sessions`, {
      json: { login: 'ada', secret: 'lovelace-1815' },
      headers: VERSION,
    });
    assert.equal(answer.status, 405);
    assert.equal(answer.headers.get('allow'), 'PUT, OPTIONS');
  });

  test('a renewal answers a new token, renewal and ttl', async () => {
    const first = (await signInAda()).body;
    const answer = await renew(first.renewal);
    assert.equal(answer.status, 200);
    assert.deepEqual(Object.keys(answer.body).sort(), ['renewal', 'token', 'ttl']);
    assert.notEqual(answer.body.token, first.token);
    assert.notEqual(answer.body.renewal, first.renewal);
  });

  test('a renewal without X-Api-Version is answered 400 unsupported_version', async () => {
    const { renewal } = (await signInAda()).body;
    const answer = await renew(renewal, {});
    assert.equal(answer.status, 400);
    assert.equal(answer.body.error, 'unsupported_version');
  });

  test('an access token is refused as renewal with 401 invalid_grant', async () => {
    const { token } = (await signInAda()).body;
    const answer = await renew(token);
    assert.equal(answer.status, 401);
    assert.equal(answer.body.error, 'invalid_grant');
  });

  test('an expired renewal token is answered 401 invalid_grant', async () => {
    const { renewal } = (await signInAda()).body;
    server.clock.advance(7200 * 1000);
    const answer = await renew(renewal);
    assert.equal(answer.status, 401);
    assert.equal(answer.body.error, 'invalid_grant');
  });

  test('/v2/me answers sub and name for a valid access token', async () => {
    const { token } = (await signInAda()).body;
    const answer = await me(token);
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, { sub: claimsOf(token).sub, name: 'Ada Lovelace' });
  });

  test('/v2/me still accepts the access token one second before its ttl ends', async () => {
    const { token } = (await signInAda()).body;
    server.clock.advance(299 * 1000);
    assert.equal((await me(token)).status, 200);
  });

  test('/v2/me refuses the access token with 401 once its ttl has passed', async () => {
    const { token } = (await signInAda()).body;
    server.clock.advance(300 * 1000);
    const answer = await me(token);
    assert.equal(answer.status, 401);
    assert.equal(answer.body.error, 'invalid_token');
  });

  test('/v2/me without an Authorization header is answered 401', async () => {
    assert.equal((await call(`${base}/v2/me`)).status, 401);
  });

  test('/v2/me refuses a renewal token', async () => {
    const { renewal } = (await signInAda()).body;
    assert.equal((await me(renewal)).status, 401);
  });

  test('an access token of another API is refused by /v2/me', async () => {
    const login = await call(`${server.baseUrls.authLogin}/auth/login`, {
      json: { username: 'demo', password: 'demo-password' },
    });
    assert.equal((await me(login.body.access_token)).status, 401);
  });

  test('a preflight allows PUT and X-Api-Version for the reflected origin', async () => {
    const answer = await call(`${base}/v2/sessions`, {
      method: 'OPTIONS',
      headers: {
        Origin: PAGE,
        'Access-Control-Request-Method': 'PUT',
        'Access-Control-Request-Headers': 'content-type,x-api-version',
      },
    });
    assert.equal(answer.status, 204);
    assert.equal(answer.headers.get('access-control-allow-origin'), PAGE);
    assert.equal(answer.headers.get('vary'), 'Origin');
    assert.equal(answer.headers.get('access-control-allow-methods'), 'GET, POST, PUT, OPTIONS');
    assert.equal(answer.headers.get('access-control-allow-headers'), 'Content-Type, Authorization, X-Api-Version');
  });

  test('an answer exposes Retry-After and X-Trace-Id to the page', async () => {
    const answer = await signIn({ login: 'ada', secret: 'babbage' }, { ...VERSION, Origin: PAGE });
    assert.equal(answer.headers.get('access-control-allow-origin'), PAGE);
    assert.equal(answer.headers.get('access-control-expose-headers'), 'Retry-After, X-Trace-Id');
  });

  test('a fault answers the next matching example-id request instead of the API', async () => {
    server.faults.add({ match: '/example-id/v2/sessions', status: 503, headers: { 'Retry-After': '3' } });
    const answer = await signInAda();
    assert.equal(answer.status, 503);
    assert.equal(answer.headers.get('retry-after'), '3');
  });

  test('the request log records the sign-in with its version header and body', async () => {
    await signInAda();
    const [logged] = server.requests.list();
    assert.equal(logged!.method, 'PUT');
    assert.equal(logged!.path, '/example-id/v2/sessions');
    assert.ok(logged!.headerNames.includes('x-api-version'));
    assert.deepEqual(JSON.parse(logged!.body!), { login: 'ada', secret: 'lovelace-1815' });
    assert.equal(logged!.status, 200);
  });
});

describe('example-id lifetimes', () => {
  test('the default lifetimes are 900 s access and 86400 s refresh', async () => {
    const server = await startTestServer();
    try {
      assert.deepEqual(server.options.ttl.exampleId, { access: 900, refresh: 86_400 });
    } finally {
      await server.close();
    }
  });

  test('a shared accessTtl applies to example-id too', async () => {
    const server = await startTestServer({ accessTtl: 42 });
    try {
      const answer = await call(`${server.baseUrls.exampleId}/v2/sessions`, {
        method: 'PUT',
        json: { login: 'ada', secret: 'lovelace-1815' },
        headers: VERSION,
      });
      assert.equal(answer.body.ttl, 42);
    } finally {
      await server.close();
    }
  });
});
