import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { call, startTestServer, type TestServer } from './harness.js';

const PAGE = 'http://localhost:5173';

describe('CORS', () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  const preflight = (url: string, requestHeaders: string) =>
    call(url, {
      method: 'OPTIONS',
      headers: {
        Origin: PAGE,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': requestHeaders,
      },
    });
  const allowedHeaders = (answer: { headers: Headers }) =>
    (answer.headers.get('access-control-allow-headers') ?? '').split(',').map((name) => name.trim().toLowerCase());

  test('a wunder preflight is answered 204 and allows the signature headers', async () => {
    const answer = await preflight(
      `${server.baseUrls.wunder}/acme/front/customers/create-or-sign-in-with-phone-number`,
      'content-type,x-timestamp,x-nonce,x-signature',
    );
    assert.equal(answer.status, 204);
    for (const name of ['content-type', 'x-timestamp', 'x-nonce', 'x-signature', 'authorization', 'accept-language']) {
      assert.ok(allowedHeaders(answer).includes(name), `${name} not allowed`);
    }
  });

  test('a wunder preflight reflects the origin, varies on it and may be cached 600 s', async () => {
    const answer = await preflight(`${server.baseUrls.wunder}/acme/auth/sign-in-email`, 'content-type');
    assert.equal(answer.headers.get('access-control-allow-origin'), PAGE);
    assert.equal(answer.headers.get('vary'), 'Origin');
    assert.equal(answer.headers.get('access-control-max-age'), '600');
    assert.equal(answer.headers.get('access-control-allow-methods'), 'GET, POST, OPTIONS');
  });

  test('a wunder answer exposes Retry-After and X-Trace-Id', async () => {
    const answer = await call(`${server.baseUrls.wunder}/globex/auth/sign-in-email`, {
      json: { email: 'demo@example.com', password: 'demo-password' },
      headers: { Origin: PAGE },
    });
    assert.equal(answer.headers.get('access-control-allow-origin'), PAGE);
    assert.equal(answer.headers.get('access-control-expose-headers'), 'Retry-After, X-Trace-Id');
  });

  test('a datarhei preflight allows only Origin, Content-Length, Content-Type and Authorization', async () => {
    const answer = await preflight(`${server.baseUrls.datarhei}/api/login`, 'content-type,x-signature');
    assert.equal(answer.status, 204);
    assert.deepEqual(allowedHeaders(answer), ['origin', 'content-length', 'content-type', 'authorization']);
  });

  test('a datarhei preflight asking for X-Signature is not granted it', async () => {
    const answer = await preflight(`${server.baseUrls.datarhei}/api/login`, 'x-signature');
    assert.ok(!allowedHeaders(answer).includes('x-signature'));
  });

  test('datarhei allows any origin with a wildcard and no credentials', async () => {
    const answer = await preflight(`${server.baseUrls.datarhei}/api/login`, 'content-type');
    assert.equal(answer.headers.get('access-control-allow-origin'), '*');
    assert.equal(answer.headers.get('access-control-allow-credentials'), null);
  });

  test('an auth-login preflight allows Accept-Language but no signature headers', async () => {
    const answer = await preflight(`${server.baseUrls.authLogin}/auth/login`, 'content-type,accept-language');
    assert.equal(answer.status, 204);
    assert.equal(answer.headers.get('access-control-allow-origin'), PAGE);
    assert.ok(allowedHeaders(answer).includes('accept-language'));
    assert.ok(!allowedHeaders(answer).includes('x-signature'));
  });

  test('an auth-login error exposes X-Trace-Id to the page', async () => {
    const answer = await call(`${server.baseUrls.authLogin}/auth/login`, {
      json: { username: 'demo', password: 'wrong' },
      headers: { Origin: PAGE },
    });
    assert.match(answer.headers.get('access-control-expose-headers') ?? '', /X-Trace-Id/);
  });
});
