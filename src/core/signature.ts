/** The request a signer sees: `body` is the exact text that will be sent. */
export interface SignableRequest {
  method: string;
  url: string;
  body: string;
}

/** Returns the headers that sign a request (the `signer` property). */
export type Signer = (request: SignableRequest) => Promise<Record<string, string>>;

function base64UrlNoPad(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomNonce(): string {
  return base64UrlNoPad(crypto.getRandomValues(new Uint8Array(16)));
}

/** The path part of the signed message: pathname plus query, as the server sees it. */
function signedPath(url: string): string {
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
}

/**
 * The contract's default signature: base64url(HMAC-SHA256(key,
 * `${timestamp}.${nonce}.${METHOD}.${path}.${body}`)), with WebCrypto.
 */
export async function computeSignature(
  key: string,
  parts: { timestamp: string; nonce: string; method: string; path: string; body: string },
): Promise<string> {
  const encoder = new TextEncoder();
  const cryptoKey = await crypto.subtle.importKey('raw', encoder.encode(key), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  const message = `${parts.timestamp}.${parts.nonce}.${parts.method.toUpperCase()}.${parts.path}.${parts.body}`;
  const signature = await crypto.subtle.sign('HMAC', cryptoKey, encoder.encode(message));
  return base64UrlNoPad(new Uint8Array(signature));
}

/** A Signer that adds `X-Timestamp`, `X-Nonce` and `X-Signature` made with `signing-key`. */
export function createHmacSigner(key: string, now: () => number = Date.now): Signer {
  return async (request) => {
    const timestamp = String(Math.floor(now() / 1000));
    const nonce = randomNonce();
    const signature = await computeSignature(key, {
      timestamp,
      nonce,
      method: request.method,
      path: signedPath(request.url),
      body: request.body,
    });
    return { 'X-Timestamp': timestamp, 'X-Nonce': nonce, 'X-Signature': signature };
  };
}
