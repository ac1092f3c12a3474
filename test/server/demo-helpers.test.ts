import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { call, startTestServer, type TestServer } from './harness.js';

describe('demo helpers and robustness', () => {
  let server: TestServer;
  let signInUrl: string;
  const credentials = { email: 'demo@example.com', password: 'demo-password' };

  before(async () => {
    server = await startTestServer();
    signInUrl = `${server.baseUrls.wunder}/globex/auth/sign-in-email`;
  });
  afterEach(() => {
    server.faults.clear();
    server.requests.clear();
  });
  after(() => server.close());

  test('a fault posted over HTTP answers the next matching request instead of the API', async () => {
    const posted = await call(`${server.url}/_demo/faults`, {
      json: { match: '/sign-in-email', status: 503, body: '{"message":"down"}', headers: { 'Retry-After': '7' } },
    });
    assert.equal(posted.status, 201);
    const faulted = await call(signInUrl, { json: credentials });
    assert.equal(faulted.status, 503);
    assert.equal(faulted.text, '{"message":"down"}');
    assert.equal(faulted.headers.get('retry-after'), '7');
  });

  test('a fault is spent after one request by default', async () => {
    server.faults.add({ match: '/sign-in-email', status: 500 });
    await call(signInUrl, { json: credentials });
    assert.equal((await call(signInUrl, { json: credentials })).status, 200);
  });

  test('a fault with times applies to that many requests', async () => {
    server.faults.add({ match: '/sign-in-email', status: 502, times: 2 });
    assert.equal((await call(signInUrl, { json: credentials })).status, 502);
    assert.equal((await call(signInUrl, { json: credentials })).status, 502);
    assert.equal((await call(signInUrl, { json: credentials })).status, 200);
  });

  test('a faulted answer still carries the CORS headers', async () => {
    server.faults.add({ match: '/sign-in-email', status: 500 });
    const answer = await call(signInUrl, { json: credentials, headers: { Origin: 'http://localhost:5173' } });
    assert.equal(answer.headers.get('access-control-allow-origin'), 'http://localhost:5173');
  });

  test('a preflight is never faulted', async () => {
    server.faults.add({ match: '/sign-in-email', status: 500 });
    const preflight = await call(signInUrl, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST' },
    });
    assert.equal(preflight.status, 204);
    assert.equal((await call(signInUrl, { json: credentials })).status, 500);
  });

  test('a delay-only fault lets the real answer through late', async () => {
    server.faults.add({ match: '/sign-in-email', delayMs: 120 });
    const started = performance.now();
    const answer = await call(signInUrl, { json: credentials });
    assert.equal(answer.status, 200);
    assert.ok(performance.now() - started >= 110);
  });

  test('a hanging fault never answers and does not stop the server', async () => {
    server.faults.add({ match: '/sign-in-email', hang: true });
    await assert.rejects(call(signInUrl, { json: credentials, signal: AbortSignal.timeout(150) }));
    assert.equal((await call(signInUrl, { json: credentials })).status, 200);
  });

  test('a dropped connection fails the request', async () => {
    server.faults.add({ match: '/sign-in-email', drop: true });
    await assert.rejects(call(signInUrl, { json: credentials }));
  });

  test('DELETE /_demo/faults clears every queued fault', async () => {
    server.faults.add({ match: '/sign-in-email', status: 500, times: 5 });
    assert.equal((await call(`${server.url}/_demo/faults`, { method: 'DELETE' })).status, 204);
    assert.equal((await call(signInUrl, { json: credentials })).status, 200);
  });

  test('an invalid fault is answered 400', async () => {
    const answer = await call(`${server.url}/_demo/faults`, { json: { status: 500 } });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.message, 'match must be a non-empty string');
  });

  test('the request log over HTTP names the headers sent but holds no token', async () => {
    await call(`${server.baseUrls.datarhei}/api/login/refresh`, { headers: { Authorization: 'Bearer secret-token' } });
    const logged = (await call(`${server.url}/_demo/requests`)).body;
    const entry = logged.at(-1);
    assert.equal(entry.path, '/datarhei/api/login/refresh');
    assert.equal(entry.authScheme, 'Bearer');
    assert.ok(entry.headerNames.includes('authorization'));
    assert.ok(!JSON.stringify(logged).includes('secret-token'));
  });

  test('the request log in process keeps the Authorization header and the body', async () => {
    await call(`${server.baseUrls.datarhei}/api/login/refresh`, { headers: { Authorization: 'Bearer secret-token' } });
    await call(signInUrl, { json: credentials });
    const [refresh, signIn] = server.requests.list();
    assert.equal(refresh!.authorization, 'Bearer secret-token');
    assert.equal(refresh!.status, 401);
    assert.deepEqual(JSON.parse(signIn!.body!), credentials);
  });

  test('the outbox event stream pushes each new code', async () => {
    const controller = new AbortController();
    const stream = await fetch(`${server.url}/_demo/outbox/events`, { signal: controller.signal });
    assert.equal(stream.headers.get('content-type'), 'text/event-stream; charset=utf-8');
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    await call(`${server.baseUrls.wunder}/globex/front/customers/create-or-sign-in-with-email-code`, {
      json: { email: 'stream@example.com' },
    });
    let received = '';
    while (!/data: .*\n\n$/s.test(received)) {
      const chunk = await reader.read();
      if (chunk.done) break;
      received += chunk.value;
    }
    controller.abort();
    const message = JSON.parse(received.split('data: ')[1]!.trim());
    assert.equal(message.to, 'stream@example.com');
    assert.equal(message.code, server.outbox.latest('stream@example.com'));
  });

  test('the info endpoint names the base URL of every API', async () => {
    const answer = await call(`${server.url}/_demo/info`);
    assert.deepEqual(answer.body.apis, server.baseUrls);
  });

  test('an unknown path is answered 404 with JSON', async () => {
    const answer = await call(`${server.url}/nowhere`);
    assert.equal(answer.status, 404);
    assert.equal(answer.body.message, 'Not found');
  });

  test('a wrong method on a known path is answered 405', async () => {
    const answer = await call(signInUrl);
    assert.equal(answer.status, 405);
    assert.equal(answer.headers.get('allow'), 'POST, OPTIONS');
  });

  test('a body over 64 KB is answered 413 and the server keeps going', async () => {
    const answer = await call(signInUrl, { json: { email: 'x'.repeat(70 * 1024), password: 'p' } });
    assert.equal(answer.status, 413);
    assert.equal((await call(signInUrl, { json: credentials })).status, 200);
  });

  test('closing the server ends hanging requests and event streams', async () => {
    const other = await startTestServer();
    other.faults.add({ match: '/auth/login', hang: true });
    const hanging = call(`${other.baseUrls.authLogin}/auth/login`, { json: { username: 'demo', password: 'x' } });
    const events = await fetch(`${other.url}/_demo/outbox/events`);
    await other.close();
    await assert.rejects(hanging);
    await assert.rejects(events.text());
  });
});
