import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SimulatedAuth0 } from './auth0.js';
import { AUTH_LOGIN_PREFIX, authLoginMount } from './auth-login.js';
import { CustomerDirectory } from './customers.js';
import { DATARHEI_ISSUER, DATARHEI_PREFIX, datarheiMount } from './datarhei.js';
import { demoMount } from './demo-routes.js';
import { createDispatcher } from './dispatch.js';
import { EXAMPLE_ID_PREFIX, exampleIdMount } from './example-id.js';
import { FaultQueue } from './faults.js';
import { GENERIC_PREFIX, genericMount } from './generic.js';
import { resolveOptions, type ApiName, type AuthServerOptions, type ResolvedAuthServerOptions } from './options.js';
import { OtpCodes } from './otp.js';
import { OtpOutbox } from './outbox.js';
import { RefreshRotation } from './refresh-rotation.js';
import { RequestLog } from './request-log.js';
import { SignatureVerifier } from './signature.js';
import { deriveKey, TokenSigner } from './tokens.js';
import { DEMO_CREDENTIALS } from './users.js';
import { WUNDER_PREFIX, wunderMount } from './wunder.js';
import { WUNDER_TENANTS } from './wunder-session.js';

export type { AuthServerOptions, ResolvedAuthServerOptions } from './options.js';
export type { FaultSpec, Fault } from './faults.js';
export type { OutboxMessage } from './outbox.js';
export type { LoggedRequest } from './request-log.js';
export { computeSignature } from './signature.js';
export { DEMO_CREDENTIALS };

export interface AuthServer {
  /** Origin of the server, e.g. `http://127.0.0.1:8787`. */
  url: string;
  port: number;
  /** The `base-url` of each API. */
  baseUrls: Record<ApiName, string>;
  /** One-time codes "sent" by SMS or e-mail; `outbox.latest(to)` is the newest code for `to`. */
  outbox: OtpOutbox;
  /** Faults for the next matching requests: `faults.add({ match, status, ... })`, `faults.clear()`. */
  faults: FaultQueue;
  /** The last 100 API requests, with their Authorization header and body (in process only). */
  requests: RequestLog;
  /** A token from the simulated Auth0 tenant, for datarhei's external-token login. */
  issueAuth0Token(sub?: string, lifetimeSeconds?: number): Promise<string>;
  options: ResolvedAuthServerOptions;
  close(): Promise<void>;
}

/**
 * Starts the stand-in for the three JWT-issuing APIs the widget speaks to, plus two APIs of
 * no preset that the widget reaches through its `endpoints` configuration: example-id
 * (with `headers`) and generic (form bodies, nesting, cookies, no refresh, revocation).
 */
export async function startAuthServer(options: AuthServerOptions = {}): Promise<AuthServer> {
  const resolved = resolveOptions(options);
  const { now, jwtSecret } = resolved;
  const closing = new AbortController();
  const outbox = new OtpOutbox();
  const faults = new FaultQueue();
  const requests = new RequestLog();
  const auth0 = new SimulatedAuth0(deriveKey(jwtSecret, 'auth0'), now);
  let baseUrls: AuthServer['baseUrls'] = { wunder: '', datarhei: '', authLogin: '', exampleId: '', generic: '' };

  const mounts = [
    wunderMount({
      signer: new TokenSigner({ secret: deriveKey(jwtSecret, 'wunder'), now }),
      rotation: new RefreshRotation(now),
      customers: new CustomerDirectory(Object.keys(WUNDER_TENANTS)),
      codes: new OtpCodes(now),
      outbox,
      signature: new SignatureVerifier(resolved.signingKey, now),
      lifetimes: resolved.ttl.wunder,
      now,
    }),
    datarheiMount({
      signer: new TokenSigner({ secret: deriveKey(jwtSecret, 'datarhei'), issuer: DATARHEI_ISSUER, now }),
      auth0,
      lifetimes: resolved.ttl.datarhei,
      failDelayMs: resolved.datarheiFailDelayMs,
      startedAt: new Date(now()),
    }),
    authLoginMount({
      signer: new TokenSigner({ secret: deriveKey(jwtSecret, 'auth-login'), now }),
      lifetimes: resolved.ttl.authLogin,
    }),
    exampleIdMount({
      signer: new TokenSigner({ secret: deriveKey(jwtSecret, 'example-id'), now }),
      lifetimes: resolved.ttl.exampleId,
    }),
    genericMount({
      signer: new TokenSigner({ secret: deriveKey(jwtSecret, 'generic'), now }),
      rotation: new RefreshRotation(now),
      lifetimes: resolved.ttl.generic,
      now,
    }),
    demoMount({ outbox, faults, requests, auth0, baseUrls: () => baseUrls }),
  ];

  const server = createServer(
    createDispatcher({ mounts, faults, requests, log: resolved.log, now, signal: closing.signal }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(resolved.port, resolved.host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  const { port } = server.address() as AddressInfo;
  const host = resolved.host.includes(':') ? `[${resolved.host}]` : resolved.host;
  const url = `http://${host}:${port}`;
  baseUrls = {
    wunder: `${url}${WUNDER_PREFIX}`,
    datarhei: `${url}${DATARHEI_PREFIX}`,
    authLogin: `${url}${AUTH_LOGIN_PREFIX}`,
    exampleId: `${url}${EXAMPLE_ID_PREFIX}`,
    generic: `${url}${GENERIC_PREFIX}`,
  };

  let closed: Promise<void> | undefined;
  return {
    url,
    port,
    baseUrls,
    outbox,
    faults,
    requests,
    issueAuth0Token: (sub, lifetimeSeconds) => auth0.issue(sub, lifetimeSeconds),
    options: { ...resolved, port },
    close() {
      closed ??= new Promise<void>((resolve, reject) => {
        closing.abort();
        server.close((error) => (error ? reject(error) : resolve()));
        // Hanging faults, delayed answers and event streams would otherwise hold close() open.
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
