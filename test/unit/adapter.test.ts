import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AuthClient } from '../../src/core/client.js';
import { parseConfig } from '../../src/core/config.js';
import { parseEndpoints } from '../../src/core/endpoints-json.js';
import { readPath, writePath } from '../../src/core/dot-path.js';
import { LoginError } from '../../src/core/errors.js';
import { type EndpointsOverride, PRESETS, resolvePreset } from '../../src/core/presets.js';
import type { TokenSet } from '../../src/core/tokens.js';
import { makeJwt } from '../helpers/jwt.js';

interface Seen {
  url: string;
  init: RequestInit;
}

function fakeFetch(answer: (request: Seen) => Response) {
  const seen: Seen[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    seen.push({ url, init });
    return answer({ url, init });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, seen };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function clientFor(override: EndpointsOverride, fetch: typeof globalThis.fetch, presetName: 'custom' | 'directus' | 'strapi' = 'custom') {
  const preset = resolvePreset(presetName, override);
  return new AuthClient({ baseUrl: 'https://api.example.com/v1', presetName, preset, timeout: 1000, fetch, now: () => 1_000_000 });
}

const password = (submit: NonNullable<NonNullable<EndpointsOverride['methods']>['password']>['submit']) => ({
  methods: { password: { submit } },
});

function session(tokens: Partial<TokenSet> = {}): TokenSet {
  return { accessToken: makeJwt({ sub: 'u' }), tokenType: 'Bearer', claims: {}, method: 'password', preset: 'custom', response: {}, ...tokens };
}

function configProblem(value: unknown): string {
  try {
    parseEndpoints(value as string);
  } catch (error) {
    assert.ok(error instanceof LoginError);
    assert.equal(error.code, 'config-error');
    assert.equal(error.detail.field, 'endpoints');
    return error.message;
  }
  return assert.fail('expected a config-error');
}

describe('endpoints: validation', () => {
  it('names an unknown key with its whole path', () => {
    assert.equal(
      configProblem({ methods: { password: { submit: { method: 'POST', path: '/x', bdy: {} } } } }),
      'endpoints.methods.password.submit.bdy is not a known key',
    );
  });

  it('names a malformed value and what was expected', () => {
    assert.match(configProblem({ refresh: { method: 'FETCH' } }), /^endpoints\.refresh\.method: expected/);
    assert.match(configProblem({ errors: { rules: [{ status: 401, to: 'oops' }] } }), /^endpoints\.errors\.rules\.0\.to: expected/);
    assert.match(configProblem({ methods: { 'magic-link': {} } }), /^endpoints\.methods\.magic-link is not a known key/);
  });

  it('reads the JSON text of an attribute or script, and says when it is not JSON', () => {
    assert.deepEqual(parseEndpoints('{"refresh":"none"}'), { refresh: 'none' });
    assert.match(configProblem('{"refresh": none}'), /^endpoints is not valid JSON/);
  });

  it('names a call left without a path after the merge', () => {
    assert.throws(
      () => parseConfig({ baseUrl: 'https://api.example.com', preset: 'custom', endpoints: { methods: { password: { submit: { method: 'POST' } } } } }),
      { code: 'config-error', message: 'endpoints.methods.password.submit.path is missing' },
    );
  });

  it('asks the custom preset for at least one sign-in method', () => {
    assert.throws(() => parseConfig({ baseUrl: 'https://api.example.com', preset: 'custom' }), {
      code: 'config-error',
      message: /at least one sign-in method/,
    });
  });

  it('removes a preset call with "none"', () => {
    const preset = resolvePreset('auth-login', { refresh: 'none' });
    assert.equal(preset.refresh, undefined);
    assert.ok(PRESETS['auth-login'].refresh, 'the shared table is untouched');
  });

  it('tries the override’s error rules before the preset’s', () => {
    const preset = resolvePreset('directus', { errors: { rules: [{ code: 'X', to: 'forbidden' }] } });
    assert.deepEqual(preset.errors?.rules?.[0], { code: 'X', to: 'forbidden' });
    assert.equal(preset.errors?.code, 'errors.0.extensions.code');
  });
});

describe('endpoints: requests', () => {
  it('nests fields and constants by dot path in a JSON body', async () => {
    const { fetch, seen } = fakeFetch(() => json(200, { accessToken: makeJwt({ sub: 'u' }) }));
    await clientFor(
      password({ method: 'POST', path: '/login', body: { email: 'user.email', password: 'user.password' }, constants: { strategy: 'local', 'meta.remember': true } }),
      fetch,
    ).signIn('password', { email: 'a@example.com', password: 'pw' });
    assert.deepEqual(JSON.parse(seen[0]!.init.body as string), {
      user: { email: 'a@example.com', password: 'pw' },
      strategy: 'local',
      meta: { remember: true },
    });
  });

  it('sends a form-encoded body with OAuth 2 constants', async () => {
    const { fetch, seen } = fakeFetch(() => json(200, { access_token: makeJwt({ sub: 'u' }) }));
    await clientFor(
      password({ method: 'POST', path: '/token', encoding: 'form', body: { username: 'username', password: 'password' }, constants: { grant_type: 'password' } }),
      fetch,
    ).signIn('password', { username: 'ann', password: 'p&w=1' });
    assert.equal(seen[0]!.init.body, 'username=ann&password=p%26w%3D1&grant_type=password');
    assert.equal((seen[0]!.init.headers as Record<string, string>)['Content-Type'], 'application/x-www-form-urlencoded');
  });

  it('adds constant query parameters, and sends a GET’s fields as query', async () => {
    const { fetch, seen } = fakeFetch(() => json(200, { accessToken: makeJwt({ sub: 'u' }) }));
    await clientFor(
      password({ method: 'GET', path: '/login?v=1', query: { client: 'docs' }, body: { username: 'u' } }),
      fetch,
    ).signIn('password', { username: 'ann' });
    assert.equal(seen[0]!.url, 'https://api.example.com/v1/login?v=1&client=docs&u=ann');
    assert.equal(seen[0]!.init.body, undefined);
  });

  it('sends cookies only when a call asks for them', async () => {
    const { fetch, seen } = fakeFetch(() => json(200, { accessToken: makeJwt({ sub: 'u' }) }));
    const client = clientFor(
      {
        ...password({ method: 'POST', path: '/login', body: { email: 'email' }, credentials: 'include' }),
        refresh: { method: 'POST', path: '/refresh', credentials: 'include' },
      },
      fetch,
    );
    await client.signIn('password', { email: 'a@example.com' });
    await client.refresh(session());
    assert.deepEqual(
      seen.map((request) => request.init.credentials),
      ['include', 'include'],
    );
    assert.equal(seen[1]!.init.body, undefined, 'a cookie refresh sends no token');
  });
});

describe('endpoints: answers', () => {
  it('reads nested tokens and an expiry in milliseconds (Directus)', async () => {
    const accessToken = makeJwt({ id: 'u' });
    const { fetch } = fakeFetch(() => json(200, { data: { access_token: accessToken, refresh_token: 'r1', expires: 900_000 } }));
    const tokens = await clientFor({}, fetch, 'directus').signIn('password', { email: 'a@example.com', password: 'pw' });
    assert.equal(tokens.accessToken, accessToken);
    assert.equal(tokens.refreshToken, 'r1');
    assert.equal(tokens.expiresAt, 1_000_000 + 900_000);
  });

  it('reads an absolute expiry as epoch seconds, epoch milliseconds or a date', async () => {
    for (const [value, expected] of [
      [2_000_000_000, 2_000_000_000_000],
      [2_000_000_000_123, 2_000_000_000_123],
      ['2033-05-18T03:33:20.000Z', 2_000_000_000_000],
    ] as const) {
      const { fetch } = fakeFetch(() => json(200, { token: makeJwt({ sub: 'u' }), session: { expires_at: value } }));
      const tokens = await clientFor(
        { ...password({ method: 'POST', path: '/login' }), response: { accessToken: 'token', expiresAt: 'session.expires_at' } },
        fetch,
      ).signIn('password', {});
      assert.equal(tokens.expiresAt, expected);
    }
  });

  it('prefers a call’s own token locations over the API’s', async () => {
    const { fetch } = fakeFetch(() => json(200, { renewed: { jwt: makeJwt({ sub: 'u', n: 2 }) } }));
    const client = clientFor(
      { ...password({ method: 'POST', path: '/login' }), refresh: { method: 'POST', path: '/r', body: { refreshToken: 'rt' }, response: { accessToken: 'renewed.jwt' } } },
      fetch,
    );
    const tokens = await client.refresh(session({ refreshToken: 'old' }));
    assert.equal(tokens.claims['n'], 2);
    assert.equal(tokens.refreshToken, 'old', 'kept when the answer has none');
  });
});

describe('endpoints: errors', () => {
  it('maps a 400 wrong password to bad-credentials and keeps the server’s words (Strapi)', async () => {
    const { fetch } = fakeFetch(() =>
      json(400, { data: null, error: { status: 400, name: 'ValidationError', message: 'Invalid identifier or password', details: {} } }),
    );
    await assert.rejects(clientFor({}, fetch, 'strapi').signIn('password', { username: 'a', password: 'b' }), (error: LoginError) => {
      assert.equal(error.code, 'bad-credentials');
      assert.equal(error.detail.serverCode, 'ValidationError');
      assert.match(error.detail.message, /Invalid identifier or password/);
      return true;
    });
  });

  it('reads a server code in a nested array (Directus) and matches rules by status, code and message', async () => {
    const { fetch } = fakeFetch(() => json(401, { errors: [{ message: 'User suspended.', extensions: { code: 'USER_SUSPENDED' } }] }));
    await assert.rejects(clientFor({}, fetch, 'directus').signIn('password', {}), { code: 'inactive-account' });
  });

  it('never takes a widget-only code from the server', async () => {
    const { fetch } = fakeFetch(() => json(401, { error_code: 'config-error', message: 'x' }));
    await assert.rejects(clientFor(password({ method: 'POST', path: '/l' }), fetch).signIn('password', {}), { code: 'bad-credentials' });
  });

  it('lets a call’s rule win over the API’s and fall back to the status', async () => {
    const { fetch } = fakeFetch(() => json(422, { error: { message: 'Two-factor code required' } }));
    const override: EndpointsOverride = {
      ...password({ method: 'POST', path: '/l', errors: { rules: [{ status: 422, message: 'two-factor', to: 'invalid-code' }] } }),
      errors: { message: 'error.message', rules: [{ status: 422, to: 'forbidden' }] },
    };
    await assert.rejects(clientFor(override, fetch).signIn('password', {}), { code: 'invalid-code', message: 'HTTP 422: Two-factor code required' });
  });
});

describe('endpoints: refresh and sign-out', () => {
  it('cannot refresh without a refresh call, and says so without a request', async () => {
    const { fetch, seen } = fakeFetch(() => json(200, {}));
    const client = clientFor({ ...password({ method: 'POST', path: '/l' }), refresh: 'none' }, fetch);
    assert.equal(client.canRefresh(session({ refreshToken: 'r' })), false);
    await assert.rejects(client.refresh(session({ refreshToken: 'r' })), { code: 'refresh-failed' });
    assert.equal(seen.length, 0);
  });

  it('can refresh by cookie without a refresh token, but not by body without one', () => {
    const cookie = clientFor({ ...password({ method: 'POST', path: '/l' }), refresh: { method: 'POST', path: '/r', credentials: 'include' } }, fakeFetch(() => json(200, {})).fetch);
    assert.equal(cookie.canRefresh(session()), true);
    const body = clientFor({}, fakeFetch(() => json(200, {})).fetch, 'directus');
    assert.equal(body.canRefresh(session()), false);
    assert.equal(body.canRefresh(session({ refreshToken: 'r' })), true);
  });

  it('revokes the refresh token with the sign-out call (Directus)', async () => {
    const { fetch, seen } = fakeFetch(() => new Response(null, { status: 204 }));
    assert.equal(await clientFor({}, fetch, 'directus').signOut(session({ refreshToken: 'r1' })), true);
    assert.equal(seen[0]!.url, 'https://api.example.com/v1/auth/logout');
    assert.equal(seen[0]!.init.body, '{"refresh_token":"r1","mode":"json"}');
  });

  it('sends the access token as Bearer where the sign-out call asks (Strapi)', async () => {
    const { fetch, seen } = fakeFetch(() => json(200, { ok: true }));
    const tokens = session({ accessToken: 'a.b.c' });
    await clientFor({}, fetch, 'strapi').signOut(tokens);
    assert.equal((seen[0]!.init.headers as Record<string, string>)['Authorization'], 'Bearer a.b.c');
  });

  it('refreshes an expired access token before a sign-out that it authorizes (Strapi)', async () => {
    const fresh = makeJwt({ sub: 'u', n: 2 });
    const { fetch, seen } = fakeFetch(({ url }) => (url.endsWith('/auth/refresh') ? json(200, { jwt: fresh, refreshToken: 'r2' }) : json(200, { ok: true })));
    const stale = session({ accessToken: 'old.access.token', refreshToken: 'r1', expiresAt: 1_000_000 - 1 });
    await clientFor({}, fetch, 'strapi').signOut(stale);
    assert.deepEqual(seen.map((request) => request.url.replace('https://api.example.com/v1', '')), ['/auth/refresh', '/auth/logout']);
    assert.equal((seen[1]!.init.headers as Record<string, string>)['Authorization'], `Bearer ${fresh}`);
  });

  it('has nothing to revoke where the API has no sign-out call', async () => {
    const { fetch, seen } = fakeFetch(() => json(200, {}));
    assert.equal(await clientFor(password({ method: 'POST', path: '/l' }), fetch).signOut(session()), false);
    assert.equal(seen.length, 0);
  });
});

describe('dot paths', () => {
  it('reads through arrays and either casing', () => {
    assert.equal(readPath({ errors: [{ extensions: { code: 'C' } }] }, 'errors.0.extensions.code'), 'C');
    assert.equal(readPath({ data: { accessToken: 't' } }, 'data.access_token'), 't');
    assert.equal(readPath({ a: 1 }, 'a.b.c'), undefined);
  });

  it('writes __proto__ as a plain key, never into a prototype', () => {
    const target: Record<string, unknown> = {};
    writePath(target, '__proto__.polluted', 'yes');
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
    assert.equal(JSON.stringify(target), '{"__proto__":{"polluted":"yes"}}');
  });
});
