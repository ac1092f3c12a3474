import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PRESETS } from '../../src/core/presets.js';
import { displayNameOf, expiresAtOf, tokenSetFromResponse } from '../../src/core/tokens.js';
import { makeJwt } from '../helpers/jwt.js';

const now = 1_700_000_000_000;
const camel = { fields: PRESETS.wunder.response, method: 'password' as const, preset: 'wunder', tenant: 'acme', now };
const snake = { fields: PRESETS.datarhei.response, method: 'password' as const, preset: 'datarhei', now };

describe('token set from a response', () => {
  it('reads camelCase tokens (wunder)', () => {
    const accessToken = makeJwt({ sub: 'u1', iat: 1000, exp: 2000 });
    const set = tokenSetFromResponse({ accessToken, refreshToken: 'r1' }, 200, camel);
    assert.equal(set.accessToken, accessToken);
    assert.equal(set.refreshToken, 'r1');
    assert.equal(set.tokenType, 'Bearer');
    assert.equal(set.expiresAt, 2_000_000);
    assert.equal(set.claims.sub, 'u1');
    assert.equal(set.method, 'password');
    assert.equal(set.preset, 'wunder');
    assert.equal(set.tenant, 'acme');
  });

  it('reads snake_case tokens (datarhei, auth-login)', () => {
    const accessToken = makeJwt({ sub: 'admin', exp: 3000 });
    const response = { access_token: accessToken, refresh_token: 'r2', jwt_token: 'extra' };
    const set = tokenSetFromResponse(response, 200, snake);
    assert.equal(set.accessToken, accessToken);
    assert.equal(set.refreshToken, 'r2');
    assert.deepEqual(set.response, response);
  });

  it('accepts the other casing than the preset names', () => {
    const accessToken = makeJwt({ exp: 3000 });
    assert.equal(tokenSetFromResponse({ access_token: accessToken }, 200, camel).accessToken, accessToken);
    assert.equal(tokenSetFromResponse({ accessToken }, 200, snake).accessToken, accessToken);
  });

  it('keeps the previous refresh token when the answer has none', () => {
    const set = tokenSetFromResponse({ access_token: makeJwt({ exp: 1 }) }, 200, { ...snake, previousRefreshToken: 'old' });
    assert.equal(set.refreshToken, 'old');
  });

  it('has no tenant when none was used', () => {
    const set = tokenSetFromResponse({ access_token: makeJwt({ exp: 1 }) }, 200, snake);
    assert.equal('tenant' in set, false);
  });

  for (const [name, body] of [
    ['a string body', 'not json'],
    ['null', null],
    ['an array', [1]],
    ['an object without the token', { token: 'x' }],
    ['an empty token', { access_token: '' }],
    ['a token that is not a JWT', { access_token: 'opaque-token' }],
    ['a token that is a number', { access_token: 42 }],
  ] as const) {
    it(`reports ${name} as invalid-response`, () => {
      assert.throws(() => tokenSetFromResponse(body, 200, snake), { code: 'invalid-response' });
    });
  }
});

describe('expiresAt', () => {
  it('comes from exp', () => {
    assert.equal(expiresAtOf({ exp: 1700000600, iat: 1, exi: 5 }, 99, now), 1_700_000_600_000);
  });

  it('comes from iat + exi when there is no exp (datarhei)', () => {
    assert.equal(expiresAtOf({ iat: 1670441225, exi: 600 }, undefined, now), 1_670_441_825_000);
  });

  it('comes from the response’s expires_in when the token has neither', () => {
    assert.equal(expiresAtOf({}, 3600, now), now + 3_600_000);
    assert.equal(expiresAtOf({}, '60', now), now + 60_000);
  });

  it('is unknown without any source', () => {
    assert.equal(expiresAtOf({}, undefined, now), undefined);
  });

  it('reads expires_in from a snake_case answer through the token set', () => {
    const set = tokenSetFromResponse({ access_token: makeJwt({ sub: 'x' }), expires_in: 120 }, 200, snake);
    assert.equal(set.expiresAt, now + 120_000);
  });

  it('reads expiresIn from a camelCase answer through the token set', () => {
    const set = tokenSetFromResponse({ accessToken: makeJwt({ sub: 'x' }), expiresIn: 120 }, 200, camel);
    assert.equal(set.expiresAt, now + 120_000);
  });
});

describe('display name', () => {
  it('prefers name, then email, then sub', () => {
    assert.equal(displayNameOf({ name: 'Dana', email: 'd@x', sub: '1' }), 'Dana');
    assert.equal(displayNameOf({ email: 'd@x', sub: '1' }), 'd@x');
    assert.equal(displayNameOf({ sub: '1' }), '1');
    assert.equal(displayNameOf({}), undefined);
  });
});
