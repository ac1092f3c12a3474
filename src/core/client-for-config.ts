import { AuthClient } from './client.js';
import type { WidgetConfig } from './config.js';
import { type Signer, createHmacSigner } from './signature.js';

/** What a page adds to the parsed configuration: the tenant and the requests' headers and signature. */
export interface ClientSettings {
  tenant?: string | undefined;
  headers?: Record<string, string> | undefined;
  /** Signs OTP code requests; wins over `signingKey`. */
  signer?: Signer | undefined;
  /** The HMAC key of the default signer. */
  signingKey?: string | undefined;
}

/** The AuthClient for a configuration and the page's settings. */
export function clientForConfig(config: WidgetConfig, { tenant, headers, signer, signingKey }: ClientSettings): AuthClient {
  const signs = signer ?? (signingKey ? createHmacSigner(signingKey) : undefined);
  return new AuthClient({
    baseUrl: config.baseUrl,
    presetName: config.presetName,
    preset: config.preset,
    ...(tenant ? { tenant } : {}),
    ...(headers ? { headers } : {}),
    timeout: config.timeout,
    ...(signs ? { signer: signs } : {}),
  });
}
