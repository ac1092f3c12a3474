/** The four ways to sign in, in their default tab order. */
export const LOGIN_METHODS = ['password', 'api-key', 'phone-otp', 'email-otp'] as const;
export type LoginMethod = (typeof LOGIN_METHODS)[number];

export const PRESET_NAMES = ['wunder', 'datarhei', 'auth-login'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/**
 * The values the widget collects or holds. An endpoint maps each one it sends
 * to the server's own field name.
 */
export type FieldName =
  | 'email'
  | 'username'
  | 'password'
  | 'clientId'
  | 'clientKey'
  | 'phoneNumber'
  | 'code'
  | 'branchId'
  | 'refreshToken';

export type FieldValues = Partial<Record<FieldName, string>>;

/** One HTTP call of an API. */
export interface EndpointSpec {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  /** Relative to `base-url`; `{tenant}` is replaced by the URL-encoded tenant. */
  path: string;
  /** Our field name → the server's field name, in the order they are sent. */
  body?: FieldValues;
  /** Sent as `Authorization: Bearer <value>` instead of in the body. */
  bearer?: 'refreshToken' | 'externalToken';
  /** Signed (default signature or `signer`) when signing is configured. */
  signed?: boolean;
}

/** A sign-in method: one call, or for OTP a code request followed by the sign-in call. */
export interface MethodEndpoints {
  /** OTP step 1: asks the server to send a code. */
  request?: EndpointSpec;
  /** The call that answers with tokens. */
  submit: EndpointSpec;
}

/** Where the tokens are in a successful answer (either casing is also accepted). */
export interface ResponseFields {
  accessToken: string;
  refreshToken: string;
  expiresIn: string;
}

export interface Preset {
  methods: Partial<Record<LoginMethod, MethodEndpoints>>;
  refresh?: EndpointSpec;
  /** Exchanges an external IdP token for this API's tokens. */
  externalToken?: EndpointSpec;
  response: ResponseFields;
  /** The `username` field also takes an e-mail address or a phone number (auth-login). */
  usernameTakesAnyIdentifier?: boolean;
}

/** A partial override of a preset, the `endpoints` property. */
export interface EndpointsOverride {
  methods?: Partial<Record<LoginMethod, { request?: Partial<EndpointSpec>; submit?: Partial<EndpointSpec> }>>;
  refresh?: Partial<EndpointSpec>;
  externalToken?: Partial<EndpointSpec>;
  response?: Partial<ResponseFields>;
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

/** The three APIs of the seed documents (CONTRACT.md, "Presets"). */
export const PRESETS: Readonly<Record<PresetName, Preset>> = {
  wunder: {
    methods: {
      password: {
        submit: { method: 'POST', path: '/{tenant}/auth/sign-in-email', body: { email: 'email', password: 'password' } },
      },
      'api-key': {
        submit: {
          method: 'POST',
          path: '/{tenant}/auth/sign-in-api-client',
          body: { clientId: 'clientId', clientKey: 'clientKey' },
        },
      },
      'phone-otp': {
        request: {
          method: 'POST',
          path: '/{tenant}/front/customers/create-or-sign-in-with-phone-number',
          body: { phoneNumber: 'phoneNumber', branchId: 'branchId' },
          signed: true,
        },
        submit: {
          method: 'POST',
          path: '/{tenant}/auth/sign-in-phone-number',
          body: { phoneNumber: 'phoneNumber', code: 'code' },
        },
      },
      'email-otp': {
        request: {
          method: 'POST',
          path: '/{tenant}/front/customers/create-or-sign-in-with-email-code',
          body: { email: 'email', branchId: 'branchId' },
          signed: true,
        },
        submit: { method: 'POST', path: '/{tenant}/auth/sign-in-email-code', body: { email: 'email', code: 'code' } },
      },
    },
    refresh: { method: 'POST', path: '/{tenant}/auth/refresh', body: { refreshToken: 'refreshToken' } },
    response: camelCaseTokens,
  },
  datarhei: {
    methods: {
      password: { submit: { method: 'POST', path: '/api/login', body: { username: 'username', password: 'password' } } },
    },
    refresh: { method: 'GET', path: '/api/login/refresh', bearer: 'refreshToken' },
    externalToken: { method: 'POST', path: '/api/login', bearer: 'externalToken' },
    response: snakeCaseTokens,
  },
  'auth-login': {
    methods: {
      password: { submit: { method: 'POST', path: '/auth/login', body: { username: 'username', password: 'password' } } },
    },
    refresh: { method: 'POST', path: '/auth/refresh-token', body: { refreshToken: 'refresh_token' } },
    response: snakeCaseTokens,
    usernameTakesAnyIdentifier: true,
  },
};

export function isPresetName(value: unknown): value is PresetName {
  return typeof value === 'string' && (PRESET_NAMES as readonly string[]).includes(value);
}

export function isLoginMethod(value: unknown): value is LoginMethod {
  return typeof value === 'string' && (LOGIN_METHODS as readonly string[]).includes(value);
}

function mergeEndpoint(base: EndpointSpec | undefined, patch: Partial<EndpointSpec> | undefined): EndpointSpec | undefined {
  if (!patch) return base;
  const merged = { ...base, ...patch };
  return merged.method && merged.path ? (merged as EndpointSpec) : base;
}

/** The preset with an `endpoints` override applied; the override may add methods the preset lacks. */
export function resolvePreset(name: PresetName, override?: EndpointsOverride): Preset {
  const base = PRESETS[name];
  if (!override) return base;
  const methods: Preset['methods'] = { ...base.methods };
  for (const method of LOGIN_METHODS) {
    const patch = override.methods?.[method];
    if (!patch) continue;
    const submit = mergeEndpoint(base.methods[method]?.submit, patch.submit);
    if (!submit) continue;
    const request = mergeEndpoint(base.methods[method]?.request, patch.request);
    methods[method] = request ? { request, submit } : { submit };
  }
  return {
    ...base,
    methods,
    refresh: mergeEndpoint(base.refresh, override.refresh),
    externalToken: mergeEndpoint(base.externalToken, override.externalToken),
    response: { ...base.response, ...override.response },
    usernameTakesAnyIdentifier: override.usernameTakesAnyIdentifier ?? base.usernameTakesAnyIdentifier,
  };
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
  if (preset.refresh) list.push(preset.refresh);
  if (preset.externalToken) list.push(preset.externalToken);
  return list;
}

/** Whether any of the preset's paths contain `{tenant}`. */
export function presetNeedsTenant(preset: Preset): boolean {
  return endpointsOf(preset).some((endpoint) => endpoint.path.includes('{tenant}'));
}
