import type { EndpointPatch, EndpointSpec, EndpointsOverride, ErrorMapping, TokenLocations } from './endpoints-schema.js';
import { configError } from './errors.js';

/** The four ways to sign in, in their default tab order. */
export const LOGIN_METHODS = ['password', 'api-key', 'phone-otp', 'email-otp'] as const;
export type LoginMethod = (typeof LOGIN_METHODS)[number];

/** `custom` starts from nothing: `endpoints` describes the whole API. */
export const PRESET_NAMES = ['wunder', 'datarhei', 'auth-login', 'directus', 'strapi', 'custom'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/** The values the widget collects or holds; a call maps each one it sends to the server's own name. */
export const FIELD_NAMES = [
  'email',
  'username',
  'password',
  'clientId',
  'clientKey',
  'phoneNumber',
  'code',
  'branchId',
  'refreshToken',
] as const;
export type FieldName = (typeof FIELD_NAMES)[number];
export type FieldValues = Partial<Record<FieldName, string>>;

export type { EndpointPatch, EndpointSpec, EndpointsOverride, ErrorMapping, ErrorRule, TokenLocations } from './endpoints-schema.js';

/** A sign-in method: one call, or for OTP a code request followed by the sign-in call. */
export interface MethodEndpoints {
  /** OTP step 1: asks the server to send a code. */
  request?: EndpointSpec;
  /** The call that answers with tokens. */
  submit: EndpointSpec;
}

/** Where the tokens are in a successful answer, with nothing left to default (either casing is also accepted). */
export type ResponseFields = TokenLocations & { accessToken: string; refreshToken: string };

/** A whole API: a preset, or a preset with an `endpoints` override applied. */
export interface Preset {
  methods: Partial<Record<LoginMethod, MethodEndpoints>>;
  refresh?: EndpointSpec;
  /** Exchanges an external IdP token for this API's tokens. */
  externalToken?: EndpointSpec;
  /** Revokes the tokens on the server when the user signs out. */
  signOut?: EndpointSpec;
  response: ResponseFields;
  errors?: ErrorMapping;
  /** The `username` field also takes an e-mail address or a phone number (auth-login). */
  usernameTakesAnyIdentifier?: boolean;
}

const camelCaseTokens: ResponseFields = {
  accessToken: 'accessToken',
  refreshToken: 'refreshToken',
  expiresIn: 'expiresIn',
};

const snakeCaseTokens: ResponseFields = {
  accessToken: 'access_token',
  refreshToken: 'refresh_token',
  expiresIn: 'expires_in',
};

/** A POST call: most calls of the presets are one. */
function post(path: string, body?: Record<string, string>, more?: Omit<EndpointSpec, 'method' | 'path' | 'body'>): EndpointSpec {
  return { method: 'POST', path, ...(body && { body }), ...more };
}

/**
 * Wunder's OTP methods: a signed request that sends a code to the recipient (for a branch),
 * then the sign-in with the recipient and that code.
 */
function wunderOtp(recipient: 'phoneNumber' | 'email', requestPath: string, signInPath: string): MethodEndpoints {
  return {
    request: post(`/{tenant}/front/customers/${requestPath}`, { [recipient]: recipient, branchId: 'branchId' }, { signed: true }),
    submit: post(`/{tenant}/auth/${signInPath}`, { [recipient]: recipient, code: 'code' }),
  };
}

/**
 * The three APIs of the seed documents (CONTRACT.md, "Presets") and two open-source
 * backends, from their own documentation, each checked against the real server by
 * `npm run test:servers`.
 */
export const PRESETS: Readonly<Record<PresetName, Preset>> = {
  wunder: {
    methods: {
      password: { submit: post('/{tenant}/auth/sign-in-email', { email: 'email', password: 'password' }) },
      'api-key': { submit: post('/{tenant}/auth/sign-in-api-client', { clientId: 'clientId', clientKey: 'clientKey' }) },
      'phone-otp': wunderOtp('phoneNumber', 'create-or-sign-in-with-phone-number', 'sign-in-phone-number'),
      'email-otp': wunderOtp('email', 'create-or-sign-in-with-email-code', 'sign-in-email-code'),
    },
    refresh: post('/{tenant}/auth/refresh', { refreshToken: 'refreshToken' }),
    response: camelCaseTokens,
  },
  datarhei: {
    methods: {
      password: { submit: post('/api/login', { username: 'username', password: 'password' }) },
    },
    refresh: { method: 'GET', path: '/api/login/refresh', bearer: 'refreshToken' },
    externalToken: post('/api/login', undefined, { bearer: 'externalToken' }),
    response: snakeCaseTokens,
  },
  'auth-login': {
    methods: {
      password: { submit: post('/auth/login', { username: 'username', password: 'password' }) },
    },
    refresh: post('/auth/refresh-token', { refreshToken: 'refresh_token' }),
    response: snakeCaseTokens,
    usernameTakesAnyIdentifier: true,
  },
  // Directus 10 (docs.directus.io, "Authentication"): everything under `data`, `expires` in ms,
  // refresh tokens rotate, and /auth/logout revokes one.
  directus: {
    methods: {
      password: {
        submit: post('/auth/login', { email: 'email', password: 'password' }, {
          constants: { mode: 'json' },
          errors: { rules: [{ code: 'INVALID_CREDENTIALS', to: 'bad-credentials' }] },
        }),
      },
    },
    refresh: post('/auth/refresh', { refreshToken: 'refresh_token' }, { constants: { mode: 'json' } }),
    signOut: post('/auth/logout', { refreshToken: 'refresh_token' }, { constants: { mode: 'json' } }),
    response: {
      accessToken: 'data.access_token',
      refreshToken: 'data.refresh_token',
      expiresIn: 'data.expires',
      expiresInUnit: 'milliseconds',
    },
    errors: {
      code: 'errors.0.extensions.code',
      message: 'errors.0.message',
      // INVALID_CREDENTIALS is also how a revoked refresh token is answered: its rule is the sign-in call's alone.
      rules: [
        { code: 'TOKEN_EXPIRED', to: 'token-expired' },
        { code: 'USER_SUSPENDED', to: 'inactive-account' },
        { code: 'INVALID_OTP', to: 'invalid-code' },
        { code: 'INVALID_PAYLOAD', to: 'invalid-input' },
        { code: 'REQUESTS_EXCEEDED', to: 'rate-limited' },
      ],
    },
  },
  // Strapi 5's users-permissions plugin (5.24.1 and later) in its refresh mode
  // (`jwtManagement: 'refresh'`) with the refresh token in the answer (`sessions.httpOnly:
  // false`); the README shows the override for its httpOnly cookie. base-url is the API root,
  // e.g. https://cms.example.com/api. A wrong password is a 400; sign-out needs the access token.
  strapi: {
    methods: {
      password: {
        submit: post('/auth/local', { username: 'identifier', password: 'password' }, {
          errors: { rules: [{ status: 400, message: 'Invalid identifier or password', to: 'bad-credentials' }] },
        }),
      },
    },
    refresh: post('/auth/refresh', { refreshToken: 'refreshToken' }),
    signOut: post('/auth/logout', undefined, { bearer: 'accessToken' }),
    response: { accessToken: 'jwt', refreshToken: 'refreshToken' },
    errors: {
      code: 'error.name',
      message: 'error.message',
      rules: [
        { message: 'email is not confirmed', to: 'account-not-validated' },
        { message: 'has been blocked', to: 'inactive-account' },
      ],
    },
    usernameTakesAnyIdentifier: true,
  },
  custom: { methods: {}, response: camelCaseTokens },
};

export function isPresetName(value: unknown): value is PresetName {
  return typeof value === 'string' && (PRESET_NAMES as readonly string[]).includes(value);
}

export function isLoginMethod(value: unknown): value is LoginMethod {
  return typeof value === 'string' && (LOGIN_METHODS as readonly string[]).includes(value);
}

/** A call of the preset with a patch over it; a call must end up with a method and a path. */
function mergeCall(name: string, base: EndpointSpec | undefined, patch: EndpointPatch | undefined): EndpointSpec | undefined {
  if (!patch) return base;
  const merged = { ...base, ...patch };
  for (const key of ['method', 'path'] as const) {
    if (!merged[key]) throw configError('endpoints', `endpoints.${name}.${key} is missing`);
  }
  return merged as EndpointSpec;
}

/** A call that an override may remove with `"none"`. */
function mergeOptionalCall(
  name: 'refresh' | 'externalToken' | 'signOut',
  base: EndpointSpec | undefined,
  patch: EndpointPatch | 'none' | undefined,
): EndpointSpec | undefined {
  return patch === 'none' ? undefined : mergeCall(name, base, patch);
}

/** The error mappings combined: the override's rules are tried before the preset's. */
function mergeErrors(base: ErrorMapping | undefined, patch: ErrorMapping | undefined): ErrorMapping | undefined {
  if (!patch) return base;
  return { ...base, ...patch, rules: [...(patch.rules ?? []), ...(base?.rules ?? [])] };
}

/**
 * The preset with an `endpoints` override applied; the override may add methods the preset
 * lacks, and remove its refresh, external-token or sign-out call with `"none"`. A call left
 * without a method or path is a config-error naming it.
 */
export function resolvePreset(name: PresetName, override?: EndpointsOverride): Preset {
  const base = PRESETS[name];
  if (!override) return base;
  const methods: Preset['methods'] = { ...base.methods };
  for (const method of LOGIN_METHODS) {
    const patch = override.methods?.[method];
    if (!patch) continue;
    const submit = mergeCall(`methods.${method}.submit`, base.methods[method]?.submit, patch.submit);
    if (!submit) throw configError('endpoints', `endpoints.methods.${method}.submit is missing`);
    const request = mergeCall(`methods.${method}.request`, base.methods[method]?.request, patch.request);
    methods[method] = request ? { request, submit } : { submit };
  }
  const optional: Omit<Preset, 'methods' | 'response'> = {
    refresh: mergeOptionalCall('refresh', base.refresh, override.refresh),
    externalToken: mergeOptionalCall('externalToken', base.externalToken, override.externalToken),
    signOut: mergeOptionalCall('signOut', base.signOut, override.signOut),
    errors: mergeErrors(base.errors, override.errors),
    usernameTakesAnyIdentifier: override.usernameTakesAnyIdentifier ?? base.usernameTakesAnyIdentifier,
  };
  // Absent rather than `undefined`, as in the preset tables.
  const present = Object.entries(optional).filter(([, value]) => value !== undefined);
  return { methods, response: { ...base.response, ...override.response }, ...Object.fromEntries(present) };
}

/** The methods a preset can do, in the contract's default order. */
export function supportedMethods(preset: Preset): LoginMethod[] {
  return LOGIN_METHODS.filter((method) => preset.methods[method]);
}

function endpointsOf(preset: Preset): EndpointSpec[] {
  const list: EndpointSpec[] = [];
  for (const method of Object.values(preset.methods)) {
    if (method.request) list.push(method.request);
    list.push(method.submit);
  }
  for (const call of [preset.refresh, preset.externalToken, preset.signOut]) if (call) list.push(call);
  return list;
}

/** Whether any of the preset's paths contain `{tenant}`. */
export function presetNeedsTenant(preset: Preset): boolean {
  return endpointsOf(preset).some((endpoint) => endpoint.path.includes('{tenant}'));
}
