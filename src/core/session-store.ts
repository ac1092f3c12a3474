import type { SessionRecord } from './refresh-schedule.js';
import type { KeyValueStorage } from './element-memory.js';
import { decodeClaims } from './tokens.js';

const optional = (value: unknown, type: 'string' | 'number') => value === undefined || typeof value === type;

/**
 * A session record from data that came from outside this tab's memory (storage, another
 * tab's message): checked field by field, claims decoded again from the access token rather
 * than trusted. `undefined` for anything else; never throws. A record stored before records
 * had ids gets `fallbackId`; without one, a record without an id is refused.
 */
export function recordFromData(data: unknown, fallbackId?: string): SessionRecord | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { id = fallbackId, tokens, obtainedAt, owner } = data as Partial<SessionRecord>;
  if (typeof id !== 'string' || typeof obtainedAt !== 'number' || !Number.isFinite(obtainedAt)) return undefined;
  if (typeof tokens !== 'object' || tokens === null || typeof tokens.accessToken !== 'string') return undefined;
  const claims = decodeClaims(tokens.accessToken);
  if (!claims || !optional(owner, 'string')) return undefined;
  if (!optional(tokens.refreshToken, 'string') || !optional(tokens.expiresAt, 'number') || !optional(tokens.tenant, 'string')) return undefined;
  if (typeof tokens.method !== 'string' || typeof tokens.preset !== 'string') return undefined;
  return { id, tokens: { ...tokens, tokenType: 'Bearer', claims }, obtainedAt, ...(owner ? { owner } : {}) };
}

function parseRecord(text: string): SessionRecord | undefined {
  return recordFromData(JSON.parse(text), 'stored');
}

/**
 * Keeps a session where `persist` says: nowhere (memory), sessionStorage or
 * localStorage. Corrupt or foreign data is discarded, never thrown; a storage
 * that refuses (private mode, a full quota) degrades to memory.
 */
export class SessionStore {
  readonly #storage: KeyValueStorage | undefined;
  readonly #keepResponse: boolean;

  /**
   * `keepResponse`: whether the answer body (TokenSet.response) is saved too. The page's
   * storage gets only what the session needs: the body may hold profile data nobody chose
   * to persist, and a restored session's `response` is `{}`.
   */
  constructor(
    storage: KeyValueStorage | undefined,
    readonly key: string,
    options: { keepResponse?: boolean } = {},
  ) {
    this.#storage = storage;
    this.#keepResponse = options.keepResponse ?? false;
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
    const kept = this.#keepResponse ? record : { ...record, tokens: { ...record.tokens, response: {} } };
    try {
      this.#storage?.setItem(this.key, JSON.stringify(kept));
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
