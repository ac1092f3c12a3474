import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfig } from '../../src/core/config.js';

const base = 'https://go.api.gourban.services/v1';

function configErrorField(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    const { code, detail } = error as { code: string; detail: { field?: string } };
    assert.equal(code, 'config-error');
    return detail.field;
  }
  assert.fail('expected a config-error');
}

describe('configuration', () => {
  it('defaults to wunder with every method, memory, auto refresh and 15 s', () => {
    const config = parseConfig({ baseUrl: base });
    assert.equal(config.presetName, 'wunder');
    assert.deepEqual(config.methods, ['password', 'api-key', 'phone-otp', 'email-otp']);
    assert.equal(config.persist, 'memory');
    assert.equal(config.refresh, 'auto');
    assert.equal(config.timeout, 15000);
  });

  it('drops a trailing slash from base-url', () => {
    assert.equal(parseConfig({ baseUrl: `${base}/` }).baseUrl, base);
  });

  it('resolves a path base-url against the document', () => {
    assert.equal(parseConfig({ baseUrl: '/api' }, 'https://docs.example.com/guide/').baseUrl, 'https://docs.example.com/api');
  });

  it('keeps methods in the order given', () => {
    assert.deepEqual(parseConfig({ baseUrl: base, methods: ' email-otp  password ' }).methods, ['email-otp', 'password']);
  });

  it('names base-url when it is missing', () => {
    assert.equal(configErrorField(() => parseConfig({})), 'base-url');
  });

  it('names base-url when it is not a URL', () => {
    assert.equal(configErrorField(() => parseConfig({ baseUrl: 'ftp://x' })), 'base-url');
    assert.equal(configErrorField(() => parseConfig({ baseUrl: 'not a url' })), 'base-url');
  });

  it('names preset when it is unknown', () => {
    assert.equal(configErrorField(() => parseConfig({ baseUrl: base, preset: 'okta' })), 'preset');
  });

  it('names methods when one is unknown', () => {
    assert.equal(configErrorField(() => parseConfig({ baseUrl: base, methods: 'password magic-link' })), 'methods');
  });

  it('names methods when the preset cannot do one', () => {
    assert.equal(configErrorField(() => parseConfig({ baseUrl: base, preset: 'datarhei', methods: 'api-key' })), 'methods');
  });

  it('names persist, refresh and timeout when they are invalid', () => {
    assert.equal(configErrorField(() => parseConfig({ baseUrl: base, persist: 'cookie' })), 'persist');
    assert.equal(configErrorField(() => parseConfig({ baseUrl: base, refresh: 'sometimes' })), 'refresh');
    assert.equal(configErrorField(() => parseConfig({ baseUrl: base, timeout: '-5' })), 'timeout');
  });
});
