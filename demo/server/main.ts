/**
 * Runs the stand-in auth server from the command line: `tsx demo/server/main.ts`.
 * Environment: AUTH_PORT (default 8787), ACCESS_TTL (seconds, every API),
 * REFRESH_TTL (seconds, every API), DATARHEI_FAIL_DELAY_MS, AUTH_HOST.
 */
import { DEMO_CREDENTIALS, startAuthServer, type AuthServerOptions } from './index.js';

function numberFromEnv(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) {
    console.error(`${name} must be a non-negative number, got "${raw}"`);
    process.exit(2);
  }
  return value;
}

const options: AuthServerOptions = {
  port: numberFromEnv('AUTH_PORT') ?? 8787,
  log: (line) => console.log(line),
};
if (process.env.AUTH_HOST) options.host = process.env.AUTH_HOST;
const accessTtl = numberFromEnv('ACCESS_TTL');
if (accessTtl !== undefined) options.accessTtl = accessTtl;
const refreshTtl = numberFromEnv('REFRESH_TTL');
if (refreshTtl !== undefined) options.refreshTtl = refreshTtl;
const failDelay = numberFromEnv('DATARHEI_FAIL_DELAY_MS');
if (failDelay !== undefined) options.datarheiFailDelayMs = failDelay;

const server = await startAuthServer(options);
const { wunder, datarhei, authLogin, exampleId, generic } = DEMO_CREDENTIALS;
const ttl = server.options.ttl;

console.log(`Stand-in auth server listening on ${server.url}

  wunder      base-url ${server.baseUrls.wunder}   (tenants: acme = signature required, globex = none)
              password  ${wunder.email} / ${wunder.password}
              api-key   ${wunder.clientId} / ${wunder.clientKey}
              otp       any E.164 phone or e-mail; codes at ${server.url}/_demo/outbox
              signing-key ${server.options.signingKey}
              lifetimes access ${ttl.wunder.access} s, refresh ${ttl.wunder.refresh} s

  datarhei    base-url ${server.baseUrls.datarhei}
              password  ${datarhei.username} / ${datarhei.password}
              auth0     token from ${server.url}/_demo/auth0-token
              lifetimes access ${ttl.datarhei.access} s, refresh ${ttl.datarhei.refresh} s

  auth-login  base-url ${server.baseUrls.authLogin}
              password  ${authLogin.username} (or ${authLogin.email} or ${authLogin.phone}) / ${authLogin.password}
              errors    ${authLogin.unvalidatedUsername} / ${authLogin.password} (not validated)
                        ${authLogin.disabledUsername} / ${authLogin.password} (disabled)
              lifetimes access ${ttl.authLogin.access} s, refresh ${ttl.authLogin.refresh} s

  example-id  base-url ${server.baseUrls.exampleId}   (no preset: wire it up with endpoints and headers)
              login     ${exampleId.login} / ${exampleId.secret}
              routes    PUT /v2/sessions, POST /v2/sessions/renew, GET /v2/me
              header    X-Api-Version: 2 (sign-in and renewal refuse requests without it)
              lifetimes access ${ttl.exampleId.access} s (only in the answer's ttl), refresh ${ttl.exampleId.refresh} s

  generic     base-url ${server.baseUrls.generic}   (no preset: configured in JSON, see the README)
              password  ${generic.email} / ${generic.password}
              api-key   ${generic.keyId} / ${generic.keySecret} (no refresh)
              routes    POST /oauth/token (form), /oauth/revoke; POST /session (cookie refresh), /session/refresh,
                        /session/logout; POST /keys/sign-in; GET /me
              lifetimes access ${ttl.generic.access} s, refresh ${ttl.generic.refresh} s
`);

const stop = () => {
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
