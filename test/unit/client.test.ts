import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AuthClient, type ClientOptions } from '../../src/core/client.js';
import { PRESETS } from '../../src/core/presets.js';
import { makeJwt } from '../helpers/jwt.js';

interface SeenRequest {
  url: string;
  init: RequestInit;
}

/** A fetch that records what it was asked and answers with `answer`. */
function recordingFetch(answer: (request: SeenRequest) => Promise<Response> | Response) {
  const seen: SeenRequest[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    const request = { url, init };
    seen.push(request);
    return answer(request);
  }) as unknown as typeof globalThis.fetch;
  return { fetch, seen };
}

function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

function client(fetch: typeof globalThis.fetch, options: Partial<ClientOptions> = {}) {
  return new AuthClient({
    baseUrl: 'https://api.example.com/v1',
    presetName: 'wunder',
    preset: PRESETS.wunder,
    tenant: 'acme',
    timeout: 1000,
    fetch,
    ...options,
  });
}

describe('auth client', () => {
  it('signs in and returns a token set', async () => {
    const accessToken = makeJwt({ sub: 'u', exp: 2_000_000_000 });
    const { fetch, seen } = recordingFetch(() => json(200, { accessToken, refreshToken: 'r' }));
    const set = await client(fetch).signIn('password', { email: 'a@example.com', password: 'pw' });
    assert.equal(set.accessToken, accessToken);
    assert.equal(set.expiresAt, 2_000_000_000_000);
    assert.equal(seen.length, 1);
    assert.equal(seen[0]!.init.credentials, 'omit');
    assert.equal(seen[0]!.init.body, '{"email":"a@example.com","password":"pw"}');
  });

  it('reports a 401 on the OTP code step as invalid-code', async () => {
    const { fetch } = recordingFetch(() => json(401, { message: 'Invalid code' }));
    await assert.rejects(client(fetch).signIn('phone-otp', { phoneNumber: '+43664', code: '1' }), { code: 'invalid-code' });
  });

  it('reports a 2xx without tokens as invalid-response', async () => {
    const { fetch } = recordingFetch(() => new Response('<html>ok</html>', { status: 200 }));
    await assert.rejects(client(fetch).signIn('password', {}), { code: 'invalid-response' });
  });

  it('reports a refused connection as network-error', async () => {
    const { fetch } = recordingFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    await assert.rejects(client(fetch).signIn('password', {}), { code: 'network-error' });
  });

  it('aborts the request and reports timeout when no answer comes in time', async () => {
    let aborted = false;
    const { fetch } = recordingFetch(
      ({ init }) =>
        new Promise((_, reject) => {
          init.signal!.addEventListener('abort', () => {
            aborted = true;
            reject(init.signal!.reason);
          });
        }),
    );
    await assert.rejects(client(fetch, { timeout: 30 }).signIn('password', {}), { code: 'timeout' });
    assert.equal(aborted, true);
  });

  it('passes the caller’s own abort through unchanged', async () => {
    const controller = new AbortController();
    const { fetch } = recordingFetch(
      ({ init }) => new Promise((_, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason))),
    );
    const pending = client(fetch).signIn('password', {}, controller.signal);
    controller.abort(new DOMException('left', 'AbortError'));
    await assert.rejects(pending, { name: 'AbortError' });
  });

  it('signs the OTP request with the signer and not the code step', async () => {
    const { fetch, seen } = recordingFetch(({ url }) =>
      url.endsWith('sign-in-phone-number') ? json(200, { accessToken: makeJwt({ sub: 'p' }) }) : json(200, {}),
    );
    const signed: string[] = [];
    const signer = async (request: { url: string; body: string }) => {
      signed.push(`${request.url} ${request.body}`);
      return { 'X-Signature': 'sig' };
    };
    const auth = client(fetch, { signer });
    await auth.requestCode('phone-otp', { phoneNumber: '+436641234567', branchId: '42' });
    await auth.signIn('phone-otp', { phoneNumber: '+436641234567', code: '123456' });
    assert.deepEqual(signed, [
      'https://api.example.com/v1/acme/front/customers/create-or-sign-in-with-phone-number {"phoneNumber":"+436641234567","branchId":"42"}',
    ]);
    assert.equal((seen[0]!.init.headers as Record<string, string>)['X-Signature'], 'sig');
    assert.equal((seen[1]!.init.headers as Record<string, string>)['X-Signature'], undefined);
  });

  it('reports a 401 on a signed call as signature-rejected', async () => {
    const { fetch } = recordingFetch(() => json(401, { message: 'Invalid request signature' }));
    const auth = client(fetch, { signer: async () => ({ 'X-Signature': 'bad' }) });
    await assert.rejects(auth.requestCode('email-otp', { email: 'a@example.com' }), { code: 'signature-rejected' });
  });

  it('refreshes datarhei with a Bearer GET and keeps the old refresh token', async () => {
    const accessToken = makeJwt({ iat: 100, exi: 600, usefor: 'access' });
    const { fetch, seen } = recordingFetch(() => json(200, { access_token: accessToken }));
    const auth = client(fetch, { presetName: 'datarhei', preset: PRESETS.datarhei, baseUrl: 'http://core' });
    const previous = { accessToken: 'old', refreshToken: 'refresh-1', tokenType: 'Bearer' as const, claims: {}, method: 'password' as const, preset: 'datarhei', response: {} };
    const set = await auth.refresh(previous);
    assert.equal(seen[0]!.init.method, 'GET');
    assert.deepEqual(seen[0]!.init.headers, { Authorization: 'Bearer refresh-1' });
    assert.equal(set.refreshToken, 'refresh-1');
    assert.equal(set.expiresAt, 700_000);
  });

  it('exchanges an external token with datarhei', async () => {
    const { fetch, seen } = recordingFetch(() => json(200, { access_token: makeJwt({ sub: 'auth0|1' }), refresh_token: 'r' }));
    const auth = client(fetch, { presetName: 'datarhei', preset: PRESETS.datarhei, baseUrl: 'http://core' });
    const set = await auth.exchangeExternalToken('idp-token');
    assert.equal(set.method, 'external-token');
    assert.deepEqual(seen[0]!.init.headers, { Authorization: 'Bearer idp-token' });
  });

  it('refuses a method the preset lacks as config-error', async () => {
    const { fetch, seen } = recordingFetch(() => json(200, {}));
    const auth = client(fetch, { presetName: 'auth-login', preset: PRESETS['auth-login'] });
    await assert.rejects(auth.signIn('api-key', {}), { code: 'config-error' });
    assert.equal(seen.length, 0);
  });
});
