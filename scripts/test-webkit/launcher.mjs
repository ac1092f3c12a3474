// @web/test-runner-webdriver's launcher, with `sendKeys` typing as it does under Playwright.
// The launcher hands every key of `sendKeys({ type })` to one WebdriverIO `keys()` call, which
// presses them all down before releasing any: WebKit drops a key pressed while already down, so
// "password" arrived as "pasword". And `sendKeys({ press: 'Control+V' })` typed the text
// "Control+V". Here each typed character is a key press of its own and a `+` combination a chord.
import { WebdriverLauncher } from '@web/test-runner-webdriver';

const COMBINATION = /^[A-Za-z]+(\+[A-Za-z0-9]+)+$/;

export class WebKitLauncher extends WebdriverLauncher {
  /** @param {string} sessionId @param {string[]} keys what sendKeys passes: typed characters, or one key to press */
  async sendKeys(sessionId, keys) {
    if (keys.length === 1 && COMBINATION.test(keys[0])) return super.sendKeys(sessionId, keys[0].split('+').map((key) => (key.length === 1 ? key.toLowerCase() : key)));
    for (const key of keys) await super.sendKeys(sessionId, [key]);
  }
}
