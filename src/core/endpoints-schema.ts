import * as v from 'valibot';
import { SERVER_ERROR_CODES } from './errors.js';
import { FIELD_NAMES, LOGIN_METHODS, type LoginMethod } from './presets.js';

/**
 * The configuration of an API as plain JSON data: what the `endpoints` property, attribute
 * or child `<script type="application/json">` holds, and what each preset is written in.
 * These schemas are the one description of the format; the types are inferred from them.
 */

/** How an expiry read from the answer counts. */
export const EXPIRES_IN_UNITS = ['seconds', 'milliseconds'] as const;

const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const BEARER_SOURCES = ['accessToken', 'refreshToken', 'externalToken'] as const;
const CREDENTIALS = ['omit', 'same-origin', 'include'] as const;
const ENCODINGS = ['json', 'form'] as const;

const text = v.string();
const constant = v.union([v.string(), v.number(), v.boolean(), v.null()]);

/** Where the tokens and the expiry are in a successful answer: dot paths, e.g. `data.access_token`. */
const TokenLocationsSchema = v.strictObject({
  accessToken: v.optional(text),
  refreshToken: v.optional(text),
  /** A lifetime relative to the answer's arrival, in `expiresInUnit`. */
  expiresIn: v.optional(text),
  expiresInUnit: v.optional(v.picklist(EXPIRES_IN_UNITS)),
  /** An absolute expiry: epoch seconds, epoch milliseconds or an ISO date. */
  expiresAt: v.optional(text),
});

/** One rule: every criterion given must match (status; server code, exactly; message, as a substring). */
const ErrorRuleSchema = v.strictObject({
  status: v.optional(v.union([v.number(), v.array(v.number())])),
  code: v.optional(text),
  message: v.optional(text),
  to: v.picklist(SERVER_ERROR_CODES),
});

/** How a failed answer maps to the contract's codes, and where the server's code and message are. */
const ErrorMappingSchema = v.strictObject({
  code: v.optional(text),
  message: v.optional(text),
  rules: v.optional(v.array(ErrorRuleSchema)),
});

const callEntries = {
  method: v.picklist(HTTP_METHODS),
  /** Relative to `base-url`; `{tenant}` is replaced by the URL-encoded tenant. */
  path: text,
  /** Constant query parameters. */
  query: v.optional(v.record(text, text)),
  /** Our field name → the server's (a dot path nests it in a JSON body); sent in this order, empty ones left out. */
  body: v.optional(v.record(v.picklist(FIELD_NAMES), text)),
  /** Fixed values sent with the fields (`grant_type`, `mode`, `strategy`): the server's name → value. */
  constants: v.optional(v.record(text, constant)),
  /** `json` (default) or `form` (`application/x-www-form-urlencoded`). A GET sends its fields as query. */
  encoding: v.optional(v.picklist(ENCODINGS)),
  /** Sent as `Authorization: Bearer <value>`. */
  bearer: v.optional(v.picklist(BEARER_SOURCES)),
  /** `omit` by default; `include` sends and keeps cookies (a refresh token in an httpOnly cookie). */
  credentials: v.optional(v.picklist(CREDENTIALS)),
  /** Signed (default signature or `signer`) when signing is configured. */
  signed: v.optional(v.boolean()),
  /** This call's token locations, over the API's `response`. */
  response: v.optional(TokenLocationsSchema),
  /** This call's error mapping, before the API's `errors`. */
  errors: v.optional(ErrorMappingSchema),
};

const CallPatchSchema = v.strictObject({
  ...callEntries,
  method: v.optional(callEntries.method),
  path: v.optional(callEntries.path),
});

/** `"none"` removes a call the preset has: the API has no refresh, no sign-out … */
const NONE = v.literal('none');

const MethodPatchSchema = v.strictObject({ request: v.optional(CallPatchSchema), submit: v.optional(CallPatchSchema) });

/** An `endpoints` value: over a preset, every key is optional and only what is given changes. */
export const EndpointsSchema = v.strictObject({
  methods: v.optional(v.strictObject(Object.fromEntries(LOGIN_METHODS.map((name) => [name, v.optional(MethodPatchSchema)])) as {
    [M in LoginMethod]: v.OptionalSchema<typeof MethodPatchSchema, undefined>;
  })),
  refresh: v.optional(v.union([NONE, CallPatchSchema])),
  externalToken: v.optional(v.union([NONE, CallPatchSchema])),
  signOut: v.optional(v.union([NONE, CallPatchSchema])),
  response: v.optional(TokenLocationsSchema),
  errors: v.optional(ErrorMappingSchema),
  /** The `username` field also takes an e-mail address or a phone number. */
  usernameTakesAnyIdentifier: v.optional(v.boolean()),
});

/** One HTTP call of an API. */
export type EndpointSpec = v.InferOutput<v.StrictObjectSchema<typeof callEntries, undefined>>;
export type EndpointPatch = v.InferOutput<typeof CallPatchSchema>;
export type TokenLocations = v.InferOutput<typeof TokenLocationsSchema>;
export type ErrorMapping = v.InferOutput<typeof ErrorMappingSchema>;
export type ErrorRule = v.InferOutput<typeof ErrorRuleSchema>;
/** A partial override of a preset: the `endpoints` property. */
export type EndpointsOverride = v.InferOutput<typeof EndpointsSchema>;

function issuePath(issue: v.BaseIssue<unknown>): string {
  return ['endpoints', ...(issue.path ?? []).map((item) => String(item.key))].join('.');
}

function describeIssue(issue: v.BaseIssue<unknown>): string {
  const where = issuePath(issue);
  if (issue.type === 'strict_object' && issue.expected === 'never') return `${where} is not a known key`;
  if (issue.type === 'strict_object' && issue.input === undefined) return `${where} is missing`;
  // A union of "none" and a call: a problem inside the call is the one to name.
  const inner = issue.issues?.find((candidate) => candidate.path !== undefined);
  if (issue.type === 'union' && inner) {
    return describeIssue({ ...inner, path: [...(issue.path ?? []), ...inner.path!] as typeof issue.path });
  }
  return `${where}: expected ${issue.expected ?? 'something else'}, got ${issue.received}`;
}

/** Validates an `endpoints` value: the override, or what is wrong with it, naming the key at fault. */
export function endpointsProblem(value: unknown): { override: EndpointsOverride } | { problem: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { problem: 'endpoints: expected an object' };
  }
  const result = v.safeParse(EndpointsSchema, value);
  return result.success ? { override: result.output } : { problem: describeIssue(result.issues[0]) };
}
