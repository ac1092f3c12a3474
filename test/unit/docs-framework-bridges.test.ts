import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  connectDocusaurusOpenApi,
  forgetDocusaurusOpenApiTokens,
  type DocusaurusOpenApiAuthState,
  type DocusaurusOpenApiStore,
} from '../../src/bridges/docusaurus-openapi.js';
import { connectVitepressOpenApi, forgetVitepressOpenApiTokens } from '../../src/bridges/vitepress-openapi.js';
import { FakeLogin } from '../helpers/fake-login.js';

// The real explorers are driven in Chromium by `npm run test:examples`; these check the
// bridges' own decisions (which scheme, which field, what value, when) against the shapes
// the explorers read.

/** A store with the auth slice's `setAuthData` reducer, as docusaurus-theme-openapi-docs 5 writes it. */
function authStore(auth: DocusaurusOpenApiAuthState) {
  const actions: unknown[] = [];
  const store: DocusaurusOpenApiStore = {
    getState: () => ({ auth }),
    dispatch(action) {
      actions.push(action);
      if (action.type === 'auth/setAuthData') {
        const { scheme, key, value } = action.payload as { scheme: string; key: string; value?: string };
        auth.data[scheme]![key] = value;
      }
      return action;
    },
  };
  return { store, actions, auth };
}

const bearerPage = () =>
  authStore({
    data: { bearerAuth: { token: undefined } },
    options: { bearerAuth: [{ key: 'bearerAuth', type: 'http', scheme: 'bearer' }] },
    selected: 'bearerAuth',
  });

describe('connectDocusaurusOpenApi', () => {
  it('fills the bearer scheme\'s token at once when signed in, then each refreshed one, and empties it on sign-out', () => {
    const login = new FakeLogin();
    login.session = { accessToken: 'first' };
    const { store, auth } = bearerPage();
    connectDocusaurusOpenApi(login, store);
    assert.equal(auth.data.bearerAuth!.token, 'first');
    login.signIn('second', 'token-refresh');
    assert.equal(auth.data.bearerAuth!.token, 'second');
    login.signOut();
    assert.equal(auth.data.bearerAuth!.token, undefined);
  });

  it('fills an API key sent as the Authorization header with "Bearer <token>"', () => {
    const login = new FakeLogin();
    const { store, auth } = authStore({
      data: { jwt: { apiKey: undefined } },
      options: { jwt: [{ key: 'jwt', type: 'apiKey', in: 'header', name: 'Authorization' }] },
    });
    connectDocusaurusOpenApi(login, store);
    login.signIn('t');
    assert.equal(auth.data.jwt!.apiKey, 'Bearer t');
  });

  it('dispatches nothing on a page whose operation uses no bearer scheme, nor after disconnect', () => {
    const login = new FakeLogin();
    const publicPage = authStore({ data: {}, options: {} });
    connectDocusaurusOpenApi(login, publicPage.store);
    login.signIn('t');
    assert.deepEqual(publicPage.actions, []);

    const { store, actions } = bearerPage();
    const disconnect = connectDocusaurusOpenApi(new FakeLogin(), store);
    disconnect();
    login.signIn('later');
    login.signOut();
    assert.deepEqual(actions, []);
  });
});

