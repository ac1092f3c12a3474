import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { CorsPolicy } from './cors.js';

/** A failure an API answers with; each mount renders it in its own error shape. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: {
      /** Machine-readable code, e.g. auth-login's `error_code`. */
      code?: string;
      /** datarhei's `details[]`. */
      details?: string[];
      /** auth-login's `extra_attributes`. */
      attributes?: Record<string, unknown>;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(message);
  }
}

export interface RequestContext {
  method: string;
  /** Pathname plus query exactly as received: what a request signature covers. */
  target: string;
  pathname: string;
  query: URLSearchParams;
  /** Values of the `:name` segments of the matched route. */
  params: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** The request body as text, exactly as sent. */
  rawBody: string;
  traceId: string;
  /** Aborted when the server closes, so long waits end with it. */
  signal: AbortSignal;
}

export interface JsonReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A reply that keeps the connection open and writes to it itself (Server-Sent Events). */
export interface StreamReply {
  stream(response: ServerResponse): void;
}

export type Reply = JsonReply | StreamReply;

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Relative to the mount prefix; `:name` matches one path segment. */
  path: string;
  handle(context: RequestContext): Promise<Reply> | Reply;
}

/** One API under one path prefix: its routes, its CORS rules and its error shape. */
export interface Mount {
  prefix: string;
  cors: CorsPolicy;
  routes: Route[];
  renderError(error: ApiError, traceId: string): JsonReply;
}

/** The `{ message, status }` error body of wunder and of the demo helpers. */
export function renderMessageError(error: ApiError): JsonReply {
  return { status: error.status, body: { message: error.message, status: error.status } };
}

export const BODY_LIMIT_BYTES = 64 * 1024;

export class BodyTooLargeError extends Error {}

export function findRoute(
  routes: Route[],
  method: string,
  path: string,
): { route: Route; params: Record<string, string> } | { allowed: string[] } {
  const allowed: string[] = [];
  for (const route of routes) {
    const params = matchPath(route.path, path);
    if (!params) continue;
    if (route.method === method) return { route, params };
    allowed.push(route.method);
  }
  return { allowed };
}

function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const patternParts = pattern.split('/');
  const pathParts = path.split('/');
  if (patternParts.length !== pathParts.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of patternParts.entries()) {
    const actual = pathParts[index]!;
    if (part.startsWith(':')) {
      if (actual === '') return undefined;
      try {
        params[part.slice(1)] = decodeURIComponent(actual);
      } catch {
        return undefined;
      }
    } else if (part !== actual) {
      return undefined;
    }
  }
  return params;
}

/**
 * Reads the whole body; past the limit the rest is drained and discarded, so the
 * client still receives the 413 instead of a reset connection.
 */
export function readBody(request: IncomingMessage, limit = BODY_LIMIT_BYTES): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    request.on('end', () => {
      if (size > limit) reject(new BodyTooLargeError(`Request body exceeds ${limit} bytes`));
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    request.on('error', reject);
  });
}

export function sendJson(response: ServerResponse, reply: JsonReply): void {
  if (response.headersSent || response.destroyed) return;
  for (const [name, value] of Object.entries(reply.headers ?? {})) response.setHeader(name, value);
  if (reply.body === undefined) {
    response.writeHead(reply.status).end();
    return;
  }
  const text = JSON.stringify(reply.body);
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.setHeader('Cache-Control', 'no-store');
  response.writeHead(reply.status).end(text);
}

export function isStreamReply(reply: Reply): reply is StreamReply {
  return 'stream' in reply;
}

/** The request body as a JSON object, or a 400. */
export function jsonObject(context: RequestContext): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(context.rawBody);
  } catch {
    throw new ApiError(400, 'Request body must be JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ApiError(400, 'Request body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

/** A non-empty string field of a request body, or a 400 naming the field. */
export function requireString(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ApiError(400, `${field} is required`);
  }
  return value;
}

export function optionalString(body: Record<string, unknown>, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new ApiError(400, `${field} must be a string`);
  }
  return String(value);
}

/** The token of an `Authorization: Bearer <token>` header, if there is one. */
export function bearerToken(headers: IncomingHttpHeaders): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
  return match?.[1];
}
