import { decodeJwt } from 'jose';
import { ApiError } from './http.js';
import type { CustomerDirectory } from './customers.js';
import type { Lifetimes } from './options.js';
import type { OtpCodes } from './otp.js';
import type { OtpOutbox } from './outbox.js';
import type { RefreshRotation } from './refresh-rotation.js';
import type { SignatureVerifier } from './signature.js';
import type { TokenSigner } from './tokens.js';

/** The demo tenants: `acme` demands the request signature on OTP requests, `globex` does not. */
export const WUNDER_TENANTS: Record<string, { requiresSignature: boolean }> = {
  acme: { requiresSignature: true },
  globex: { requiresSignature: false },
};

export interface WunderDependencies {
  signer: TokenSigner;
  rotation: RefreshRotation;
  customers: CustomerDirectory;
  codes: OtpCodes;
  outbox: OtpOutbox;
  signature: SignatureVerifier;
  lifetimes: Lifetimes;
  now: () => number;
}

/** Who a session belongs to; copied into both tokens so a refresh can rebuild the access token. */
export interface WunderIdentity {
  sub: string;
  email?: string;
  phoneNumber?: string;
  name?: string;
  clientId?: string;
}

export function requireTenant(tenant: string | undefined): string {
  if (!tenant || !Object.hasOwn(WUNDER_TENANTS, tenant)) throw new ApiError(404, 'Unknown tenant');
  return tenant;
}

/** Signs a new access/refresh pair; `family` continues a session, its absence starts one. */
export async function issueWunderSession(
  deps: WunderDependencies,
  tenant: string,
  identity: WunderIdentity,
  family = deps.rotation.newFamily(),
): Promise<{ accessToken: string; refreshToken: string }> {
  const claims = identityClaims(identity);
  const accessToken = await deps.signer.sign({ ...claims, tenant, use: 'access' }, deps.lifetimes.access);
  const refreshClaims = { ...claims, tenant, use: 'refresh', fam: family };
  const refreshToken = await deps.signer.sign(refreshClaims, deps.lifetimes.refresh);
  const { jti, exp } = decodeJwt(refreshToken);
  deps.rotation.register(jti!, family, exp! * 1000);
  return { accessToken, refreshToken };
}

export function identityFromClaims(claims: Record<string, unknown>): WunderIdentity {
  const text = (name: string) => (typeof claims[name] === 'string' ? (claims[name] as string) : undefined);
  return identityClaims({
    sub: text('sub') ?? '',
    email: text('email'),
    phoneNumber: text('phoneNumber'),
    name: text('name'),
    clientId: text('clientId'),
  });
}

function identityClaims(identity: WunderIdentity): WunderIdentity {
  const claims: WunderIdentity = { sub: identity.sub };
  if (identity.email) claims.email = identity.email;
  if (identity.phoneNumber) claims.phoneNumber = identity.phoneNumber;
  if (identity.name) claims.name = identity.name;
  if (identity.clientId) claims.clientId = identity.clientId;
  return claims;
}
