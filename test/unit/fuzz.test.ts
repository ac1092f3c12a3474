import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AuthClient } from '../../src/core/client.js';
import { LOGIN_ERROR_CODES, LoginError } from '../../src/core/errors.js';
import { PRESETS, PRESET_NAMES } from '../../src/core/presets.js';
import { decodeClaims } from '../../src/core/tokens.js';
import { makeJwt } from '../helpers/jwt.js';

// Statuses a Response may carry a body with (204, 205 and 304 never have one).
const status = fc.integer({ min: 200, max: 599 }).filter((code) => ![204, 205, 304].includes(code));

const jsonValue = fc.jsonValue({ maxDepth: 3 });

/** Bodies from plausible to hostile: token-shaped objects with good and bad tokens, any JSON, any text. */
const body = fc.oneof(
  fc.record(
    {
      access_token: fc.oneof(fc.constant(makeJwt({ sub: 'x', exp: 2_000_000_000 })), fc.string(), jsonValue),
      accessToken: fc.oneof(fc.constant(makeJwt({ iat: 1, exi: 600 })), fc.string(), jsonValue),
      refresh_token: fc.oneof(fc.string(), jsonValue),
      expires_in: fc.oneof(fc.integer(), fc.string(), jsonValue),
      error_code: fc.oneof(fc.constantFrom(...LOGIN_ERROR_CODES), fc.string()),
      message: fc.oneof(fc.string(), jsonValue),
      details: fc.oneof(fc.array(fc.string()), jsonValue),
      trace_id: fc.oneof(fc.string(), jsonValue),
    },
    { requiredKeys: [] },
  ).map((record) => JSON.stringify(record)),
  jsonValue.map((value) => JSON.stringify(value)),
  fc.string(),
  fc.constant('<html><body><h1>502 Bad Gateway</h1></body></html>'),
);

const headers = fc.record(
  {
    'retry-after': fc.oneof(fc.nat().map(String), fc.string(), fc.date({ noInvalidDate: true }).map((date) => date.toUTCString())),
    'x-trace-id': fc.string(),
    'content-type': fc.constantFrom('application/json', 'text/html', 'text/plain'),
  },
  { requiredKeys: [] },
);

/** Header values a real Response accepts (no control characters). */
function safeHeaders(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => /^[\t\x20-\x7e]*$/.test(value)));
}

describe('response parsing, fuzzed', () => {
  it('turns any answer into a token set with a decodable access token or a LoginError with a contract code', async () => {
    const outcomes = { tokens: 0, errors: 0 };
    await fc.assert(
      fc.asyncProperty(status, headers, body, fc.constantFrom(...PRESET_NAMES), async (code, head, text, presetName) => {
        const client = new AuthClient({
          baseUrl: 'https://api.example.com',
          presetName,
          preset: PRESETS[presetName],
          tenant: 'acme',
          timeout: 1000,
          fetch: (async () => new Response(text, { status: code, headers: safeHeaders(head) })) as typeof fetch,
        });
        try {
          const tokens = await client.signIn('password', { email: 'a@example.com', username: 'a', password: 'p' });
          assert.ok(code >= 200 && code < 300, `a token set from HTTP ${code}`);
          assert.ok(decodeClaims(tokens.accessToken), 'the access token decodes');
          assert.equal(tokens.tokenType, 'Bearer');
          outcomes.tokens += 1;
        } catch (error) {
          assert.ok(error instanceof LoginError, `not a LoginError: ${String(error)}`);
          assert.ok((LOGIN_ERROR_CODES as readonly string[]).includes(error.code), error.code);
          if (error.detail.retryAfter !== undefined) assert.ok(Number.isFinite(error.detail.retryAfter) && error.detail.retryAfter >= 0);
          outcomes.errors += 1;
        }
      }),
      { numRuns: 10_000 },
    );
    // Both outcomes are exercised, not just the errors.
    assert.equal(outcomes.tokens + outcomes.errors, 10_000);
    assert.ok(outcomes.tokens > 100, `token sets: ${outcomes.tokens}`);
  });
});
