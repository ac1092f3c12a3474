import type { IncomingMessage } from 'node:http';

export interface LoggedRequest {
  method: string;
  /** Pathname plus query. */
  path: string;
  /** Names of the request headers sent, lower-case. */
  headerNames: string[];
  origin?: string;
  /** `Access-Control-Request-Headers` of a preflight. */
  requestedHeaders?: string;
  /** The Authorization scheme, e.g. `Bearer`. */
  authScheme?: string;
  /**
   * Full Authorization header and raw body: in process only (tests check which token
   * or which fields were sent); never served over HTTP.
   */
  authorization?: string;
  body?: string;
  /** Set once answered. */
  status?: number;
  /** ms since epoch. */
  at: number;
}

const KEPT_REQUESTS = 100;

/** The last requests the APIs received, oldest first. */
export class RequestLog {
  private readonly entries: LoggedRequest[] = [];

  record(request: IncomingMessage, at: number): LoggedRequest {
    const authorization = request.headers.authorization;
    const entry: LoggedRequest = {
      method: request.method ?? 'GET',
      path: request.url ?? '/',
      headerNames: Object.keys(request.headers),
      at,
      ...(request.headers.origin ? { origin: request.headers.origin } : {}),
      ...(request.headers['access-control-request-headers']
        ? { requestedHeaders: request.headers['access-control-request-headers'] }
        : {}),
      ...(authorization ? { authorization, authScheme: authorization.split(' ')[0] } : {}),
    };
    this.entries.push(entry);
    if (this.entries.length > KEPT_REQUESTS) this.entries.shift();
    return entry;
  }

  /** Every kept request with everything recorded about it. */
  list(): LoggedRequest[] {
    return this.entries.map((entry) => ({ ...entry }));
  }

  /** What may leave the process: no token, no body. */
  listPublic(): Omit<LoggedRequest, 'authorization' | 'body'>[] {
    return this.entries.map(({ authorization: _authorization, body: _body, ...rest }) => ({ ...rest }));
  }

  clear(): void {
    this.entries.length = 0;
  }
}
