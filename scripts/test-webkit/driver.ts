// WebKitWebDriver (Debian's webkit2gtk-driver) on a free port, with MiniBrowser on the given display.
import { freePort, startProcess, waitForHttp } from '../test-servers/process.js';

export interface WebKitDriver {
  /** The driver's address, e.g. `http://127.0.0.1:41234`; the tests read it from WEBKIT_DRIVER_URL. */
  url: string;
  stop(): Promise<void>;
}

export async function startWebKitDriver(display: string, logFile: string): Promise<WebKitDriver> {
  const port = await freePort();
  const driver = startProcess('WebKitWebDriver', [`--port=${port}`], {
    cwd: process.cwd(),
    env: { ...process.env, DISPLAY: display },
    logFile,
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/status`, driver, 10_000).catch(async (error: unknown) => {
    await driver.stop();
    throw new Error(`WebKitWebDriver did not start (${String(error)}); install it with apt-get install -y webkit2gtk-driver`);
  });
  return { url, stop: () => driver.stop() };
}
