// A virtual X display (Xvfb) for MiniBrowser, so the WebKit run is headless on any machine.
import { existsSync } from 'node:fs';
import { startProcess } from '../test-servers/process.js';

export interface Display {
  /** The `DISPLAY` value, e.g. `:99`. */
  name: string;
  stop(): Promise<void>;
}

const socket = (number: number) => `/tmp/.X11-unix/X${number}`;
const inUse = (number: number) => existsSync(socket(number)) || existsSync(`/tmp/.X${number}-lock`);

/** Starts Xvfb on the first free display from :99 and waits for its socket. */
export async function startDisplay(logFile: string): Promise<Display> {
  let number = 99;
  while (inUse(number)) number += 1;
  const xvfb = startProcess('Xvfb', [`:${number}`, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { cwd: process.cwd(), env: process.env, logFile });
  const deadline = Date.now() + 10_000;
  while (!existsSync(socket(number))) {
    if (xvfb.child.exitCode !== null || Date.now() > deadline) {
      await xvfb.stop();
      throw new Error(`Xvfb :${number} did not start (see ${logFile}); install it with apt-get install -y xvfb`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { name: `:${number}`, stop: () => xvfb.stop() };
}
