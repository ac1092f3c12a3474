// When the signed-in view's expiry text changes, apart from the view itself (a chunk): the
// session's countdown, which is not, wakes only then.

/**
 * Milliseconds until the expiry text (`formatExpiresIn`: "Expires in 9 min") changes, with
 * `remainingMs` left: the countdown wakes then, once a minute and once a second only in the
 * last minute. Whole minutes of `ceil(seconds)` change as it drops below 60·m, so as the time
 * left passes 60·m − 1 s.
 */
export function expiryTextChangesIn(remainingMs: number): number {
  return remainingMs > 59_000 ? (remainingMs - 59_000) % 60_000 || 60_000 : remainingMs % 1000 || 1000;
}
