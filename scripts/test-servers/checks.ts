// The checks, run through the widget in Chromium against one server in one configuration.
import type { BrowserContext, Locator, Page } from 'playwright';
import type { Configuration } from './configs.js';
import type { ServerWire } from './wire.js';

export const CHECKS = ['sign-in', 'expiresAt', 'refreshTokens()', 'getAccessToken()', 'auto refresh', 'wrong password', 'sign-out revokes'] as const;
export type CheckName = (typeof CHECKS)[number];

export interface CheckResult {
  ok: boolean;
  note: string;
}
export type Results = Record<CheckName, CheckResult>;

interface RecordedEvent {
  type: string;
  at: number;
  detail: Record<string, unknown> | null;
}

interface TokenSetLike {
  accessToken?: string;
  refreshToken?: string;
  expiresAt?: number;
  claims?: Record<string, unknown>;
}

const EVENT_TYPES = ['login', 'token-refresh', 'logout', 'login-error'];

/** Records the widget's events on `window.__events`, from before the bundle loads. */
function recordEvents(types: string[]): void {
  const w = window as unknown as { __events: unknown[] };
  w.__events = [];
  for (const type of types) {
    document.addEventListener(
      type,
      (event) => {
        let detail: unknown;
        try {
          detail = JSON.parse(JSON.stringify((event as CustomEvent).detail ?? null));
        } catch {
          detail = { unserializable: String((event as CustomEvent).detail) };
        }
        w.__events.push({ type, at: Date.now(), detail });
      },
      true,
    );
  }
}

async function events(page: Page): Promise<RecordedEvent[]> {
  return page.evaluate(() => (window as unknown as { __events: RecordedEvent[] }).__events);
}

/** The first event of one of `types` at index `from` or later; undefined after `timeoutMs`. */
async function nextEvent(page: Page, types: string[], from: number, timeoutMs: number): Promise<{ event: RecordedEvent; index: number } | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const all = await events(page);
    for (let index = from; index < all.length; index++) {
      const event = all[index]!;
      if (types.includes(event.type)) return { event, index };
    }
    if (Date.now() > deadline) return undefined;
    await page.waitForTimeout(200);
  }
}

const eventCount = async (page: Page) => (await events(page)).length;

/** The payload of a JWT, decoded without verification. */
export function jwtPayload(token: string | undefined): Record<string, unknown> | undefined {
  const part = token?.split('.')[1];
  if (!part) return undefined;
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** The message in a Directus or Strapi error body. */
function serverMessage(body: unknown): string {
  const b = body as { errors?: Array<{ message?: string }>; error?: { message?: string } } | undefined;
  return b?.errors?.[0]?.message ?? b?.error?.message ?? '';
}

const isJwt = (token: unknown): token is string => typeof token === 'string' && token.split('.').length === 3 && jwtPayload(token) !== undefined;

const short = (value: unknown) => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
};

async function fillAndSubmit(login: Locator, email: string, password: string): Promise<void> {
  await login.getByLabel(/e-?mail|user ?name|identifier/i).first().fill(email);
  await login.locator('input[type="password"]').first().fill(password);
  await login.getByRole('button', { name: /sign in/i }).first().click();
}

const session = (page: Page) => page.evaluate(() => (document.querySelector('jwt-login') as unknown as { session: TokenSetLike | null }).session);

export interface CheckContext {
  context: BrowserContext;
  url: string;
  wire: ServerWire;
  configuration: Configuration;
  email: string;
  password: string;
  /** The access token lifetime the server was started with, in seconds. */
  accessTokenSeconds: number;
  log(line: string): void;
}

