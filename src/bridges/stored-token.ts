/**
 * Whether `value`, a credential an explorer keeps in storage, is one of `tokens` as a bridge
 * writes it: the access token itself, or `Bearer <token>`.
 */
export const isStoredToken = (value: unknown, tokens: ReadonlySet<string>): boolean =>
  typeof value === 'string' && tokens.has(value.replace(/^Bearer /, ''));

/** The keys of `storage` now (a copy: entries may be removed while going through them). */
export const storageKeys = (storage: Storage): string[] =>
  Array.from({ length: storage.length }, (_, index) => storage.key(index)).filter((key): key is string => key !== null);
