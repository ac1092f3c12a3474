/** 96 random bits as hex: ids for sessions and pages. getRandomValues works in insecure contexts too (randomUUID does not). */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
