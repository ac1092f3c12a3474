import { secretsEqual } from './constant-time.js';

/** Everything a person needs to try the demo; printed by the CLI and served at /_demo/info. */
export const DEMO_CREDENTIALS = {
  wunder: {
    tenants: { signed: 'acme', unsigned: 'globex' },
    email: 'demo@example.com',
    password: 'demo-password',
    clientId: 'demo-client',
    clientKey: 'demo-client-key',
    phoneNumber: '+436641234567',
  },
  datarhei: { username: 'admin', password: 'datarhei' },
  authLogin: {
    username: 'demo',
    email: 'demo@example.com',
    phone: '+436641234567',
    password: 'demo-password',
    unvalidatedUsername: 'unvalidated',
    disabledUsername: 'disabled',
  },
  exampleId: { login: 'ada', secret: 'lovelace-1815' },
  generic: { email: 'grace@example.com', password: 'cobol-1959', keyId: 'docs-key', keySecret: 'docs-key-secret' },
} as const;

export interface WunderUser {
  sub: string;
  email: string;
  phoneNumber: string;
  name: string;
  password: string;
}

export const WUNDER_DEMO_USER: WunderUser = {
  sub: 'customer-1001',
  email: DEMO_CREDENTIALS.wunder.email,
  phoneNumber: DEMO_CREDENTIALS.wunder.phoneNumber,
  name: 'Dana Demo',
  password: DEMO_CREDENTIALS.wunder.password,
};

export interface WunderApiClient {
  clientId: string;
  clientKey: string;
  name: string;
}

export const WUNDER_API_CLIENT: WunderApiClient = {
  clientId: DEMO_CREDENTIALS.wunder.clientId,
  clientKey: DEMO_CREDENTIALS.wunder.clientKey,
  name: 'Demo API client',
};

export const DATARHEI_ADMIN = DEMO_CREDENTIALS.datarhei;

export interface AuthLoginAccount {
  id: string;
  username: string;
  email: string;
  phone: string;
  name: string;
  password: string;
  state: 'active' | 'not-validated' | 'disabled';
}

export const AUTH_LOGIN_ACCOUNTS: readonly AuthLoginAccount[] = [
  {
    id: 'user-2001',
    username: 'demo',
    email: 'demo@example.com',
    phone: '+436641234567',
    name: 'Dana Demo',
    password: 'demo-password',
    state: 'active',
  },
  {
    id: 'user-2002',
    username: 'unvalidated',
    email: 'unvalidated@example.com',
    phone: '+436641234568',
    name: 'Una Validated',
    password: 'demo-password',
    state: 'not-validated',
  },
  {
    id: 'user-2003',
    username: 'disabled',
    email: 'disabled@example.com',
    phone: '+436641234569',
    name: 'Dirk Disabled',
    password: 'demo-password',
    state: 'disabled',
  },
];

export interface ExampleIdUser {
  sub: string;
  login: string;
  secret: string;
  name: string;
}

export const EXAMPLE_ID_USER: ExampleIdUser = {
  sub: 'person-1815',
  login: DEMO_CREDENTIALS.exampleId.login,
  secret: DEMO_CREDENTIALS.exampleId.secret,
  name: 'Ada Lovelace',
};

/** auth-login's `username` field may hold the user name, the e-mail or the phone number. */
export function findAuthLoginAccount(identifier: string): AuthLoginAccount | undefined {
  const wanted = identifier.trim().toLowerCase();
  return AUTH_LOGIN_ACCOUNTS.find(
    (account) => account.username === wanted || account.email === wanted || account.phone === wanted,
  );
}

export function passwordMatches(given: string, expected: string): boolean {
  return secretsEqual(given, expected);
}
