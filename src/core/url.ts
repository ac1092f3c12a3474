import { configError, LoginError } from './errors.js';

/**
 * Validates `base-url`: an absolute http(s) URL, or a path resolved against
 * `documentUrl`. Returns it without a trailing slash.
 */
export function parseBaseUrl(value: string | null | undefined, documentUrl?: string): string {
  const raw = value?.trim();
  if (!raw) throw configError('base-url', 'base-url is missing');
  // The URL itself is never repeated in a message: it may hold a user name and password.
  if (raw.startsWith('//')) {
    throw configError('base-url', 'base-url must be an absolute URL (https://…) or a path (/…), not protocol-relative (//…)');
  }
  let url: URL;
  try {
    url = new URL(raw, raw.startsWith('/') ? documentUrl : undefined);
  } catch {
    throw configError('base-url', 'base-url is not a valid URL or path');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw configError('base-url', `base-url must use http or https, not ${url.protocol.slice(0, -1)}`);
  }
  if (url.username || url.password) {
    throw configError('base-url', 'base-url must not contain credentials');
  }
  if (url.search) {
    throw configError('base-url', 'base-url must not have a query: the endpoints\' paths are added after it');
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
    // `.` and `..` stay as they are when encoded, and would climb out of the base path.
    if (tenant === '.' || tenant === '..') {
      throw new LoginError({ code: 'invalid-input', message: 'tenant is not valid', method: null, field: 'tenant' });
    }
    resolved = path.replaceAll('{tenant}', encodeURIComponent(tenant));
  }
  return `${baseUrl}/${resolved.replace(/^\/+/, '')}`;
}
