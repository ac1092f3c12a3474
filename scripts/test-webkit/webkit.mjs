// WebKitGTK's MiniBrowser driven over WebDriver (Debian: `apt-get install -y webkit2gtk-driver xvfb`).
// The runner (scripts/test-webkit/index.ts) starts the display and WebKitWebDriver and passes the
// driver's address on in WEBKIT_DRIVER_URL; web-test-runner and the smoke specs connect to it.
import { existsSync } from 'node:fs';

const MINIBROWSER_PATHS = [
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/x86_64-linux-gnu/webkitgtk-6.0/MiniBrowser',
  '/usr/lib/aarch64-linux-gnu/webkitgtk-6.0/MiniBrowser',
];

/** MiniBrowser: MINIBROWSER_PATH, else Debian's webkit2gtk-driver / webkitgtk-6.0 locations. */
export function findMiniBrowser() {
  const fromEnv = process.env.MINIBROWSER_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return MINIBROWSER_PATHS.find((path) => existsSync(path));
}

/** WebDriver capabilities that start MiniBrowser under automation. */
export function webkitCapabilities() {
  const binary = findMiniBrowser();
  if (!binary) throw new Error('No MiniBrowser found: apt-get install -y webkit2gtk-driver, or set MINIBROWSER_PATH.');
  return {
    browserName: 'MiniBrowser',
    // WebKitWebDriver refuses the `webSocketUrl` (WebDriver BiDi) capability WebdriverIO asks for by default.
    'wdio:enforceWebDriverClassic': true,
    'webkitgtk:browserOptions': { binary, args: ['--automation'] },
  };
}

/** WebdriverIO `remote()` options for the WebKitWebDriver at WEBKIT_DRIVER_URL. */
export function webkitRemoteOptions() {
  const address = process.env.WEBKIT_DRIVER_URL;
  if (!address) throw new Error('WEBKIT_DRIVER_URL is not set: run the WebKit tests with `npm run test:webkit`.');
  const url = new URL(address);
  return { protocol: 'http', hostname: url.hostname, port: Number(url.port), path: '/', logLevel: 'error', capabilities: webkitCapabilities() };
}
