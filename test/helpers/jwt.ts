import { UnsecuredJWT, type JWTPayload } from 'jose';

/** An unsigned JWT with exactly these claims: the widget decodes, it never verifies. */
export function makeJwt(claims: JWTPayload): string {
  return new UnsecuredJWT(claims).encode();
}
