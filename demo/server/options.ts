import { randomBytes } from 'node:crypto';

export type ApiName = 'wunder' | 'datarhei' | 'authLogin' | 'exampleId' | 'generic';

export interface Lifetimes {
  /** Access-token lifetime in seconds. */
  access: number;
  /** Refresh-token lifetime in seconds. */
  refresh: number;
}

type PerApi<T> = Partial<Record<ApiName, T>>;

export interface AuthServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Access-token lifetime in seconds: one number for every API, or per API. */
  accessTtl?: number | PerApi<number>;
  /** Refresh-token lifetime in seconds: one number for every API, or per API. */
  refreshTtl?: number | PerApi<number>;
  /** Both lifetimes per API; wins over `accessTtl` / `refreshTtl`. */
  ttl?: PerApi<Partial<Lifetimes>>;
  /** datarhei's deliberate delay before rejecting a wrong user name or password. Default 5000. */
  datarheiFailDelayMs?: number;
  /** Key of the request signature wunder's tenant `acme` requires. Default `demo-signing-key`. */
  signingKey?: string;
  /** Secret the APIs derive their JWT keys from. Default: random per start. */
  jwtSecret?: string;
  /** One line per request (method, path, status, duration). Never receives secrets. */
  log?: (line: string) => void;
  /** The server's clock in ms since epoch; tests move it to expire tokens and codes. */
  now?: () => number;
}

export interface ResolvedAuthServerOptions {
  port: number;
  host: string;
  ttl: Record<ApiName, Lifetimes>;
  datarheiFailDelayMs: number;
  signingKey: string;
  jwtSecret: string;
  log: (line: string) => void;
  now: () => number;
}

/** Lifetimes from the seed documents (example-id's are the stand-in's own). */
export const DEFAULT_LIFETIMES: Record<ApiName, Lifetimes> = {
  wunder: { access: 5 * 60 * 60, refresh: 30 * 24 * 60 * 60 },
  datarhei: { access: 600, refresh: 86_400 },
  authLogin: { access: 60 * 60, refresh: 7 * 24 * 60 * 60 },
  exampleId: { access: 900, refresh: 86_400 },
  generic: { access: 900, refresh: 86_400 },
};

export const DEFAULT_SIGNING_KEY = 'demo-signing-key';

export function resolveOptions(options: AuthServerOptions = {}): ResolvedAuthServerOptions {
  const lifetime = (api: ApiName, kind: keyof Lifetimes): number => {
    const shared = kind === 'access' ? options.accessTtl : options.refreshTtl;
    const value =
      options.ttl?.[api]?.[kind] ??
      (typeof shared === 'number' ? shared : shared?.[api]) ??
      DEFAULT_LIFETIMES[api][kind];
    if (!Number.isFinite(value) || value <= 0) {
      throw new RangeError(`${api} ${kind} lifetime must be a positive number of seconds`);
    }
    return value;
  };
  const lifetimes = (api: ApiName): Lifetimes => ({
    access: lifetime(api, 'access'),
    refresh: lifetime(api, 'refresh'),
  });
  return {
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    ttl: {
      wunder: lifetimes('wunder'),
      datarhei: lifetimes('datarhei'),
      authLogin: lifetimes('authLogin'),
      exampleId: lifetimes('exampleId'),
      generic: lifetimes('generic'),
    },
    datarheiFailDelayMs: options.datarheiFailDelayMs ?? 5000,
    signingKey: options.signingKey ?? DEFAULT_SIGNING_KEY,
    jwtSecret: options.jwtSecret ?? randomBytes(32).toString('base64url'),
    log: options.log ?? (() => {}),
    now: options.now ?? Date.now,
  };
}
