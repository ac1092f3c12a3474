import type { ServerResponse } from 'node:http';
import type { SimulatedAuth0 } from './auth0.js';
import { DEMO_CORS } from './cors.js';
import type { FaultQueue, FaultSpec } from './faults.js';
import {
  ApiError,
  jsonObject,
  renderMessageError,
  type Mount,
  type RequestContext,
  type StreamReply,
} from './http.js';
import type { ApiName } from './options.js';
import type { OtpOutbox } from './outbox.js';
import type { RequestLog } from './request-log.js';
import { DEMO_CREDENTIALS } from './users.js';

export const DEMO_PREFIX = '/_demo';

export interface DemoDependencies {
  outbox: OtpOutbox;
  faults: FaultQueue;
  requests: RequestLog;
  auth0: SimulatedAuth0;
  /** Base URLs of the APIs, known once the server listens. */
  baseUrls(): Record<ApiName, string>;
}

const KEEPALIVE_MS = 15_000;

/** Helpers for the demo page and the tests: the OTP outbox, fault injection, an Auth0 stand-in. */
export function demoMount(deps: DemoDependencies): Mount {
  return {
    prefix: DEMO_PREFIX,
    cors: DEMO_CORS,
    renderError: renderMessageError,
    routes: [
      { method: 'GET', path: '/info', handle: () => ({ status: 200, body: info(deps) }) },
      { method: 'GET', path: '/outbox', handle: () => ({ status: 200, body: deps.outbox.list() }) },
      { method: 'GET', path: '/outbox/events', handle: () => outboxEvents(deps.outbox) },
      { method: 'GET', path: '/faults', handle: () => ({ status: 200, body: deps.faults.list() }) },
      { method: 'POST', path: '/faults', handle: (context) => addFault(deps.faults, context) },
      { method: 'DELETE', path: '/faults', handle: () => (deps.faults.clear(), { status: 204 }) },
      { method: 'GET', path: '/requests', handle: () => ({ status: 200, body: deps.requests.listPublic() }) },
      { method: 'GET', path: '/auth0-token', handle: (context) => auth0Token(deps.auth0, context) },
      { method: 'POST', path: '/auth0-token', handle: (context) => auth0Token(deps.auth0, context) },
    ],
  };
}

function info(deps: DemoDependencies) {
  return { apis: deps.baseUrls(), credentials: DEMO_CREDENTIALS };
}

function addFault(faults: FaultQueue, context: RequestContext) {
  try {
    return { status: 201, body: faults.add(jsonObject(context) as unknown as FaultSpec) };
  } catch (error) {
    if (error instanceof TypeError) throw new ApiError(400, error.message);
    throw error;
  }
}

async function auth0Token(auth0: SimulatedAuth0, context: RequestContext) {
  const fromBody = context.rawBody.trim() === '' ? undefined : jsonObject(context).sub;
  const sub = context.query.get('sub') ?? (typeof fromBody === 'string' ? fromBody : undefined);
  return { status: 200, body: { token: await auth0.issue(sub || undefined) } };
}

/** Pushes every new OTP message as a Server-Sent Event, so the demo page shows codes live. */
function outboxEvents(outbox: OtpOutbox): StreamReply {
  return {
    stream(response: ServerResponse) {
      response.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      response.write('retry: 2000\n\n');
      const unsubscribe = outbox.subscribe((message) => {
        response.write(`data: ${JSON.stringify(message)}\n\n`);
      });
      // A comment now and then keeps proxies from closing an idle stream.
      const keepalive = setInterval(() => response.write(': keepalive\n\n'), KEEPALIVE_MS);
      response.on('close', () => {
        clearInterval(keepalive);
        unsubscribe();
      });
    },
  };
}
