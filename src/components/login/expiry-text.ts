import { defaultTexts, type Texts } from './messages.js';

/** "Expires in 4 h 59 min", "Expires in 9 min", "Expires in 42 s", "Expired". */
export function formatExpiresIn(seconds: number, locale: string, texts: Texts = defaultTexts): string {
  // Round up: with half a second left the token is still valid.
  const total = Math.ceil(seconds);
  if (total <= 0) return texts.get('session.expired');
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const hours = number.format(Math.floor(total / 3600));
  const minutes = number.format(Math.floor((total % 3600) / 60));
  if (total >= 3600) return texts.get('session.expires-in-hours', { hours, minutes });
  if (total >= 60) return texts.get('session.expires-in-minutes', { minutes });
  return texts.get('session.expires-in-seconds', { secs: number.format(total) });
}

/**
 * Milliseconds until `formatExpiresIn` shows another text, with `remainingMs` left: the
 * countdown wakes then, once a minute and once a second only in the last minute. Whole
 * minutes of `ceil(seconds)` change as it drops below 60·m, so as the time left passes 60·m − 1 s.
 */
export function expiryTextChangesIn(remainingMs: number): number {
  return remainingMs > 59_000 ? (remainingMs - 59_000) % 60_000 || 60_000 : remainingMs % 1000 || 1000;
}
