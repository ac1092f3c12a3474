// The configurations the suite signs in with: each is a `<jwt-login>` tag (attributes, and
// the endpoint map as a child <script type="application/json"> where there is one) plus the
// server-side facts the checks need to talk to the server directly from Node.

export type ServerName = 'directus' | 'strapi';

/** How the refresh token travels, which decides how the suite replays it after sign-out. */
export type RefreshCarrier =
  | { kind: 'body'; path: string; field: string; constants?: Record<string, string> }
  | { kind: 'cookie'; path: string; cookie: string; constants?: Record<string, string> };

export interface Configuration {
  server: ServerName;
  /** The server instance it runs against (Strapi's refresh mode is server configuration). */
  instance: 'directus' | 'strapi-cookie' | 'strapi-body';
  /** Shown in the table's configuration column. */
  label: string;
  /** `<jwt-login>` attributes other than base-url. */
  attributes: Record<string, string>;
  /** The endpoint map, written as the element's child <script type="application/json">. */
  endpoints?: Record<string, unknown>;
  refreshCarrier: RefreshCarrier;
}

// ---- Directus 10 -------------------------------------------------------------------------

/** Directus in its JSON mode: tokens in the body, `expires` in milliseconds. */
export const DIRECTUS_JSON = {
  methods: {
    password: {
      submit: { method: 'POST', path: '/auth/login', body: { email: 'email', password: 'password' }, constants: { mode: 'json' } },
    },
  },
  refresh: { method: 'POST', path: '/auth/refresh', body: { refreshToken: 'refresh_token' }, constants: { mode: 'json' } },
  signOut: { method: 'POST', path: '/auth/logout', body: { refreshToken: 'refresh_token' }, constants: { mode: 'json' } },
  response: { accessToken: 'data.access_token', refreshToken: 'data.refresh_token', expiresIn: 'data.expires', expiresInUnit: 'milliseconds' },
  errors: {
    code: 'errors.0.extensions.code',
    message: 'errors.0.message',
    rules: [{ status: 401, code: 'INVALID_CREDENTIALS', to: 'bad-credentials' }],
  },
};

// ---- Strapi 5 users-permissions ----------------------------------------------------------

const STRAPI_ERRORS = {
  code: 'error.name',
  message: 'error.message',
  rules: [{ status: 400, code: 'ValidationError', message: 'Invalid identifier or password', to: 'bad-credentials' }],
};

/** Strapi 5 as create-strapi-app makes it: jwtManagement 'refresh', refresh token in an httpOnly cookie. */
export const STRAPI_COOKIE = {
  methods: {
    password: {
      submit: { method: 'POST', path: '/auth/local', body: { username: 'identifier', password: 'password' }, credentials: 'include' },
    },
  },
  refresh: { method: 'POST', path: '/auth/refresh', credentials: 'include' },
  signOut: { method: 'POST', path: '/auth/logout', bearer: 'accessToken', credentials: 'include' },
  response: { accessToken: 'jwt', refreshToken: 'refreshToken' },
  errors: STRAPI_ERRORS,
  usernameTakesAnyIdentifier: true,
};

/** Strapi 5 with `sessions.httpOnly: false`: the refresh token in the body, rotated on each refresh. */
export const STRAPI_BODY = {
  methods: {
    password: {
      submit: { method: 'POST', path: '/auth/local', body: { username: 'identifier', password: 'password' } },
    },
  },
  refresh: { method: 'POST', path: '/auth/refresh', body: { refreshToken: 'refreshToken' } },
  signOut: { method: 'POST', path: '/auth/logout', bearer: 'accessToken', body: { refreshToken: 'refreshToken' } },
  response: { accessToken: 'jwt', refreshToken: 'refreshToken' },
  errors: STRAPI_ERRORS,
  usernameTakesAnyIdentifier: true,
};

/** The override that turns the `strapi` preset (body mode) into cookie mode (create-strapi-app's default). */
export const STRAPI_COOKIE_OVERRIDE = {
  methods: { password: { submit: { credentials: 'include' } } },
  refresh: { body: {}, credentials: 'include' },
  signOut: { credentials: 'include' },
};

/** The override that turns the `directus` preset (JSON mode) into cookie mode. */
export const DIRECTUS_COOKIE_OVERRIDE = {
  methods: { password: { submit: { constants: { mode: 'cookie' }, credentials: 'include' } } },
  refresh: { body: {}, constants: { mode: 'cookie' }, credentials: 'include' },
  signOut: { body: {}, constants: { mode: 'cookie' }, credentials: 'include' },
};

const directusBody: RefreshCarrier = { kind: 'body', path: '/auth/refresh', field: 'refresh_token', constants: { mode: 'json' } };
const directusCookie: RefreshCarrier = { kind: 'cookie', path: '/auth/refresh', cookie: 'directus_refresh_token', constants: { mode: 'cookie' } };
const strapiBody: RefreshCarrier = { kind: 'body', path: '/auth/refresh', field: 'refreshToken' };
const strapiCookie: RefreshCarrier = { kind: 'cookie', path: '/auth/refresh', cookie: 'strapi_up_refresh' };

export const CONFIGURATIONS: Configuration[] = [
  { server: 'directus', instance: 'directus', label: 'preset `directus`', attributes: { preset: 'directus' }, refreshCarrier: directusBody },
  {
    server: 'directus',
    instance: 'directus',
    label: 'preset `directus` + cookie-mode override',
    attributes: { preset: 'directus' },
    endpoints: DIRECTUS_COOKIE_OVERRIDE,
    refreshCarrier: directusCookie,
  },
  {
    server: 'directus',
    instance: 'directus',
    label: 'preset `custom` + endpoints JSON (JSON mode)',
    attributes: { preset: 'custom' },
    endpoints: DIRECTUS_JSON,
    refreshCarrier: directusBody,
  },
  {
    server: 'strapi',
    instance: 'strapi-body',
    label: 'preset `strapi` (server: sessions.httpOnly false)',
    attributes: { preset: 'strapi' },
    refreshCarrier: strapiBody,
  },
  {
    server: 'strapi',
    instance: 'strapi-body',
    label: 'preset `custom` + endpoints JSON (body mode)',
    attributes: { preset: 'custom' },
    endpoints: STRAPI_BODY,
    refreshCarrier: strapiBody,
  },
  {
    server: 'strapi',
    instance: 'strapi-cookie',
    label: 'preset `strapi` + cookie-mode override (server: httpOnly cookie, as create-strapi-app)',
    attributes: { preset: 'strapi' },
    endpoints: STRAPI_COOKIE_OVERRIDE,
    refreshCarrier: strapiCookie,
  },
  {
    server: 'strapi',
    instance: 'strapi-cookie',
    label: 'preset `custom` + endpoints JSON (cookie mode)',
    attributes: { preset: 'custom' },
    endpoints: STRAPI_COOKIE,
    refreshCarrier: strapiCookie,
  },
];