/** Node has no Web Storage or window: a Map-backed Storage and an event target stand in for them. */
class MemoryStorage {
  #items = new Map<string, string>();
  getItem = (key: string) => this.#items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.#items.set(key, String(value));
  removeItem = (key: string) => void this.#items.delete(key);
  key = (index: number) => [...this.#items.keys()][index] ?? null;
  get length() {
    return this.#items.size;
  }
}

class StorageEventShim extends Event {
  key: string | null;
  newValue: string | null;
  oldValue: string | null;
  storageArea: unknown;
  constructor(type: string, init: { key?: string; newValue?: string | null; oldValue?: string | null; storageArea?: unknown }) {
    super(type);
    this.key = init.key ?? null;
    this.newValue = init.newValue ?? null;
    this.oldValue = init.oldValue ?? null;
    this.storageArea = init.storageArea;
  }
}

const spec = (schemes: Record<string, object>) => ({ getSpec: () => ({ components: { securitySchemes: schemes } }) });
const theme = (prefix: string, persistAuth = true) => ({ getStoragePrefix: () => prefix, getStoragePersistAuth: () => persistAuth });

describe('connectVitepressOpenApi', () => {
  const globals = globalThis as unknown as Record<string, unknown>;
  let events: StorageEventShim[];
  beforeEach(() => {
    events = [];
    const window = new EventTarget();
    window.addEventListener('storage', (event) => events.push(event as StorageEventShim));
    Object.assign(globals, { window, localStorage: new MemoryStorage(), StorageEvent: StorageEventShim, location: { href: 'http://docs.test/' } });
  });
  afterEach(() => {
    for (const name of ['window', 'localStorage', 'StorageEvent', 'location']) delete globals[name];
  });

  it('writes the playground\'s entry for the bearer scheme and announces it; a refresh replaces it, sign-out removes it', () => {
    const login = new FakeLogin();
    connectVitepressOpenApi(login, spec({ bearerAuth: { type: 'http', scheme: 'bearer' } }));
    const storage = globals.localStorage as MemoryStorage;
    login.signIn('first');
    assert.equal(storage.getItem('--oa-authorization-bearerAuth'), 'Bearer first');
    login.signIn('second', 'token-refresh');
    assert.equal(storage.getItem('--oa-authorization-bearerAuth'), 'Bearer second');
    login.signOut();
    assert.equal(storage.getItem('--oa-authorization-bearerAuth'), null);
    assert.deepEqual(
      events.map(({ key, oldValue, newValue, storageArea }) => [key, oldValue, newValue, storageArea === storage]),
      [
        ['--oa-authorization-bearerAuth', null, 'Bearer first', true],
        ['--oa-authorization-bearerAuth', 'Bearer first', 'Bearer second', true],
        ['--oa-authorization-bearerAuth', 'Bearer second', null, true],
      ],
    );
  });

  it("uses the theme's storage prefix, the named scheme, and the bare token for OAuth 2", () => {
    const login = new FakeLogin();
    login.session = { accessToken: 't' };
    connectVitepressOpenApi(login, spec({ bearerAuth: { type: 'http', scheme: 'bearer' }, oauth: { type: 'oauth2' } }), {
      scheme: 'oauth',
      theme: theme('docs'),
    });
    assert.equal((globals.localStorage as MemoryStorage).getItem('docs-authorization-oauth'), 't');
  });

  it('refuses a playground that keeps credentials out of storage, and writes nothing after disconnect', () => {
    assert.throws(() => connectVitepressOpenApi(new FakeLogin(), spec({}), { theme: theme('--oa', false) }), /persistAuth/);
    const login = new FakeLogin();
    connectVitepressOpenApi(login, spec({ bearerAuth: { type: 'http', scheme: 'bearer' } }))();
    login.signIn('t');
    assert.deepEqual(events, []);
  });
});

// What `<jwt-login connect>` does on sign-out for entries an earlier page load's bridge wrote.
describe('forgetting the tokens an explorer keeps for the next page load', () => {
  const globals = globalThis as unknown as Record<string, unknown>;
  afterEach(() => {
    for (const name of ['window', 'localStorage', 'sessionStorage', 'StorageEvent', 'location']) delete globals[name];
  });

  it('vitepress-openapi: removes the playground entries (any prefix, any scheme) holding a token of this page load, and announces it', () => {
    const events: StorageEventShim[] = [];
    const window = new EventTarget();
    window.addEventListener('storage', (event) => events.push(event as StorageEventShim));
    const storage = new MemoryStorage();
    Object.assign(globals, { window, localStorage: storage, StorageEvent: StorageEventShim, location: { href: 'http://docs.test/' } });
    storage.setItem('--oa-authorization-bearerAuth', 'Bearer first');
    storage.setItem('docs-authorization-oauth', 'refreshed');
    storage.setItem('--oa-authorization-partnerAuth', 'Bearer typed-by-the-reader');
    storage.setItem('theme', 'first');
    forgetVitepressOpenApiTokens(new Set(['first', 'refreshed']));
    assert.equal(storage.getItem('--oa-authorization-bearerAuth'), null);
    assert.equal(storage.getItem('docs-authorization-oauth'), null);
    assert.equal(storage.getItem('--oa-authorization-partnerAuth'), 'Bearer typed-by-the-reader');
    assert.equal(storage.getItem('theme'), 'first', 'not a playground entry');
    assert.deepEqual(
      events.map(({ key, newValue }) => [key, newValue]),
      [
        ['--oa-authorization-bearerAuth', null],
        ['docs-authorization-oauth', null],
      ],
    );
  });

  it("docusaurus-openapi-docs: empties the token fields holding a token of this page load in both storages, as the theme's middleware does", () => {
    const session = new MemoryStorage();
    const local = new MemoryStorage();
    Object.assign(globals, { sessionStorage: session, localStorage: local });
    session.setItem('bearerAuth', JSON.stringify({ token: 'first' }));
    session.setItem('jwt', JSON.stringify({ apiKey: 'Bearer refreshed' }));
    session.setItem('both', JSON.stringify({ token: 'first', username: 'ada' }));
    session.setItem('basicAuth', JSON.stringify({ username: 'ada', password: 'pw' }));
    session.setItem('contentType', 'application/json');
    session.setItem('notes', JSON.stringify({ text: 'first' }));
    local.setItem('bearerAuth', JSON.stringify({ token: 'refreshed' }));
    local.setItem('partnerAuth', JSON.stringify({ token: 'typed-by-the-reader' }));
    forgetDocusaurusOpenApiTokens(new Set(['first', 'refreshed']));
    assert.equal(session.getItem('bearerAuth'), null);
    assert.equal(session.getItem('jwt'), null);
    assert.equal(session.getItem('both'), JSON.stringify({ username: 'ada' }));
    assert.equal(session.getItem('basicAuth'), JSON.stringify({ username: 'ada', password: 'pw' }));
    assert.equal(session.getItem('contentType'), 'application/json');
    assert.equal(session.getItem('notes'), JSON.stringify({ text: 'first' }), 'not a token field');
    assert.equal(local.getItem('bearerAuth'), null);
    assert.equal(local.getItem('partnerAuth'), JSON.stringify({ token: 'typed-by-the-reader' }));
  });
});
