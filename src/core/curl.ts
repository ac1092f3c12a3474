/** `text` as one POSIX shell word: in single quotes, each `'` closed, escaped and reopened. */
export function shellWord(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/**
 * The curl command that calls `url` with the access token in its `Authorization` header,
 * for a reader who tries the API from a terminal: pasted into a POSIX shell, it sends the
 * URL and the header exactly as given, whatever characters they hold.
 */
export function curlCommand(url: string, accessToken: string): string {
  return `curl -H ${shellWord(`Authorization: Bearer ${accessToken}`)} ${shellWord(url)}`;
}
