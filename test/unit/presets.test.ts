import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { prepareRequest } from '../../src/core/client.js';
import { PRESETS, presetNeedsTenant, resolvePreset, supportedMethods } from '../../src/core/presets.js';

const wunder = { baseUrl: 'https://go.api.gourban.services/v1', tenant: 'acme' };

describe('preset request shapes', () => {
  it('wunder password sign-in posts {email, password} to the tenant path', () => {
    const request = prepareRequest(wunder, PRESETS.wunder.methods.password!.submit, {
      email: 'a@example.com',
      password: 'secret',
    });
    assert.equal(request.method, 'POST');
    assert.equal(request.url, 'https://go.api.gourban.services/v1/acme/auth/sign-in-email');
    assert.equal(request.body, '{"email":"a@example.com","password":"secret"}');
    assert.deepEqual(request.headers, { 'Content-Type': 'application/json' });
  });

  it('wunder API-key sign-in posts {clientId, clientKey}', () => {
    const request = prepareRequest(wunder, PRESETS.wunder.methods['api-key']!.submit, { clientId: 'c', clientKey: 'k' });
    assert.equal(request.url, 'https://go.api.gourban.services/v1/acme/auth/sign-in-api-client');
    assert.equal(request.body, '{"clientId":"c","clientKey":"k"}');
  });

  it('wunder phone OTP request sends phoneNumber and branchId, and is marked signed', () => {
    const endpoint = PRESETS.wunder.methods['phone-otp']!.request!;
    const request = prepareRequest(wunder, endpoint, { phoneNumber: '+436641234567', branchId: '42' });
    assert.equal(request.url, 'https://go.api.gourban.services/v1/acme/front/customers/create-or-sign-in-with-phone-number');
    assert.equal(request.body, '{"phoneNumber":"+436641234567","branchId":"42"}');
    assert.equal(endpoint.signed, true);
  });

  it('leaves out an empty branchId', () => {
    const endpoint = PRESETS.wunder.methods['email-otp']!.request!;
    const request = prepareRequest(wunder, endpoint, { email: 'a@example.com', branchId: '' });
    assert.equal(request.body, '{"email":"a@example.com"}');
  });

  it('URL-encodes the tenant', () => {
    const request = prepareRequest({ ...wunder, tenant: 'a b/c' }, PRESETS.wunder.methods.password!.submit, {});
    assert.equal(request.url, 'https://go.api.gourban.services/v1/a%20b%2Fc/auth/sign-in-email');
  });

  it('refuses to build a tenant path without a tenant', () => {
    assert.throws(
      () => prepareRequest({ baseUrl: wunder.baseUrl }, PRESETS.wunder.methods.password!.submit, {}),
      (error: { code?: string; detail?: { field?: string } }) => error.code === 'invalid-input' && error.detail?.field === 'tenant',
    );
  });

  it('datarhei password sign-in posts {username, password} to /api/login', () => {
    const request = prepareRequest({ baseUrl: 'http://core:8080' }, PRESETS.datarhei.methods.password!.submit, {
      username: 'admin',
      password: 'pw',
    });
    assert.equal(request.url, 'http://core:8080/api/login');
    assert.equal(request.body, '{"username":"admin","password":"pw"}');
  });

  it('datarhei refresh is a GET with the refresh token as Bearer and no body', () => {
    const request = prepareRequest({ baseUrl: 'http://core:8080' }, PRESETS.datarhei.refresh!, {}, { refreshToken: 'r.t.x' });
    assert.equal(request.method, 'GET');
    assert.equal(request.url, 'http://core:8080/api/login/refresh');
    assert.equal(request.body, undefined);
    assert.deepEqual(request.headers, { Authorization: 'Bearer r.t.x' });
  });

  it('datarhei external-token login sends only the Bearer header', () => {
    const request = prepareRequest({ baseUrl: 'http://core:8080' }, PRESETS.datarhei.externalToken!, {}, { externalToken: 'idp' });
    assert.equal(request.method, 'POST');
    assert.deepEqual(request.headers, { Authorization: 'Bearer idp' });
    assert.equal(request.body, undefined);
  });

  it('auth-login refresh posts {refresh_token}', () => {
    const request = prepareRequest({ baseUrl: 'https://api.example.com' }, PRESETS['auth-login'].refresh!, { refreshToken: 'r' });
    assert.equal(request.url, 'https://api.example.com/auth/refresh-token');
    assert.equal(request.body, '{"refresh_token":"r"}');
  });

  it('adds the page’s extra headers', () => {
    const request = prepareRequest({ ...wunder, headers: { 'X-Client': 'docs' } }, PRESETS.wunder.methods.password!.submit, {});
    assert.equal(request.headers['X-Client'], 'docs');
  });
});

describe('preset capabilities', () => {
  it('wunder supports all four methods in contract order', () => {
    assert.deepEqual(supportedMethods(PRESETS.wunder), ['password', 'api-key', 'phone-otp', 'email-otp']);
  });

  it('datarhei and auth-login support only password', () => {
    assert.deepEqual(supportedMethods(PRESETS.datarhei), ['password']);
    assert.deepEqual(supportedMethods(PRESETS['auth-login']), ['password']);
  });

  it('only wunder needs a tenant', () => {
    assert.equal(presetNeedsTenant(PRESETS.wunder), true);
    assert.equal(presetNeedsTenant(PRESETS.datarhei), false);
    assert.equal(presetNeedsTenant(PRESETS['auth-login']), false);
  });
});

describe('endpoints override', () => {
  it('replaces a path and keeps the rest of the endpoint', () => {
    const preset = resolvePreset('wunder', { refresh: { path: '/{tenant}/auth/token/refresh' } });
    assert.equal(preset.refresh?.path, '/{tenant}/auth/token/refresh');
    assert.equal(preset.refresh?.method, 'POST');
    assert.deepEqual(preset.refresh?.body, { refreshToken: 'refreshToken' });
  });

  it('renames response fields', () => {
    const preset = resolvePreset('auth-login', { response: { accessToken: 'jwt_token' } });
    assert.equal(preset.response.accessToken, 'jwt_token');
    assert.equal(preset.response.refreshToken, 'refresh_token');
  });

  it('adds a method the preset lacks', () => {
    const preset = resolvePreset('auth-login', {
      methods: { 'api-key': { submit: { method: 'POST', path: '/auth/client', body: { clientId: 'id', clientKey: 'secret' } } } },
    });
    assert.deepEqual(supportedMethods(preset), ['password', 'api-key']);
  });

  it('does not change the shared preset table', () => {
    resolvePreset('wunder', { refresh: { path: '/x' } });
    assert.equal(PRESETS.wunder.refresh?.path, '/{tenant}/auth/refresh');
  });
});
