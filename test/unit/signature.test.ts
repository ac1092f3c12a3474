import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { computeSignature, createHmacSigner } from '../../src/core/signature.js';

describe('default request signature', () => {
  it('matches the contract test vector', async () => {
    const signature = await computeSignature('demo-signing-key', {
      timestamp: '1700000000',
      nonce: 'q1w2e3r4t5y6u7i8o9p0aa',
      method: 'POST',
      path: '/v1/acme/front/customers/create-or-sign-in-with-phone-number',
      body: '{"phoneNumber":"+436641234567","branchId":"42"}',
    });
    assert.equal(signature, 'Iep9TMlYQf02wwA-dr4VDQu0OmQksSOvsiAElO_4v2o');
  });

  it('signs with the timestamp in seconds, a fresh 16-byte nonce and the URL path with its query', async () => {
    const signer = createHmacSigner('demo-signing-key', () => 1_700_000_000_500);
    const body = '{"phoneNumber":"+436641234567","branchId":"42"}';
    const url = 'https://go.api.gourban.services/v1/acme/front/customers/create-or-sign-in-with-phone-number?x=1';
    const first = await signer({ method: 'post', url, body });
    const second = await signer({ method: 'post', url, body });
    assert.equal(first['X-Timestamp'], '1700000000');
    assert.match(first['X-Nonce']!, /^[A-Za-z0-9_-]{22}$/);
    assert.notEqual(first['X-Nonce'], second['X-Nonce']);
    const expected = await computeSignature('demo-signing-key', {
      timestamp: '1700000000',
      nonce: first['X-Nonce']!,
      method: 'POST',
      path: '/v1/acme/front/customers/create-or-sign-in-with-phone-number?x=1',
      body,
    });
    assert.equal(first['X-Signature'], expected);
  });
});
