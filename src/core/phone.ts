/**
 * Turns a phone number as people type it into E.164 (`+436641234567`):
 * spaces, dashes, dots, slashes and parentheses are dropped, a leading `00`
 * becomes `+`. Returns `undefined` for what cannot be an international number
 * (no country code, letters, too short or too long).
 */
export function toE164(input: string): string | undefined {
  const compact = input.trim().replace(/[\s\-.()/\u00a0]/g, '');
  const international = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
  // E.164: a country code that does not start with 0, at most 15 digits in all.
  return /^\+[1-9]\d{6,14}$/.test(international) ? international : undefined;
}
