import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { connectRapiDoc, type RapiDocElement } from '../../src/bridges/rapidoc.js';
import { connectScalar, type ScalarApiReference, type ScalarConfiguration } from '../../src/bridges/scalar.js';
import { pickBearerScheme } from '../../src/bridges/security-scheme.js';
import { followSession } from '../../src/bridges/session-source.js';
import { connectSwaggerUI, type SwaggerUIInstance } from '../../src/bridges/swagger-ui.js';
import { serverUrlsOf } from '../../src/bridges/openapi-document.js';
import { FakeLogin } from '../helpers/fake-login.js';

const BEARER_SCHEMES = {
  apiKey: { type: 'apiKey', in: 'query', name: 'key' },
  bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
};

describe('pickBearerScheme', () => {
  it('picks the first HTTP bearer scheme, whatever its name', () => {
    assert.equal(pickBearerScheme(BEARER_SCHEMES)?.name, 'bearerAuth');
    assert.equal(pickBearerScheme(BEARER_SCHEMES)?.valueOf('t'), 't');
  });

  it('falls back to an API key sent as the Authorization header, valued "Bearer <token>"', () => {
    const scheme = pickBearerScheme({ jwt: { type: 'apiKey', in: 'header', name: 'Authorization' } });
    assert.equal(scheme?.name, 'jwt');
    assert.equal(scheme?.valueOf('t'), 'Bearer t');
  });

  it('takes the named scheme when options.scheme is given, and nothing when it is missing', () => {
    assert.equal(pickBearerScheme(BEARER_SCHEMES, 'apiKey')?.name, 'apiKey');
    assert.equal(pickBearerScheme(BEARER_SCHEMES, 'nope'), undefined);
    assert.equal(pickBearerScheme({ basic: { type: 'http', scheme: 'basic' } }), undefined);
  });
});

describe('serverUrlsOf', () => {
  it('resolves OpenAPI servers against the document URL, else Swagger 2 host and basePath, else the origin', () => {
    assert.deepEqual(serverUrlsOf({ servers: [{ url: '/v1' }] }, 'https://docs.example/api/openapi.json'), ['https://docs.example/v1']);
    assert.deepEqual(serverUrlsOf({ host: 'api.example', basePath: '/v2', schemes: ['https'] }, 'http://x/doc.json'), [
      'https://api.example/v2',
    ]);
    assert.deepEqual(serverUrlsOf({}, 'https://docs.example/openapi.json'), ['https://docs.example/']);
  });
});

describe('followSession', () => {
  it('applies the current token at once, then each new one, and clears on sign-out', () => {
    const login = new FakeLogin();
    login.session = { accessToken: 'first' };
    const calls: string[] = [];
    const followed = followSession(login, { apply: (token) => calls.push(`apply ${token}`), clear: () => calls.push('clear') });
    login.signIn('second', 'token-refresh');
    assert.equal(followed.accessToken, 'second');
    login.signOut();
    assert.deepEqual(calls, ['apply first', 'apply second', 'clear']);
    assert.equal(followed.accessToken, undefined);
  });

  it('never clears a target it did not fill, and stops after disconnect', () => {
    const login = new FakeLogin();
    const calls: string[] = [];
    const followed = followSession(login, { apply: (token) => calls.push(`apply ${token}`), clear: () => calls.push('clear') });
    login.signOut();
    assert.deepEqual(calls, []);
    followed.stop();
    login.signIn('late');
    assert.deepEqual(calls, []);
    assert.equal(followed.accessToken, undefined);
  });
});

/** Swagger UI's store as far as the bridge sees it: a spec that can arrive later, and the auth calls. */
function fakeSwaggerUI() {
  const immutable = (value: unknown): ReturnType<SwaggerUIInstance['specSelectors']['specJson']> => ({
    getIn: (path) => {
      const found = path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], value);
      return found === undefined ? undefined : immutable(found);
    },
    toJS: () => value,
  });
  const listeners = new Set<() => void>();
  const calls: string[] = [];
  let spec = immutable({});
  const ui: SwaggerUIInstance = {
    preauthorizeApiKey(name, value) {
      if (!spec.getIn(['components', 'securitySchemes', name])) return null;
      calls.push(`authorize ${name} ${value}`);
      return {};
    },
    authActions: { logout: (names) => calls.push(`logout ${names.join()}`) },
    specSelectors: { specJson: () => spec },
    getStore: () => ({
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    }),
  };
  const loadSpec = (document: unknown) => {
    spec = immutable(document);
    listeners.forEach((listener) => listener());
  };
  return { ui, calls, loadSpec, listeners };
}

