import { createHmac, randomBytes } from 'node:crypto';
import { decodeJwt, type JWTPayload } from 'jose';
import { startAuthServer, type AuthServer, type AuthServerOptions } from '../../demo/server/index.js';

/** A server whose clock the test moves by hand, so expiry needs no waiting. */
export interface TestServer extends AuthServer {
  clock: { now: number; advance(ms: number): void };
}

export async function startTestServer(options: AuthServerOptions = {}): Promise<TestServer> {
  const clock = {
    now: Date.now(),
    advance(ms: number) {
      clock.now += ms;
    },
  };
  const server = await startAuthServer({ datarheiFailDelayMs: 20, now: () => clock.now, ...options });
  return Object.assign(server, { clock });
}

export interface Answer {
  status: number;
  headers: Headers;
  /** Parsed JSON, or undefined when the body is empty or not JSON. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON answers
  body: any;
  text: string;
}

export async function call(
  url: string,
  init: { method?: string; json?: unknown; raw?: string; headers?: Record<string, string>; signal?: AbortSignal } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...init.headers };
  let body: string | undefined = init.raw;
  if (init.json !== undefined) {
    body = JSON.stringify(init.json);
    headers['Content-Type'] ??= 'application/json';
  }
  const response = await fetch(url, {
    method: init.method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    ...(body === undefined ? {} : { body }),
    ...(init.signal ? { signal: init.signal } : {}),
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

export function claimsOf(token: string): JWTPayload {
  return decodeJwt(token);
}

/**
 * Signs a request the way the contract describes, written here apart from the
 * server's code so a shared mistake cannot hide.
 */
export function signatureHeaders(
  key: string,
  request: { method: string; path: string; body: string },
  overrides: { timestamp?: number; nonce?: string } = {},
): Record<string, string> {
  const timestamp = String(overrides.timestamp ?? Math.floor(Date.now() / 1000));
  const nonce = overrides.nonce ?? randomBytes(16).toString('base64url');
  const message = `${timestamp}.${nonce}.${request.method}.${request.path}.${request.body}`;
  const signature = createHmac('sha256', key).update(message).digest('base64url');
  return { 'X-Timestamp': timestamp, 'X-Nonce': nonce, 'X-Signature': signature };
}

export const HEX_16 = /^[0-9a-f]{16}$/;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
