/**
 * Dot paths into JSON: `data.access_token`, `errors.0.message`. How an API configuration
 * says where a value is in an answer, or where a field goes in a request body.
 */

function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

function camelCase(name: string): string {
  return name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** One step down: the key as written, else the same name in the other casing (`accessToken` / `access_token`). */
function step(value: unknown, key: string): unknown {
  if (!isRecord(value)) return undefined;
  for (const candidate of [key, camelCase(key), snakeCase(key)]) {
    if (Object.hasOwn(value, candidate) && value[candidate] !== null && value[candidate] !== undefined) {
      return value[candidate];
    }
  }
  return undefined;
}

/** The value at a dot path, or `undefined`; each key is also tried in the other casing. */
export function readPath(body: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>(step, body);
}

/** An own property even for `__proto__`: a configured name never reaches a prototype. */
function setOwn(node: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Sets a value at a dot path, creating the objects on the way. */
export function writePath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop()!;
  let node = target;
  for (const key of keys) {
    const next = Object.hasOwn(node, key) ? node[key] : undefined;
    if (!isRecord(next)) setOwn(node, key, {});
    node = node[key] as Record<string, unknown>;
  }
  setOwn(node, last, value);
}
