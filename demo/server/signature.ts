import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** How far a request's timestamp may be from the server's clock. */
export const TIMESTAMP_WINDOW_SECONDS = 300;
/** Nonces are remembered longer than the timestamp window is wide, so no replay slips through. */
export const NONCE_MEMORY_MS = 10 * 60 * 1000;

export interface SignedRequest {
  method: string;
  /** Pathname plus query exactly as received. */
  target: string;
  /** The body text exactly as received. */
  body: string;
  headers: IncomingHttpHeaders;
}

export type SignatureVerdict =
  | { valid: true }
  | { valid: false; reason: 'missing-headers' | 'stale-timestamp' | 'bad-signature' | 'replayed-nonce' };

/**
 * The contract's default request signature:
 * base64url-no-padding(HMAC-SHA256(key, `${timestamp}.${nonce}.${METHOD}.${path}.${body}`)).
 */
export function computeSignature(
  key: string,
  parts: { timestamp: string; nonce: string; method: string; path: string; body: string },
): string {
  const message = `${parts.timestamp}.${parts.nonce}.${parts.method.toUpperCase()}.${parts.path}.${parts.body}`;
  return createHmac('sha256', Buffer.from(key, 'utf8')).update(message, 'utf8').digest('base64url');
}

/** Checks the X-Timestamp / X-Nonce / X-Signature headers and refuses replays. */
export class SignatureVerifier {
  private readonly seenNonces = new Map<string, number>();

  constructor(
    private readonly key: string,
    private readonly now: () => number,
  ) {}

  verify(request: SignedRequest): SignatureVerdict {
    const timestamp = header(request.headers, 'x-timestamp');
    const nonce = header(request.headers, 'x-nonce');
    const signature = header(request.headers, 'x-signature');
    if (!timestamp || !nonce || !signature) return { valid: false, reason: 'missing-headers' };

    const nowSeconds = this.now() / 1000;
    if (!/^\d{1,12}$/.test(timestamp) || Math.abs(nowSeconds - Number(timestamp)) > TIMESTAMP_WINDOW_SECONDS) {
      return { valid: false, reason: 'stale-timestamp' };
    }

    const expected = computeSignature(this.key, {
      timestamp,
      nonce,
      method: request.method,
      path: request.target,
      body: request.body,
    });
    if (!sameText(signature, expected)) return { valid: false, reason: 'bad-signature' };

    // Only a correctly signed request spends its nonce, so forged requests cannot burn them.
    this.forgetOldNonces();
    if (this.seenNonces.has(nonce)) return { valid: false, reason: 'replayed-nonce' };
    this.seenNonces.set(nonce, this.now());
    return { valid: true };
  }

  private forgetOldNonces(): void {
    const oldest = this.now() - NONCE_MEMORY_MS;
    for (const [nonce, seenAt] of this.seenNonces) {
      if (seenAt < oldest) this.seenNonces.delete(nonce);
    }
  }
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function sameText(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
