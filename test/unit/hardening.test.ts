import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AuthClient } from '../../src/core/client.js';
import { parseConfig } from '../../src/core/config.js';
import { parseRetryAfter } from '../../src/core/error-response.js';
import { PRESETS } from '../../src/core/presets.js';
import { endpointUrl } from '../../src/core/url.js';
import { makeJwt } from '../helpers/jwt.js';

function client(fetch: typeof globalThis.fetch, options: Partial<ConstructorParameters<typeof AuthClient>[0]> = {}) {
  return new AuthClient({ baseUrl: 'https://api.example.com/v1', presetName: 'wunder', preset: PRESETS.wunder, tenant: 'acme', timeout: 50, fetch, ...options });
}

const configMessage = (baseUrl: string) => {
  try {
    parseConfig({ baseUrl });
  } catch (error) {
    return (error as Error).message;
  }
  return assert.fail('expected a config-error');
};

describe('hostile or careless input', () => {
  it('times out a signer that never answers, and sends nothing', async () => {
    let sent = 0;
    const fetch = (async () => {
      sent++;
      return new Response('{}');
    }) as unknown as typeof globalThis.fetch;
    const hanging = client(fetch, { signer: () => new Promise(() => undefined) });
    await assert.rejects(hanging.requestCode('phone-otp', { phoneNumber: '+436641234567' }), { code: 'timeout' });
    assert.equal(sent, 0);
  });

  it('follows no redirect: the password is not sent on to where it points', async () => {
    let init: RequestInit | undefined;
    const fetch = (async (_url: string, given: RequestInit) => {
      init = given;
      return new Response(null, { status: 307, headers: { Location: 'https://elsewhere.example/steal' } });
    }) as unknown as typeof globalThis.fetch;
    await assert.rejects(client(fetch).signIn('password', { email: 'a@example.com', password: 'pw' }), {
      code: 'invalid-response',
      message: /redirect/,
    });
    assert.equal(init?.redirect, 'manual');
  });

  it('caps a Retry-After of 10^20 seconds at an hour', () => {
    assert.equal(parseRetryAfter('100000000000000000000', 0), 3600);
    assert.equal(parseRetryAfter('7', 0), 7);
  });

  it('reports a line break in a page header as a config error naming headers, not a network error', async () => {
    const fetch = (async () => new Response(JSON.stringify({ accessToken: makeJwt({ sub: 'u' }) }))) as unknown as typeof globalThis.fetch;
    await assert.rejects(client(fetch, { headers: { 'X-Client': 'docs\r\nX-Evil: 1' } }).signIn('password', {}), {
      code: 'config-error',
      message: /^headers/,
    });
  });

  it('refuses a tenant of . or .. that would climb out of the base path', () => {
    assert.throws(() => endpointUrl('https://api.example.com/v1', '/{tenant}/auth', '..'), { code: 'invalid-input' });
    assert.equal(endpointUrl('https://api.example.com/v1', '/{tenant}/auth', 'a/..'), 'https://api.example.com/v1/a%2F../auth');
  });

  it('never repeats a base-url that may hold credentials', () => {
    const message = configMessage('ftp://user:secret@files.example.com/v1');
    assert.doesNotMatch(message, /secret/);
    assert.match(message, /http or https, not ftp/);
  });

  it('refuses a protocol-relative base-url and one with a query', () => {
    assert.match(configMessage('//api.example.com/v1'), /protocol-relative/);
    assert.match(configMessage('https://api.example.com/v1?key=1'), /must not have a query/);
  });

  it('refuses a timeout longer than a timer can wait', () => {
    assert.throws(() => parseConfig({ baseUrl: 'https://api.example.com', timeout: 2 ** 31 }), { code: 'config-error', message: /at most/ });
  });
});