describe('connectSwaggerUI', () => {
  it('waits for the spec, then authorizes its bearer scheme; a new spec is authorized again', () => {
    const { ui, calls, loadSpec } = fakeSwaggerUI();
    const login = new FakeLogin();
    login.session = { accessToken: 'early' };
    connectSwaggerUI(login, ui);
    assert.deepEqual(calls, []);
    loadSpec({ components: { securitySchemes: BEARER_SCHEMES } });
    assert.deepEqual(calls, ['authorize bearerAuth early']);
    loadSpec({ components: { securitySchemes: { other: BEARER_SCHEMES.bearerAuth } } });
    assert.deepEqual(calls, ['authorize bearerAuth early', 'authorize other early']);
  });

  it('signs the scheme out on logout, and leaves Swagger UI alone while signed out or disconnected', () => {
    const { ui, calls, loadSpec, listeners } = fakeSwaggerUI();
    loadSpec({ components: { securitySchemes: BEARER_SCHEMES } });
    const login = new FakeLogin();
    const disconnect = connectSwaggerUI(login, ui);
    login.signOut();
    assert.deepEqual(calls, []);
    login.signIn('token');
    login.signOut();
    assert.deepEqual(calls, ['authorize bearerAuth token', 'logout bearerAuth']);
    disconnect();
    login.signIn('after');
    assert.equal(listeners.size, 0);
    assert.equal(calls.length, 2);
  });
});

describe('connectRapiDoc', () => {
  function fakeRapiDoc() {
    const calls: string[] = [];
    const rapidoc = Object.assign(new EventTarget(), {
      resolvedSpec: null as RapiDocElement['resolvedSpec'],
      setApiKey: (id: string, value: string) => (calls.push(`set ${id} ${value}`), true),
      removeAllSecurityKeys: () => calls.push('remove all'),
    });
    return { rapidoc, calls };
  }

  it('sets the key once the spec is loaded and again on every spec-loaded', () => {
    const { rapidoc, calls } = fakeRapiDoc();
    const login = new FakeLogin();
    connectRapiDoc(login, rapidoc);
    login.signIn('token');
    assert.deepEqual(calls, []);
    rapidoc.resolvedSpec = { securitySchemes: [{ securitySchemeId: 'bearerAuth', ...BEARER_SCHEMES.bearerAuth }] };
    rapidoc.dispatchEvent(new Event('spec-loaded'));
    login.signIn('renewed', 'token-refresh');
    login.signOut();
    assert.deepEqual(calls, ['set bearerAuth token', 'set bearerAuth renewed', 'remove all']);
  });

  it('does not touch RapiDoc after disconnect', () => {
    const { rapidoc, calls } = fakeRapiDoc();
    rapidoc.resolvedSpec = { securitySchemes: [{ securitySchemeId: 'bearerAuth', ...BEARER_SCHEMES.bearerAuth }] };
    const login = new FakeLogin();
    connectRapiDoc(login, rapidoc)();
    login.signIn('token');
    rapidoc.dispatchEvent(new Event('spec-loaded'));
    assert.deepEqual(calls, []);
  });
});

describe('connectScalar', () => {
  function fakeScalar(configuration: ScalarConfiguration) {
    const written: ScalarConfiguration[] = [];
    let current = configuration;
    const app: ScalarApiReference = {
      getConfiguration: () => current,
      updateConfiguration: (next) => {
        current = next;
        written.push(next);
      },
    };
    return { app, written, current: () => current };
  }
  const settle = () => new Promise((resolve) => setTimeout(resolve));
  const content = { components: { securitySchemes: BEARER_SCHEMES } };

  it('writes the whole configuration back with only the bearer token added', async () => {
    const { app, current } = fakeScalar({ content, theme: 'purple', authentication: { securitySchemes: { apiKey: { value: 'k' } } } });
    const login = new FakeLogin();
    login.session = { accessToken: 'token' };
    connectScalar(login, app);
    await settle();
    assert.deepEqual(current(), {
      content,
      theme: 'purple',
      authentication: { preferredSecurityScheme: 'bearerAuth', securitySchemes: { apiKey: { value: 'k' }, bearerAuth: { token: 'token' } } },
    });
  });

  it("restores the page's own authentication on sign-out, and never writes while signed out", async () => {
    const page = { securitySchemes: { apiKey: { value: 'k' } } };
    const { app, written, current } = fakeScalar({ content, authentication: page });
    const login = new FakeLogin();
    connectScalar(login, app);
    login.signOut();
    await settle();
    assert.equal(written.length, 0);
    login.signIn('token');
    await settle();
    login.signOut();
    assert.deepEqual(current(), { content, authentication: page });
  });

  it('stops writing after disconnect, even for a token that arrived just before', async () => {
    const { app, written } = fakeScalar({ content });
    const login = new FakeLogin();
    const disconnect = connectScalar(login, app);
    login.signIn('token');
    disconnect();
    await settle();
    assert.equal(written.length, 0);
  });
});
