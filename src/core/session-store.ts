import type { SessionRecord } from './refresh-schedule.js';
import { decodeClaims } from './tokens.js';

/** The part of the Web Storage API the store uses (localStorage, sessionStorage). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** One key per API: two widgets for two APIs on one page never share a session. */
export function sessionKey(parts: { baseUrl: string; preset: string; tenant?: string }): string {
  return `jwt-login:v1:${parts.preset}:${parts.baseUrl}:${parts.tenant ?? ''}`;
}

function parseRecord(text: string): SessionRecord | undefined {
  const data = JSON.parse(text) as unknown;
  if (typeof data !== 'object' || data === null) return undefined;
  const { tokens, obtainedAt } = data as Partial<SessionRecord>;
  if (typeof obtainedAt !== 'number' || typeof tokens !== 'object' || tokens === null) return undefined;
  if (typeof tokens.accessToken !== 'string') return undefined;
  // The claims are decoded again rather than trusted from storage.
  const claims = decodeClaims(tokens.accessToken);
  if (!claims) return undefined;
  if (tokens.refreshToken !== undefined && typeof tokens.refreshToken !== 'string') return undefined;
  if (tokens.expiresAt !== undefined && typeof tokens.expiresAt !== 'number') return undefined;
  if (typeof tokens.method !== 'string' || typeof tokens.preset !== 'string') return undefined;
  return { tokens: { ...tokens, tokenType: 'Bearer', claims }, obtainedAt };
}

/**
 * Keeps a session where `persist` says: nowhere (memory), sessionStorage or
 * localStorage. Corrupt or foreign data is discarded, never thrown; a storage
 * that refuses (private mode, a full quota) degrades to memory.
 */
export class SessionStore {
  readonly #storage: KeyValueStorage | undefined;

  constructor(
    storage: KeyValueStorage | undefined,
    readonly key: string,
  ) {
    this.#storage = storage;
  }

  load(): SessionRecord | undefined {
    if (!this.#storage) return undefined;
    try {
      const text = this.#storage.getItem(this.key);
      if (text === null) return undefined;
      const record = parseRecord(text);
      if (!record) this.clear();
      return record;
    } catch {
      this.clear();
      return undefined;
    }
  }

  save(record: SessionRecord): void {
    try {
      this.#storage?.setItem(this.key, JSON.stringify(record));
    } catch {
      // Storage refused: the session lives on in memory.
    }
  }

  clear(): void {
    try {
      this.#storage?.removeItem(this.key);
    } catch {
      // Nothing to clear.
    }
  }
}
