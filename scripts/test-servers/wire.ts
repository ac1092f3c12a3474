// Talking to a server directly from Node, beside the widget: the server's own words for a
// wrong password, whether it accepts an access token, and a replay of an old refresh token.
import type { RefreshCarrier, ServerName } from './configs.js';

export interface Answer {
  status: number;
  body: unknown;
}

async function call(url: string, init: RequestInit): Promise<Answer> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(15_000) });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: response.status, body };
}

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

export interface ServerWire {
  server: ServerName;
  /** The widget's base-url. */
  baseUrl: string;
  origin: string;
  /** The status of an authenticated "who am I" call. */
  me(accessToken: string): Promise<number>;
  /** A sign-in with a wrong password: status, body and the message in it. */
  wrongPassword(email: string): Promise<Answer & { message: string }>;
  /** Replays a refresh token (or, for a cookie carrier, the Cookie header) at the refresh endpoint. */
  replayRefresh(carrier: RefreshCarrier, value: string): Promise<Answer>;
}

function dig(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), value);
}

function replay(baseUrl: string, carrier: RefreshCarrier, value: string): Promise<Answer> {
  if (carrier.kind === 'body') {
    return call(`${baseUrl}${carrier.path}`, json({ ...carrier.constants, [carrier.field]: value }));
  }
  // `value` is the whole Cookie header the browser held (Strapi signs its cookie: name.sig too).
  const init = json({ ...carrier.constants });
  return call(`${baseUrl}${carrier.path}`, { ...init, headers: { ...(init.headers as Record<string, string>), Cookie: value } });
}

export function directusWire(origin: string): ServerWire {
  return {
    server: 'directus',
    baseUrl: origin,
    origin,
    async me(token) {
      return (await call(`${origin}/users/me`, { headers: { Authorization: `Bearer ${token}` } })).status;
    },
    async wrongPassword(email) {
      const answer = await call(`${origin}/auth/login`, json({ email, password: 'definitely-not-the-password' }));
      return { ...answer, message: String(dig(answer.body, 'errors.0.message') ?? '') };
    },
    replayRefresh: (carrier, value) => replay(origin, carrier, value),
  };
}

export function strapiWire(origin: string): ServerWire {
  const api = `${origin}/api`;
  return {
    server: 'strapi',
    baseUrl: api,
    origin,
    async me(token) {
      return (await call(`${api}/users/me`, { headers: { Authorization: `Bearer ${token}` } })).status;
    },
    async wrongPassword(email) {
      const answer = await call(`${api}/auth/local`, json({ identifier: email, password: 'definitely-not-the-password' }));
      return { ...answer, message: String(dig(answer.body, 'error.message') ?? '') };
    },
    replayRefresh: (carrier, value) => replay(api, carrier, value),
  };
}