export async function runChecks(ctx: CheckContext): Promise<Results> {
  const results = Object.fromEntries(CHECKS.map((name) => [name, { ok: false, note: 'not reached' }])) as Results;
  const pass = (name: CheckName, note = '') => {
    results[name] = { ok: true, note };
    ctx.log(`  ✓ ${name}${note ? `: ${note}` : ''}`);
  };
  const fail = (name: CheckName, note: string) => {
    results[name] = { ok: false, note };
    ctx.log(`  ✗ ${name}: ${note}`);
  };
  const { wire, configuration } = ctx;
  const page = await ctx.context.newPage();
  const consoleLines: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') consoleLines.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => consoleLines.push(`pageerror: ${error.message}`));
  await page.addInitScript(recordEvents, EVENT_TYPES);

  try {
    await page.goto(ctx.url);
    const login = page.locator('jwt-login');
    const identifier = login.getByLabel(/e-?mail|user ?name|identifier/i).first();
    try {
      await identifier.waitFor({ state: 'visible', timeout: 15_000 });
    } catch {
      const error = (await events(page)).find((event) => event.type === 'login-error');
      const why = error ? `${error.detail?.code}: ${error.detail?.message}` : `no sign-in form (${consoleLines.slice(0, 2).join(' | ') || 'no console error'})`;
      for (const name of CHECKS) fail(name, why);
      return results;
    }

    // ---- wrong password: bad-credentials with the server's own words ----
    const direct = await wire.wrongPassword(ctx.email);
    {
      const from = await eventCount(page);
      await fillAndSubmit(login, ctx.email, 'definitely-not-the-password');
      const got = await nextEvent(page, ['login-error', 'login'], from, 15_000);
      const detail = got?.event.detail ?? {};
      if (!got || got.event.type !== 'login-error') fail('wrong password', got ? 'signed in with a wrong password' : 'no login-error event');
      else if (detail.code !== 'bad-credentials') fail('wrong password', `code ${short(detail.code)} (server said ${direct.status} ${short(direct.message)})`);
      else if (!direct.message || !String(detail.message ?? '').includes(direct.message))
        fail('wrong password', `message ${short(detail.message)} lacks the server's ${short(direct.message)}`);
      else pass('wrong password', `server ${direct.status}: "${direct.message}"`);
    }

    // ---- sign-in ----
    let tokens: TokenSetLike | undefined;
    {
      const from = await eventCount(page);
      await fillAndSubmit(login, ctx.email, ctx.password);
      const got = await nextEvent(page, ['login', 'login-error'], from, 15_000);
      if (!got) fail('sign-in', 'no login event within 15 s');
      else if (got.event.type === 'login-error') fail('sign-in', `login-error ${short(got.event.detail)}`);
      else {
        tokens = got.event.detail as TokenSetLike;
        const status = isJwt(tokens.accessToken) ? await wire.me(tokens.accessToken) : 0;
        if (!isJwt(tokens.accessToken)) fail('sign-in', `accessToken is not a JWT: ${short(tokens.accessToken)}`);
        else if (status !== 200) fail('sign-in', `the server answers ${status} to the access token`);
        else pass('sign-in', `login event, token accepted by the server${tokens.refreshToken ? ', refresh token in the answer' : ', no refresh token in the answer'}`);
      }
    }
    if (!tokens?.accessToken) {
      for (const name of CHECKS) if (results[name].note === 'not reached') fail(name, 'no session');
      return results;
    }

    // ---- expiresAt from the JWT's exp ----
    {
      const exp = jwtPayload(tokens.accessToken)?.exp;
      const iat = jwtPayload(tokens.accessToken)?.iat;
      if (typeof exp !== 'number') fail('expiresAt', 'the access token has no exp');
      else if (typeof tokens.expiresAt !== 'number') fail('expiresAt', `expiresAt is ${short(tokens.expiresAt)}`);
      else if (Math.abs(tokens.expiresAt - exp * 1000) > 1000) fail('expiresAt', `expiresAt ${tokens.expiresAt} vs exp ${exp}`);
      else pass('expiresAt', `= exp × 1000${typeof iat === 'number' ? ` (lifetime ${exp - iat} s)` : ''}`);
    }

    // ---- refreshTokens() ----
    await page.waitForTimeout(1200); // a new second: a token with a new iat differs from the last
    {
      const before = await session(page);
      const from = await eventCount(page);
      const result = await page
        .evaluate(async () => {
          try {
            const set = await (document.querySelector('jwt-login') as unknown as { refreshTokens(): Promise<unknown> }).refreshTokens();
            return { set: JSON.parse(JSON.stringify(set)) as TokenSetLike };
          } catch (error) {
            return { error: String(error) };
          }
        })
        .catch((error: Error) => ({ error: error.message }));
      const event = await nextEvent(page, ['token-refresh', 'logout'], from, 5000);
      if ('error' in result) fail('refreshTokens()', `rejected: ${short(result.error)}`);
      else if (!isJwt(result.set.accessToken)) fail('refreshTokens()', `no access token: ${short(result.set)}`);
      else if (result.set.accessToken === before?.accessToken) fail('refreshTokens()', 'the same access token as before');
      else if (event?.event.type !== 'token-refresh') fail('refreshTokens()', `no token-refresh event (${event?.event.type ?? 'none'})`);
      else {
        const status = await wire.me(result.set.accessToken);
        const rotated = before?.refreshToken && result.set.refreshToken ? (before.refreshToken === result.set.refreshToken ? ', refresh token kept' : ', refresh token rotated') : '';
        if (status !== 200) fail('refreshTokens()', `the server answers ${status} to the new token`);
        else pass('refreshTokens()', `new access token accepted${rotated}`);
      }
    }

    // ---- getAccessToken() ----
    {
      const current = await session(page);
      const token = await page
        .evaluate(() => (document.querySelector('jwt-login') as unknown as { getAccessToken(): Promise<string | null> }).getAccessToken())
        .catch((error: Error) => `error: ${error.message}`);
      if (!isJwt(token)) fail('getAccessToken()', `gave ${short(token)}`);
      else if (token !== current?.accessToken) fail('getAccessToken()', 'not the session’s access token');
      else {
        const status = await wire.me(token);
        if (status === 200) pass('getAccessToken()', 'the session’s token, accepted by the server');
        else fail('getAccessToken()', `the server answers ${status}`);
      }
    }

    // ---- automatic refresh before expiry ----
    {
      const current = await session(page);
      const expiresAt = current?.expiresAt ?? Date.now() + ctx.accessTokenSeconds * 1000;
      const from = await eventCount(page);
      const waitMs = Math.max(0, expiresAt - Date.now()) + 5000;
      ctx.log(`  … waiting up to ${Math.round(waitMs / 1000)} s for an automatic refresh`);
      const got = await nextEvent(page, ['token-refresh', 'logout'], from, waitMs);
      if (!got) fail('auto refresh', `no token-refresh within ${Math.round(waitMs / 1000)} s (the session, after a manual refreshTokens(), was ${(await session(page)) ? 'still held' : 'gone'} then)`);
      else if (got.event.type === 'logout') fail('auto refresh', `logout ${short(got.event.detail)} instead`);
      else if (got.event.at >= expiresAt) fail('auto refresh', `came ${got.event.at - expiresAt} ms after expiry`);
      else {
        const fresh = got.event.detail as TokenSetLike;
        const status = isJwt(fresh.accessToken) ? await wire.me(fresh.accessToken) : 0;
        if (status !== 200) fail('auto refresh', `the server answers ${status} to the refreshed token`);
        else pass('auto refresh', `${Math.round((expiresAt - got.event.at) / 100) / 10} s before expiry`);
      }
    }

    // ---- sign-out, then the old refresh token is refused by the server ----
    {
      const carrier = configuration.refreshCarrier;
      const current = await session(page);
      let old: string | undefined;
      if (carrier.kind === 'body') old = current?.refreshToken;
      else {
        const jar = await ctx.context.cookies(wire.origin);
        if (jar.some((cookie) => cookie.name === carrier.cookie)) old = jar.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
      }
      if (!old) {
        fail('sign-out revokes', carrier.kind === 'body' ? 'the session holds no refresh token' : `no ${carrier.cookie} cookie in the browser`);
      } else {
        const signOutAnswer = page.waitForResponse((response) => /\/auth\/logout(\?|$)/.test(response.url()) && response.request().method() === 'POST', { timeout: 8000 }).catch(() => undefined);
        const from = await eventCount(page);
        const signOutAt = Date.now();
        await page.evaluate(() => (document.querySelector('jwt-login') as unknown as { logout(): void }).logout());
        const ended = await nextEvent(page, ['logout'], from, 5000);
        const answer = await signOutAnswer;
        const after = await session(page);
        const replay = await wire.replayRefresh(carrier, old);
        const expiredBy = current?.expiresAt !== undefined ? signOutAt - current.expiresAt : undefined;
        const tokenState = expiredBy === undefined ? '' : expiredBy > 0 ? ` (access token expired ${Math.round(expiredBy / 1000)} s before)` : ' (access token still valid)';
        const said = answer ? `sign-out call ${answer.status()}${tokenState}` : `no sign-out call seen${tokenState}`;
        if (!ended) fail('sign-out revokes', 'no logout event');
        else if (after) fail('sign-out revokes', 'the session is still there');
        else if (replay.status < 400 || replay.status >= 500) fail('sign-out revokes', `${said}; the old refresh token still gets ${replay.status}`);
        else pass('sign-out revokes', `${said}; old refresh ${carrier.kind === 'cookie' ? 'cookie' : 'token'} then gets ${replay.status} ${short(serverMessage(replay.body))}`);
      }
    }
    return results;
  } catch (error) {
    for (const name of CHECKS) if (results[name].note === 'not reached') fail(name, `harness error: ${(error as Error).message.split('\n')[0]}`);
    return results;
  } finally {
    if (consoleLines.length) ctx.log(`  (page console: ${consoleLines.slice(0, 5).join(' | ')})`);
    await page.close();
  }
}
