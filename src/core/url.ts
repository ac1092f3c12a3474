import { configError, LoginError } from './errors.js';

/**
 * Validates `base-url`: an absolute http(s) URL, or a path resolved against
 * `documentUrl`. Returns it without a trailing slash.
 */
export function parseBaseUrl(value: string | null | undefined, documentUrl?: string): string {
  const raw = value?.trim();
  if (!raw) throw configError('base-url', 'base-url is missing');
  let url: URL;
  try {
    url = new URL(raw, raw.startsWith('/') ? documentUrl : undefined);
  } catch {
    throw configError('base-url', `base-url is not a valid URL or path: ${raw}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw configError('base-url', `base-url must use http or https: ${raw}`);
  }
  if (url.username || url.password) {
    throw configError('base-url', 'base-url must not contain credentials');
  }
  url.hash = '';
  return url.href.replace(/\/+$/, '');
}

/** The URL of an endpoint: base URL + path, `{tenant}` URL-encoded. */
export function endpointUrl(baseUrl: string, path: string, tenant: string | undefined): string {
  let resolved = path;
  if (path.includes('{tenant}')) {
    if (!tenant) {
      throw new LoginError({ code: 'invalid-input', message: 'tenant is missing', method: null, field: 'tenant' });
    }
    resolved = path.replaceAll('{tenant}', encodeURIComponent(tenant));
  }
  return `${baseUrl}/${resolved.replace(/^\/+/, '')}`;
}
