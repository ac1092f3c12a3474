import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compares two secrets without leaking, through timing, how much of them matched.
 * Both sides are hashed first so that their lengths leak nothing either.
 */
export function secretsEqual(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}
