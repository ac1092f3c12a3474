import type { IncomingMessage, ServerResponse } from 'node:http';

export interface CorsPolicy {
  /** `reflect` echoes the request's Origin; `*` allows any origin without credentials. */
  origin: 'reflect' | '*';
  methods: string[];
  allowHeaders: string[];
  exposeHeaders: string[];
  maxAgeSeconds?: number;
  /** Lets a page send and receive cookies (`credentials: 'include'`); needs a reflected origin. */
  credentials?: boolean;
}

const METHODS = ['GET', 'POST', 'OPTIONS'];

/** wunder: the widget's signature headers must pass the preflight. */
export const WUNDER_CORS: CorsPolicy = {
  origin: 'reflect',
  methods: METHODS,
  allowHeaders: [
    'Content-Type',
    'Authorization',
    'Accept',
    'Accept-Language',
    'X-Timestamp',
    'X-Nonce',
    'X-Signature',
  ],
  exposeHeaders: ['Retry-After', 'X-Trace-Id'],
  maxAgeSeconds: 600,
};

/**
 * datarhei-core's own rules (seed and contract): a fixed short list, so a client that
 * sends any other header is refused by the browser's preflight.
 */
export const DATARHEI_CORS: CorsPolicy = {
  origin: '*',
  methods: METHODS,
  allowHeaders: ['Origin', 'Content-Length', 'Content-Type', 'Authorization'],
  exposeHeaders: [],
};

export const AUTH_LOGIN_CORS: CorsPolicy = {
  origin: 'reflect',
  methods: METHODS,
  allowHeaders: ['Content-Type', 'Authorization', 'Accept', 'Accept-Language'],
  exposeHeaders: ['Retry-After', 'X-Trace-Id'],
  maxAgeSeconds: 600,
};

/** example-id: sign-in is a PUT, and every call carries the API version header. */
export const EXAMPLE_ID_CORS: CorsPolicy = {
  origin: 'reflect',
  methods: ['GET', 'POST', 'PUT', 'OPTIONS'],
  allowHeaders: ['Content-Type', 'Authorization', 'X-Api-Version'],
  exposeHeaders: ['Retry-After', 'X-Trace-Id'],
  maxAgeSeconds: 600,
};

/** generic: a refresh token in an httpOnly cookie, so credentialed requests must pass. */
export const GENERIC_CORS: CorsPolicy = {
  origin: 'reflect',
  methods: ['GET', 'POST', 'OPTIONS'],
  allowHeaders: ['Content-Type', 'Authorization'],
  exposeHeaders: ['Retry-After'],
  maxAgeSeconds: 600,
  credentials: true,
};

export const DEMO_CORS: CorsPolicy = {
  origin: 'reflect',
  methods: ['GET', 'POST', 'DELETE', 'OPTIONS'],
  allowHeaders: ['Content-Type', 'Accept'],
  exposeHeaders: ['X-Trace-Id'],
  maxAgeSeconds: 600,
};

export function applyCors(policy: CorsPolicy, request: IncomingMessage, response: ServerResponse): void {
  if (policy.origin === '*') {
    response.setHeader('Access-Control-Allow-Origin', '*');
  } else {
    response.setHeader('Vary', 'Origin');
    const origin = request.headers.origin;
    if (origin) response.setHeader('Access-Control-Allow-Origin', origin);
  }
  if (policy.credentials) response.setHeader('Access-Control-Allow-Credentials', 'true');
  if (policy.exposeHeaders.length > 0) {
    response.setHeader('Access-Control-Expose-Headers', policy.exposeHeaders.join(', '));
  }
}

/** Answers a preflight with the policy's fixed lists, whatever the browser asked for. */
export function answerPreflight(policy: CorsPolicy, request: IncomingMessage, response: ServerResponse): void {
  applyCors(policy, request, response);
  response.setHeader('Access-Control-Allow-Methods', policy.methods.join(', '));
  response.setHeader('Access-Control-Allow-Headers', policy.allowHeaders.join(', '));
  if (policy.maxAgeSeconds !== undefined) {
    response.setHeader('Access-Control-Max-Age', String(policy.maxAgeSeconds));
  }
  response.setHeader('Content-Length', '0');
  response.writeHead(204).end();
}
