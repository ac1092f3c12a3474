/**
 * Component tests that cannot run in WebKit over WebDriver, by the start of their full title
 * (a `describe` skips all its tests), with the reason. `skip-in-webkit.ts` skips them there and
 * prints the reason; `npm run test:webkit` lists them. Each is in the README's "Browser support".
 */
export const WEBKIT_SKIPS: Record<string, string> = {
  'theming when the reader prefers dark':
    'emulateMedia() (prefers-color-scheme) works through Playwright or Puppeteer only; WebDriver has no media emulation',
};

/** The reason `fullTitle` is skipped in WebKit, or undefined when it runs. */
export function webkitSkipReason(fullTitle: string): string | undefined {
  return Object.entries(WEBKIT_SKIPS).find(([start]) => fullTitle.startsWith(start))?.[1];
}
