import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { answerPreflight, applyCors, DEMO_CORS } from './cors.js';
import { DEMO_PREFIX } from './demo-routes.js';
import { faultAnswers, type Fault, type FaultQueue } from './faults.js';
import {
  ApiError,
  BodyTooLargeError,
  findRoute,
  isStreamReply,
  readBody,
  renderMessageError,
  sendJson,
  type Mount,
  type RequestContext,
} from './http.js';
import type { RequestLog } from './request-log.js';

export interface DispatchDependencies {
  mounts: Mount[];
  faults: FaultQueue;
  requests: RequestLog;
  log: (line: string) => void;
  now: () => number;
  /** Aborted when the server closes. */
  signal: AbortSignal;
}


const FALLBACK_MOUNT: Mount = {
  prefix: '',
  cors: DEMO_CORS,
  routes: [],
  renderError: renderMessageError,
};

/** The one request listener: finds the API, handles CORS and faults, routes, renders errors. */
export function createDispatcher(deps: DispatchDependencies) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const started = Date.now();
    response.on('finish', () => {
      deps.log(`${request.method} ${pathnameOf(request.url)} ${response.statusCode} ${Date.now() - started}ms`);
    });
    dispatch(deps, request, response).catch((error: unknown) => {
      // Only reached when even the error answer failed; the connection is beyond saving.
      deps.log(`internal error: ${error instanceof Error ? error.message : String(error)}`);
      response.destroy();
    });
  };
}

async function dispatch(deps: DispatchDependencies, request: IncomingMessage, response: ServerResponse) {
  const target = request.url ?? '/';
  const url = new URL(target, 'http://stand-in.invalid');
  const pathname = url.pathname;
  const method = request.method ?? 'GET';
  // The demo helpers are never faulted nor recorded, so tests can always reach them.
  const isDemo = pathname === DEMO_PREFIX || pathname.startsWith(`${DEMO_PREFIX}/`);
  const mount =
    deps.mounts.find((candidate) => pathname === candidate.prefix || pathname.startsWith(`${candidate.prefix}/`)) ??
    FALLBACK_MOUNT;
  const traceId = randomBytes(8).toString('hex');
  const logged = isDemo ? undefined : deps.requests.record(request, deps.now());
  if (logged) response.on('finish', () => (logged.status = response.statusCode));

  applyCors(mount.cors, request, response);
  response.setHeader('X-Trace-Id', traceId);
  if (method === 'OPTIONS') {
    request.resume();
    answerPreflight(mount.cors, request, response);
    return;
  }

  const fault = isDemo ? undefined : deps.faults.take(target);
  if (fault) {
    const answered = await applyFault(fault, request, response, deps.signal);
    if (answered) return;
  }

  try {
    const found = findRoute(mount.routes, method, pathname.slice(mount.prefix.length));
    if (!('route' in found)) {
      if (found.allowed.length > 0) {
        throw new ApiError(405, 'Method not allowed', { headers: { Allow: [...found.allowed, 'OPTIONS'].join(', ') } });
      }
      throw new ApiError(404, 'Not found');
    }
    const rawBody = await readBody(request);
    if (logged) logged.body = rawBody;
    const context: RequestContext = {
      method,
      target,
      pathname,
      query: url.searchParams,
      params: found.params,
      headers: request.headers,
      rawBody,
      traceId,
      signal: deps.signal,
    };
    const reply = await found.route.handle(context);
    if (isStreamReply(reply)) reply.stream(response);
    else sendJson(response, reply);
  } catch (error) {
    if (deps.signal.aborted) {
      response.destroy();
      return;
    }
    const apiError = toApiError(error, deps.log);
    const rendered = mount.renderError(apiError, traceId);
    sendJson(response, { ...rendered, headers: { ...apiError.extra.headers, ...rendered.headers } });
  }
}

/** Returns true when the fault took the place of the real answer. */
async function applyFault(
  fault: Fault,
  request: IncomingMessage,
  response: ServerResponse,
  signal: AbortSignal,
): Promise<boolean> {
  if (fault.drop) {
    request.socket.destroy();
    return true;
  }
  if (fault.hang) {
    request.resume();
    return true;
  }
  if (fault.delayMs) {
    try {
      await sleep(fault.delayMs, undefined, { signal });
    } catch {
      response.destroy();
      return true;
    }
  }
  for (const [name, value] of Object.entries(fault.headers ?? {})) response.setHeader(name, value);
  if (!faultAnswers(fault)) return false;
  request.resume();
  if (response.destroyed) return true;
  response.writeHead(fault.status ?? 500).end(fault.body ?? '');
  return true;
}

function toApiError(error: unknown, log: (line: string) => void): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof BodyTooLargeError) return new ApiError(413, error.message);
  log(`unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return new ApiError(500, 'Internal server error');
}

function pathnameOf(target: string | undefined): string {
  // Query strings are left out of the log: they are not ours to print.
  return (target ?? '/').split('?')[0]!;
}
