import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CallPurpose } from '../../src/core/errors.js';
import { errorFromResponse, parseRetryAfter } from '../../src/core/error-response.js';

const now = 1_700_000_000_000;

function errorFor(status: number, body: unknown, options: { purpose?: CallPurpose; signed?: boolean; headers?: Record<string, string> } = {}) {
  const headers = new Headers(options.headers);
  return errorFromResponse(
    { status, body, headers },
    { purpose: options.purpose ?? 'credentials', method: 'password', signed: options.signed ?? false, now },
  );
}

describe('error normalization', () => {
  it('maps a wunder {message} 401 on a password login to bad-credentials', () => {
    const error = errorFor(401, { message: 'Invalid e-mail or password' });
    assert.equal(error.code, 'bad-credentials');
    assert.equal(error.detail.serverMessage, 'Invalid e-mail or password');
    assert.equal(error.detail.status, 401);
    assert.equal(error.detail.method, 'password');
  });

  it('maps the datarhei {code, message, details} 401 and keeps the details', () => {
    const details = ['Invalid authorization credentials: invalid username or password'];
    const error = errorFor(401, { code: 401, message: 'Unauthorized', details });
    assert.equal(error.code, 'bad-credentials');
    assert.equal(error.detail.serverMessage, 'Unauthorized');
    assert.deepEqual(error.detail.extra, details);
    assert.match(error.message, /invalid username or password/);
  });

  for (const serverCode of ['bad-credentials', 'account-not-validated', 'token-expired', 'inactive-account']) {
    it(`maps auth-login error_code ${serverCode} to the same-named code with its trace id`, () => {
      const error = errorFor(401, { error_code: serverCode, message: 'm', trace_id: '2835818043d277b0', extra_attributes: { resend_code: 'd2' } });
      assert.equal(error.code, serverCode);
      assert.equal(error.detail.serverCode, serverCode);
      assert.equal(error.detail.traceId, '2835818043d277b0');
      assert.deepEqual(error.detail.extra, { resend_code: 'd2' });
    });
  }

  it('keeps an unknown server code but falls back to the status mapping', () => {
    const error = errorFor(401, { error_code: 'mystery' });
    assert.equal(error.code, 'bad-credentials');
    assert.equal(error.detail.serverCode, 'mystery');
  });

  it('reads the trace id from X-Trace-Id when the body has none', () => {
    assert.equal(errorFor(500, {}, { headers: { 'X-Trace-Id': 'abc' } }).detail.traceId, 'abc');
  });

  const byStatus: Array<[number, CallPurpose, boolean, string]> = [
    [401, 'otp-verify', false, 'invalid-code'],
    [401, 'otp-request', true, 'signature-rejected'],
    [401, 'credentials', true, 'signature-rejected'],
    [401, 'refresh', false, 'refresh-failed'],
    [403, 'refresh', false, 'refresh-failed'],
    [403, 'credentials', false, 'forbidden'],
    [404, 'credentials', false, 'not-found'],
    [429, 'otp-request', false, 'rate-limited'],
    [400, 'credentials', false, 'invalid-input'],
    [500, 'credentials', false, 'server-error'],
    [503, 'refresh', false, 'server-error'],
  ];
  for (const [status, purpose, signed, code] of byStatus) {
    it(`maps ${status} on ${purpose}${signed ? ' (signed)' : ''} to ${code}`, () => {
      assert.equal(errorFor(status, undefined, { purpose, signed }).code, code);
    });
  }

  it('reports Retry-After in seconds', () => {
    const error = errorFor(429, {}, { headers: { 'Retry-After': '7' } });
    assert.equal(error.code, 'rate-limited');
    assert.equal(error.detail.retryAfter, 7);
  });

  it('ignores an HTML body', () => {
    const error = errorFor(500, undefined);
    assert.equal(error.detail.serverMessage, undefined);
    assert.equal(error.message, 'HTTP 500');
  });
});

describe('Retry-After', () => {
  it('reads seconds', () => assert.equal(parseRetryAfter('120', now), 120));
  it('reads an HTTP date', () => assert.equal(parseRetryAfter(new Date(now + 30_000).toUTCString(), now), 30));
  it('never goes below zero', () => assert.equal(parseRetryAfter(new Date(now - 30_000).toUTCString(), now), 0));
  it('ignores garbage', () => assert.equal(parseRetryAfter('soon', now), undefined));
  it('is absent without the header', () => assert.equal(parseRetryAfter(null, now), undefined));
});
