/** One key per API: two widgets for two APIs on one page never share a session. */
export function sessionKey(parts: { baseUrl: string; preset: string; tenant?: string }): string {
  return `jwt-login:v1:${parts.preset}:${parts.baseUrl}:${parts.tenant ?? ''}`;
}
