/** An OpenAPI security scheme object, as far as the bridges read it. */
export interface SecuritySchemeObject {
  type?: string;
  scheme?: string;
  in?: string;
  name?: string;
}

/** The scheme that carries the widget's token, and the value the explorer expects for it. */
export interface BearerScheme {
  name: string;
  /** `http` (bearer) or `apiKey`. */
  type: string;
  /** The request header the scheme fills. */
  header: string;
  /**
   * `http` bearer schemes take the bare token (the explorer adds `Bearer `); an API-key
   * scheme sent as the `Authorization` header (Swagger 2 documents) takes the whole value.
   */
  valueOf(accessToken: string): string;
}

const isHttpBearer = (scheme: SecuritySchemeObject) =>
  scheme.type?.toLowerCase() === 'http' && scheme.scheme?.toLowerCase() === 'bearer';
const isAuthorizationApiKey = (scheme: SecuritySchemeObject) =>
  scheme.type === 'apiKey' && scheme.in === 'header' && scheme.name?.toLowerCase() === 'authorization';

/**
 * Picks `preferred` when given (whatever its type), else the first HTTP bearer scheme,
 * else the first API-key scheme sent as the `Authorization` header.
 */
export function pickBearerScheme(
  schemes: Record<string, SecuritySchemeObject | undefined> | undefined,
  preferred?: string,
): BearerScheme | undefined {
  const entries = Object.entries(schemes ?? {}).filter((entry): entry is [string, SecuritySchemeObject] => !!entry[1]);
  const found = preferred
    ? entries.find(([name]) => name === preferred)
    : (entries.find(([, scheme]) => isHttpBearer(scheme)) ?? entries.find(([, scheme]) => isAuthorizationApiKey(scheme)));
  if (!found) return undefined;
  const [name, scheme] = found;
    return {
    name,
    type: scheme.type ?? 'http',
    header: scheme.type === 'apiKey' && scheme.name ? scheme.name : 'Authorization',
    valueOf: (token) => (isAuthorizationApiKey(scheme) ? `Bearer ${token}` : token),
  };
}
