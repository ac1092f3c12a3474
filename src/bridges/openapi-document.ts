import type { SecuritySchemeObject } from './security-scheme.js';

/** The parts of an OpenAPI (or Swagger 2) document the bridges read. */
export interface ApiDocument {
  servers?: { url?: string }[];
  components?: { securitySchemes?: Record<string, SecuritySchemeObject> };
  securityDefinitions?: Record<string, SecuritySchemeObject>;
  host?: string;
  basePath?: string;
  schemes?: string[];
}

/** Security schemes of an OpenAPI 3 or Swagger 2 document. */
export const securitySchemesOf = (document: ApiDocument | undefined) =>
  document?.components?.securitySchemes ?? document?.securityDefinitions;

/**
 * The document an explorer was given: its inline content (an object or JSON text), else
 * what `url` answers, read as JSON. `undefined` when it is YAML or cannot be fetched:
 * callers then rely on their options.
 */
export async function loadApiDocument(content: unknown, url: string | undefined): Promise<ApiDocument | undefined> {
  try {
    if (content && typeof content === 'object') return content as ApiDocument;
    if (typeof content === 'string' && content.trim()) return JSON.parse(content) as ApiDocument;
    if (!url) return undefined;
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    return response.ok ? ((await response.json()) as ApiDocument) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The base URLs the document's operations are sent to: its `servers` (OpenAPI 3) or
 * `host` + `basePath` (Swagger 2), resolved against the document's own URL; the document's
 * origin when it names none.
 */
export function serverUrlsOf(document: ApiDocument | undefined, documentUrl: string): string[] {
  const servers = document?.servers?.flatMap((server) => (server.url ? [server.url] : []));
  if (servers?.length) return servers.map((url) => new URL(url, documentUrl).href);
  if (document?.host) {
    const scheme = document.schemes?.[0] ?? new URL(documentUrl).protocol.slice(0, -1);
    return [`${scheme}://${document.host}${document.basePath ?? ''}`];
  }
  return [new URL('/', documentUrl).href];
}
