import { defaultTexts, type Texts } from './messages.js';

/**
 * "Expires in 4 h 59 min", "Expires in 9 min", "Expires in 42 s", "Expired": a new text once a
 * minute, once a second in the last minute, when `expiryTextChangesIn` (core) wakes the countdown.
 */
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
