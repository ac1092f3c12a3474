import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { computeSignature } from '../../demo/server/index.js';
import { call, signatureHeaders, startTestServer, type TestServer } from './harness.js';

const KEY = 'demo-signing-key';

describe('request signature', () => {
  let server: TestServer;
  let phoneRequest = 0;
  const OTP_PATH = '/wunder/v1/acme/front/customers/create-or-sign-in-with-phone-number';

  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  /** A fresh phone number each time, so the resend cooldown never interferes. */
  function otpBody(): string {
    phoneRequest += 1;
    return JSON.stringify({ phoneNumber: `+4366400000${String(phoneRequest).padStart(2, '0')}`, branchId: '42' });
  }

  function send(body: string, headers: Record<string, string>) {
    return call(`${server.url}${OTP_PATH}`, {
      raw: body,
      headers: { 'Content-Type': 'application/json', ...headers },
    });
  }

  test('the server computes the contract test vector', () => {
    const signature = computeSignature(KEY, {
      timestamp: '1700000000',
      nonce: 'q1w2e3r4t5y6u7i8o9p0aa',
      method: 'POST',
      path: '/v1/acme/front/customers/create-or-sign-in-with-phone-number',
      body: '{"phoneNumber":"+436641234567","branchId":"42"}',
    });
    assert.equal(signature, 'Iep9TMlYQf02wwA-dr4VDQu0OmQksSOvsiAElO_4v2o');
  });

  test('the test helper computes the contract test vector too', () => {
    const headers = signatureHeaders(
      KEY,
      {
        method: 'POST',
        path: '/v1/acme/front/customers/create-or-sign-in-with-phone-number',
        body: '{"phoneNumber":"+436641234567","branchId":"42"}',
      },
      { timestamp: 1700000000, nonce: 'q1w2e3r4t5y6u7i8o9p0aa' },
    );
    assert.equal(headers['X-Signature'], 'Iep9TMlYQf02wwA-dr4VDQu0OmQksSOvsiAElO_4v2o');
  });

  test('a correctly signed OTP request to acme is accepted', async () => {
    const body = otpBody();
    const answer = await send(body, signatureHeaders(KEY, { method: 'POST', path: OTP_PATH, body }));
    assert.equal(answer.status, 200);
  });

  test('an unsigned OTP request to acme is rejected with 401', async () => {
    const answer = await send(otpBody(), {});
    assert.equal(answer.status, 401);
    assert.deepEqual(answer.body, { message: 'Invalid request signature', status: 401 });
  });

  test('a timestamp more than 300 s off is rejected', async () => {
    const body = otpBody();
    const stale = Math.floor(Date.now() / 1000) - 301;
    const headers = signatureHeaders(KEY, { method: 'POST', path: OTP_PATH, body }, { timestamp: stale });
    const answer = await send(body, headers);
    assert.equal(answer.status, 401);
    assert.equal(answer.body.message, 'Invalid request signature');
  });

  test('a replayed nonce is rejected', async () => {
    const body = otpBody();
    const headers = signatureHeaders(KEY, { method: 'POST', path: OTP_PATH, body });
    assert.equal((await send(body, headers)).status, 200);
    const replay = await send(body, headers);
    assert.equal(replay.status, 401);
    assert.equal(replay.body.message, 'Invalid request signature');
  });

  test('a signature made with another key is rejected', async () => {
    const body = otpBody();
    const answer = await send(body, signatureHeaders('wrong-key', { method: 'POST', path: OTP_PATH, body }));
    assert.equal(answer.status, 401);
  });

  test('a signature over a different body is rejected', async () => {
    const signedBody = otpBody();
    const headers = signatureHeaders(KEY, { method: 'POST', path: OTP_PATH, body: signedBody });
    const answer = await send(otpBody(), headers);
    assert.equal(answer.status, 401);
  });

  test('the signature covers the query string', async () => {
    const body = otpBody();
    const headers = signatureHeaders(KEY, { method: 'POST', path: OTP_PATH, body });
    const answer = await call(`${server.url}${OTP_PATH}?lang=de`, {
      raw: body,
      headers: { 'Content-Type': 'application/json', ...headers },
    });
    assert.equal(answer.status, 401);
  });

  test('globex takes OTP requests without a signature', async () => {
    const answer = await call(`${server.url}/wunder/v1/globex/front/customers/create-or-sign-in-with-email-code`, {
      json: { email: 'unsigned@example.com' },
    });
    assert.equal(answer.status, 200);
  });

  test('the signing key can be configured', async () => {
    const custom = await startTestServer({ signingKey: 'another-key' });
    try {
      const body = otpBody();
      const headers = signatureHeaders('another-key', { method: 'POST', path: OTP_PATH, body });
      const answer = await call(`${custom.url}${OTP_PATH}`, {
        raw: body,
        headers: { 'Content-Type': 'application/json', ...headers },
      });
      assert.equal(answer.status, 200);
    } finally {
      await custom.close();
    }
  });
});
